import { type DocumentSummary, partyDocTypeList, partyDocTypes } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DocumentRegisterModal } from './document-register-modal.tsx';
import { documentListQuery } from './documents-api.ts';

/** "Sổ văn bản": the register of Party documents, searched without accents by number or words. */
export function DocumentsPage() {
  const { t, locale } = useI18n();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<'in_force' | 'replaced' | undefined>();
  const [registering, setRegistering] = useState(false);
  const q = useDebouncedValue(text.trim(), 250);
  const list = useQuery(documentListQuery({ ...(q ? { q } : {}), ...(type ? { type } : {}), ...(year ? { year } : {}), ...(status ? { status } : {}) }));
  if (list.error) return <PageError error={list.error} />;
  return (
    <>
      <PageHeader title={t('work.documents.title')} extra={can(session, 'records.write') ? <Button type="primary" onClick={() => setRegistering(true)}>{t('work.documents.register')}</Button> : null} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear style={{ width: 320 }} aria-label={t('work.documents.search')} placeholder={t('work.documents.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <Select allowClear style={{ width: 200 }} aria-label={t('work.documents.type')} placeholder={t('work.documents.type')} value={type} onChange={setType} options={partyDocTypeList.map((k) => ({ value: k, label: `${k} — ${partyDocTypes[k][locale === 'en' ? 'en' : 'vi']}` }))} />
        <InputNumber aria-label={t('work.year')} placeholder={t('work.year')} min={1930} max={2100} value={year} onChange={(v) => setYear(v)} />
        <Select allowClear style={{ width: 160 }} aria-label={t('work.documents.status')} placeholder={t('work.documents.status')} value={status} onChange={setStatus} options={[{ value: 'in_force', label: t('work.documents.inForce') }, { value: 'replaced', label: t('work.documents.replaced') }]} />
      </Space>
      <Table<DocumentSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50 }}
        onRow={(row) => ({ onDoubleClick: () => void navigate(`/documents/${row.id}`) })}
        columns={[
          { title: t('work.documents.number'), dataIndex: 'number', render: (_v, row) => <Link to={`/documents/${row.id}`}>{row.number}</Link> },
          { title: t('work.documents.type'), dataIndex: 'typeName' },
          { title: t('work.documents.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
          { title: t('work.documents.subject'), dataIndex: 'subject' },
          { title: t('work.documents.status'), dataIndex: 'status', render: (v: DocumentSummary['status']) => (v === 'in_force' ? <Tag color="green">{t('work.documents.inForce')}</Tag> : <Tag>{t('work.documents.replaced')}</Tag>) },
        ]}
      />
      <DocumentRegisterModal open={registering} onClose={() => setRegistering(false)} onCreated={(id) => void navigate(`/documents/${id}`)} />
    </>
  );
}
