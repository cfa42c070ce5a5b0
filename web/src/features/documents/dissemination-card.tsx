import type { DisseminationView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Progress, Segmented, Space, Table, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, formatDate, toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { documentsApi, refreshDocuments } from './documents-api.ts';

type UnitRow = DisseminationView['units'][number];

/** One dissemination: "N/M đơn vị đã quán triệt", the units behind, and per-unit recording of the day and implementing document. */
export function DisseminationCard({ dissemination, canRecord }: { readonly dissemination: DisseminationView; readonly canRecord: boolean }) {
  const { t } = useI18n();
  const [show, setShow] = useState<'behind' | 'all'>('behind');
  const [recording, setRecording] = useState<UnitRow | null>(null);
  const rows = show === 'behind' ? dissemination.units.filter((u) => u.disseminatedOn === null) : dissemination.units;
  const percent = dissemination.total === 0 ? 0 : Math.round((dissemination.done / dissemination.total) * 100);
  return (
    <Card
      size="small"
      title={t('work.dissemination.title', { from: dissemination.fromUnitName, date: formatDate(dissemination.asOf) })}
      extra={<Segmented size="small" value={show} onChange={(v) => setShow(v === 'all' ? 'all' : 'behind')} options={[{ value: 'behind', label: t('work.dissemination.behind') }, { value: 'all', label: t('work.dissemination.all') }]} />}
    >
      <Space align="center" size="large" style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="dissemination-count">{t('work.dissemination.count', { done: dissemination.done, total: dissemination.total })}</Typography.Text>
        <Progress percent={percent} style={{ width: 240 }} />
      </Space>
      <Table<UnitRow>
        size="small"
        rowKey="unitId"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('work.unit'), dataIndex: 'name', render: (v: string, row) => (row.endedOn ? <span>{v} <Typography.Text type="secondary">({t('work.dissemination.ended', { date: formatDate(row.endedOn) })})</Typography.Text></span> : v) },
          { title: t('work.dissemination.on'), dataIndex: 'disseminatedOn', render: (v: string | null) => (v ? formatDate(v) : <Typography.Text type="warning">{t('work.dissemination.notYet')}</Typography.Text>) },
          { title: t('work.dissemination.implementing'), dataIndex: 'implementingNumber', render: (v: string | null) => v ?? '' },
          ...(canRecord ? [{ title: t('common.actions'), key: 'a', render: (_v: unknown, row: UnitRow) => <Button size="small" onClick={() => setRecording(row)}>{t('work.dissemination.record')}</Button> }] : []),
        ]}
      />
      <RecordModal disseminationId={dissemination.id} unit={recording} onClose={() => setRecording(null)} />
    </Card>
  );
}

interface RecordForm {
  disseminatedOn: dayjs.Dayjs;
  implementingNumber?: string;
}

function RecordModal({ disseminationId, unit, onClose }: { readonly disseminationId: string; readonly unit: UnitRow | null; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<RecordForm>();
  const save = useMutation({
    mutationFn: (v: RecordForm) => documentsApi.report(disseminationId, { unitId: unit?.unitId ?? '', disseminatedOn: toIsoDate(v.disseminatedOn), implementingNumber: v.implementingNumber?.trim() ? v.implementingNumber.trim() : null }),
    onSuccess: async () => {
      await refreshDocuments();
      onClose();
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Modal open={unit !== null} title={t('work.dissemination.recordFor', { unit: unit?.name ?? '' })} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<RecordForm> form={form} layout="vertical" initialValues={{ disseminatedOn: today() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="disseminatedOn" label={t('work.dissemination.on')} rules={[{ required: true, message: t('work.required') }]}>
          <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="implementingNumber" label={t('work.dissemination.implementing')} extra={t('work.documents.numberHelp')}>
          <Input placeholder="03-KH/TU" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
