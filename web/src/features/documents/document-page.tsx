import type { DocumentRelationKind } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AttachmentList } from './attachment-list.tsx';
import { DisseminateModal } from './disseminate-modal.tsx';
import { DisseminationCard } from './dissemination-card.tsx';
import { documentListQuery, documentQuery, documentsApi, refreshDocuments } from './documents-api.ts';

const relationKinds: readonly DocumentRelationKind[] = ['replaces', 'guides', 'implements', 'amends'];

/** A Party document: its particulars, relations, files, dissemination "N/M" and the units behind. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const doc = useQuery(documentQuery(id));
  const [sending, setSending] = useState(false);
  if (doc.error) return <PageError error={doc.error} />;
  if (!doc.data) return <PageSpinner />;
  const d = doc.data;
  const writer = can(session, 'records.write');
  const ownerName = session.grants.find((g) => g.unitId === d.ownerUnitId)?.unitName ?? '';
  return (
    <>
      <PageHeader
        title={`${d.number} — ${d.subject}`}
        subtitle={`${d.typeName} · ${formatDate(d.issuedOn)}`}
        extra={
          <Space wrap>
            {writer ? <Button onClick={() => setSending(true)}>{t('work.dissemination.send')}</Button> : null}
            {writer ? <Button type="primary" onClick={() => void navigate(`/tasks?new=1&documentId=${d.id}`)}>{t('work.tasks.fromDocument')}</Button> : null}
            <Button onClick={() => void navigate(`/tasks?documentId=${d.id}`)}>{t('work.tasks.ofDocument')}</Button>
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('work.documents.number')}>{d.number}</Descriptions.Item>
            <Descriptions.Item label={t('work.documents.issuer')}>{d.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('work.documents.status')}>{d.status === 'in_force' ? <Tag color="green">{t('work.documents.inForce')}</Tag> : <Tag>{t('work.documents.replaced')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('work.documents.issuedOn')}>{formatDate(d.issuedOn)}</Descriptions.Item>
            {d.summary ? <Descriptions.Item label={t('work.documents.summary')} span={2}>{d.summary}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title={t('work.documents.relations')}>
          <List
            size="small"
            locale={{ emptyText: t('work.documents.noRelations') }}
            dataSource={d.relations}
            renderItem={(r) => (
              <List.Item>
                <span>
                  {t(`work.relation.${r.kind}.${r.direction}`)} <Link to={`/documents/${r.document.id}`}>{r.document.number}</Link> — {r.document.subject}
                </span>
              </List.Item>
            )}
          />
          {writer ? <RelationForm documentId={d.id} /> : null}
        </Card>
        <Card size="small" title={t('work.attachments.title')}>
          <AttachmentList testId="document-attachments" files={d.attachments} downloadBase="/api/documents/attachments" onAttach={writer ? async (file) => { await documentsApi.attach(d.id, file); await refreshDocuments(); } : undefined} onRemove={writer ? async (fileId) => { await documentsApi.removeAttachment(fileId); await refreshDocuments(); } : undefined} />
        </Card>
        {d.disseminations.map((s) => (
          <DisseminationCard key={s.id} dissemination={s} canRecord={writer} />
        ))}
      </Space>
      <DisseminateModal documentId={d.id} open={sending} onClose={() => setSending(false)} defaultFrom={ownerName ? { value: d.ownerUnitId, label: ownerName } : null} />
    </>
  );
}

/** States a relation to another registered document, found by number or words. */
function RelationForm({ documentId }: { readonly documentId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [kind, setKind] = useState<DocumentRelationKind>('implements');
  const [target, setTarget] = useState<string | undefined>();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useQuery({ ...documentListQuery({ q }), enabled: q.length > 0 });
  const add = async () => {
    if (!target) return;
    try {
      await documentsApi.relate(documentId, kind, target);
      setTarget(undefined);
      await refreshDocuments();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Select style={{ width: 180 }} aria-label={t('work.documents.relationKind')} value={kind} onChange={setKind} options={relationKinds.map((k) => ({ value: k, label: t(`work.relation.${k}.outgoing`) }))} />
      <Select
        style={{ width: 360 }}
        aria-label={t('work.documents.relationTarget')}
        placeholder={t('work.documents.search')}
        showSearch={{ filterOption: false, onSearch: setText }}
        value={target}
        onChange={setTarget}
        options={(found.data ?? []).filter((x) => x.id !== documentId).map((x) => ({ value: x.id, label: `${x.number} — ${x.subject}` }))}
      />
      <Button disabled={!target} onClick={() => void add()}>{t('work.documents.relate')}</Button>
    </Space>
  );
}
