import { type AgendaItem, agendaItemKind, type AgendaItemKind, type ConferenceView } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { conferencesApi, documentOptionsQuery, refreshConference } from './conferences-api.ts';

interface ItemForm {
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly documentId?: string | null;
  readonly unitId?: string | null;
  readonly speaker?: string;
}

const inputOf = (a: AgendaItem) => ({ kind: a.kind, title: a.title, documentId: a.documentId, unitId: a.unitId, speaker: a.speaker });

/** The agenda: the period's consolidated report, documents to disseminate, contributions by named units, the conclusion. */
export function AgendaCard({ view }: { readonly view: ConferenceView }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<ItemForm>();
  const kind = Form.useWatch('kind', form);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const documents = useQuery(documentOptionsQuery(q));
  const save = useMutation({
    mutationFn: (items: ReturnType<typeof inputOf>[]) => conferencesApi.setAgenda(view.id, { items }),
    onSuccess: () => {
      form.resetFields();
      void refreshConference(view.id);
    },
  });
  const current = view.agenda.map(inputOf);
  const add = (v: ItemForm) => {
    const item = { kind: v.kind, title: v.title, documentId: v.documentId ?? null, unitId: v.unitId ?? null, speaker: v.speaker?.trim() || null };
    // A new item goes before the chair's conclusion, which closes the agenda.
    const end = current.findIndex((c) => c.kind === 'conclusion');
    save.mutate(end < 0 ? [...current, item] : [...current.slice(0, end), item, ...current.slice(end)]);
  };
  return (
    <Card title={t('conferences.agenda')}>
      <List
        size="small"
        dataSource={view.agenda}
        renderItem={(a, i) => (
          <List.Item actions={view.manages ? [<Button key="remove" size="small" type="link" onClick={() => save.mutate(current.filter((_, j) => j !== i))}>{t('common.remove')}</Button>] : []}>
            <Space wrap>
              <span>{i + 1}.</span>
              <Tag>{t(`conferences.agendaKinds.${a.kind}`)}</Tag>
              <span>{a.title}</span>
              {a.documentNumber ? <Link to={`/documents/${a.documentId ?? ''}`}>{a.documentNumber}</Link> : null}
              {a.unitName ? <span>— {a.unitName}{a.speaker ? `, ${a.speaker}` : ''}</span> : null}
              {a.kind === 'report' && view.period ? (
                <span>
                  <Link to={`/reports?period=${view.period.id}`}>{view.period.label}</Link> ({t('conferences.reportedOf', { reported: view.period.reported, expected: view.period.expected })})
                </span>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {view.manages ? (
        <Form<ItemForm> form={form} layout="inline" initialValues={{ kind: 'contribution' }} onFinish={add} style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item name="kind"><Select style={{ width: 200 }} options={agendaItemKind.options.map((k) => ({ value: k, label: t(`conferences.agendaKinds.${k}`) }))} /></Form.Item>
          <Form.Item name="title" rules={[{ required: true, whitespace: true }]}><Input placeholder={t('conferences.agendaTitle')} style={{ width: 320 }} /></Form.Item>
          {kind === 'document' ? (
            <Form.Item name="documentId" rules={[{ required: true }]}>
              <Select showSearch={{ filterOption: false, onSearch: setText }} style={{ width: 280 }} placeholder={t('conferences.documentPick')} options={(documents.data ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.subject}` }))} />
            </Form.Item>
          ) : null}
          {kind === 'contribution' ? (
            <>
              <Form.Item name="unitId" rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} placeholder={t('conferences.unitPick')} options={view.pointList.map((p) => ({ value: p.unitId, label: p.unitName }))} />
              </Form.Item>
              <Form.Item name="speaker"><Input placeholder={t('conferences.speaker')} /></Form.Item>
            </>
          ) : null}
          <Button htmlType="submit" loading={save.isPending}>{t('conferences.addItem')}</Button>
        </Form>
      ) : null}
      {save.isError ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginTop: 16 }} /> : null}
    </Card>
  );
}
