import type { ConferencePoint, ConferenceView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { conferencesApi, refreshConference } from './conferences-api.ts';
import { PointAdder, pointsChangeable } from './point-changes.tsx';

interface ConfirmForm {
  readonly chair: string;
  readonly attendees: number;
  readonly contact: string;
}

/** The live check-in board: connected / not yet per point, with the unit's confirmation. */
export function PointBoard({ view, live, writer }: { readonly view: ConferenceView; readonly live: boolean; readonly writer: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState<ConferencePoint | null>(null);
  const checkIn = useMutation({
    mutationFn: (p: { unitId: string; connected: boolean }) => conferencesApi.checkIn(view.id, p.unitId, p.connected),
    onSuccess: () => void refreshConference(view.id),
  });
  const confirm = useMutation({
    mutationFn: (v: ConfirmForm & { unitId: string }) => conferencesApi.confirm(view.id, v),
    onSuccess: () => {
      setConfirming(null);
      void refreshConference(view.id);
    },
  });
  const remove = useMutation({
    mutationFn: (unitId: string) => conferencesApi.changePoints(view.id, { add: [], remove: [unitId] }),
    onSuccess: () => void refreshConference(view.id),
  });
  const changeable = pointsChangeable(view);
  return (
    <Card title={t('conferences.board')} extra={<Tag color={live ? 'green' : 'default'}>{live ? t('conferences.live') : t('conferences.notLive')}</Tag>}>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('conferences.connectedOf')} value={`${view.connected}/${view.points}`} />
        <Statistic title={t('conferences.confirmedOf')} value={`${view.confirmed}/${view.points}`} />
      </Space>
      {changeable ? <PointAdder view={view} /> : null}
      {checkIn.isError ? <Alert type="error" showIcon title={errorText(checkIn.error)} style={{ marginBottom: 16 }} /> : null}
      {remove.isError ? <Alert type="error" showIcon title={errorText(remove.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ConferencePoint>
        rowKey="unitId"
        size="small"
        pagination={{ pageSize: 80, hideOnSinglePage: true }}
        dataSource={view.pointList}
        columns={[
          { title: t('conferences.point'), dataIndex: 'unitName' },
          { title: t('conferences.pointChair'), dataIndex: 'chair' },
          { title: t('conferences.attendees'), dataIndex: 'attendees' },
          { title: t('conferences.contact'), dataIndex: 'contact' },
          { title: t('conferences.confirmedAt'), dataIndex: 'confirmedAt', render: formatDateTime },
          {
            title: t('conferences.state'),
            key: 'state',
            render: (_: unknown, p) => (p.connectedAt ? <Tag color="green">{t('conferences.connected')}</Tag> : <Tag>{t('conferences.notConnected')}</Tag>),
          },
          ...(writer
            ? [{
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, p: ConferencePoint) => (
                  <Space>
                    <Button size="small" type={p.connectedAt ? 'default' : 'primary'} loading={checkIn.isPending && checkIn.variables.unitId === p.unitId} onClick={() => checkIn.mutate({ unitId: p.unitId, connected: p.connectedAt === null })}>
                      {p.connectedAt ? t('conferences.disconnect') : t('conferences.checkIn')}
                    </Button>
                    <Button size="small" onClick={() => setConfirming(p)}>{t('conferences.confirm')}</Button>
                    {changeable && p.connectedAt === null ? (
                      <Popconfirm title={t('conferences.removePointConfirm', { name: p.unitName })} okText={t('conferences.removePoint')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(p.unitId)}>
                        <Button size="small" danger aria-label={t('conferences.removePointNamed', { name: p.unitName })}>{t('conferences.removePoint')}</Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <Modal open={confirming !== null} title={`${t('conferences.confirm')}: ${confirming?.unitName ?? ''}`} footer={null} onCancel={() => setConfirming(null)} destroyOnHidden>
        {confirming ? (
          <Form<ConfirmForm> layout="vertical" initialValues={{ chair: confirming.chair ?? '', attendees: confirming.attendees ?? undefined, contact: confirming.contact ?? '' }} onFinish={(v) => confirm.mutate({ ...v, unitId: confirming.unitId })}>
            <Form.Item name="chair" label={t('conferences.pointChair')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
            <Form.Item name="attendees" label={t('conferences.attendees')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Form.Item name="contact" label={t('conferences.contact')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
            {confirm.isError ? <Alert type="error" showIcon title={errorText(confirm.error)} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>{t('common.save')}</Button>
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
