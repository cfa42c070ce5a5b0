import type { ConferenceView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, formatDate, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { conferencesApi, refreshConference } from './conferences-api.ts';

interface ConclusionForm {
  readonly summary: string;
  readonly items: readonly { readonly text: string; readonly leadUnitId: string; readonly dueOn: dayjs.Dayjs }[];
}

/** The chair's conclusion: items with lead units and due dates, turned into tasks in one step. */
export function ConclusionCard({ view }: { readonly view: ConferenceView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const pending = view.conclusions.filter((c) => c.taskId === null);
  const units = [{ value: view.hostUnitId, label: view.hostUnitName }, ...view.pointList.map((p) => ({ value: p.unitId, label: p.unitName }))];
  const record = useMutation({
    mutationFn: (v: ConclusionForm) => conferencesApi.recordConclusion(view.id, { summary: v.summary ?? '', items: (v.items ?? []).map((i) => ({ text: i.text, leadUnitId: i.leadUnitId, dueOn: toIsoDate(i.dueOn) })) }),
    onSuccess: () => {
      void message.success(t('conferences.conclusionSaved'));
      void refreshConference(view.id);
    },
  });
  const toTasks = useMutation({
    mutationFn: () => conferencesApi.toTasks(view.id),
    onSuccess: (r) => {
      void message.success(t('conferences.tasksCreated', { count: r.created }));
      void refreshConference(view.id);
    },
  });
  return (
    <Card title={t('conferences.conclusion')} extra={view.manages && pending.length > 0 ? <Button type="primary" loading={toTasks.isPending} onClick={() => toTasks.mutate()}>{t('conferences.toTasks')}</Button> : null}>
      {view.conclusionSummary ? <p>{view.conclusionSummary}</p> : null}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={view.conclusions}
        columns={[
          { title: t('conferences.conclusionText'), dataIndex: 'text' },
          { title: t('conferences.leadUnit'), dataIndex: 'leadUnitName' },
          { title: t('conferences.dueOn'), dataIndex: 'dueOn', render: formatDate },
          { title: t('conferences.task'), dataIndex: 'taskId', render: (id: string | null) => (id ? <Link to={`/tasks/${id}`}>{t('conferences.taskOpen')}</Link> : t('conferences.taskNone')) },
        ]}
      />
      {toTasks.isError ? <Alert type="error" showIcon title={errorText(toTasks.error)} style={{ marginTop: 16 }} /> : null}
      {view.manages ? (
        <Form<ConclusionForm>
          // Remounted when the saved items change, so the form always starts from what is stored.
          key={view.conclusions.map((c) => `${c.id}:${c.taskId ?? ''}`).join(',')}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ summary: view.conclusionSummary ?? '', items: pending.length > 0 ? pending.map((c) => ({ text: c.text, leadUnitId: c.leadUnitId, dueOn: dayjs(c.dueOn) })) : [{}] }} onFinish={(v) => record.mutate(v)}>
          <Form.Item name="summary" label={t('conferences.conclusionSummary')}><Input.TextArea rows={3} /></Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'text']} label={i === 0 ? t('conferences.conclusionText') : undefined} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={1} style={{ width: 380 }} aria-label={`${t('conferences.conclusionText')} ${i + 1}`} /></Form.Item>
                    <Form.Item name={[field.name, 'leadUnitId']} label={i === 0 ? t('conferences.leadUnit') : undefined} rules={[{ required: true }]}><Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} options={units} aria-label={`${t('conferences.leadUnit')} ${i + 1}`} /></Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} label={i === 0 ? t('conferences.dueOn') : undefined} rules={[{ required: true }]}><DatePicker format={dateFormat} aria-label={`${t('conferences.dueOn')} ${i + 1}`} /></Form.Item>
                    <Button type="link" onClick={() => remove(field.name)}>{t('common.remove')}</Button>
                  </Space>
                ))}
                <Space>
                  <Button onClick={() => add()}>{t('conferences.addConclusion')}</Button>
                  <Button type="primary" htmlType="submit" loading={record.isPending}>{t('conferences.saveConclusion')}</Button>
                </Space>
              </>
            )}
          </Form.List>
          {record.isError ? <Alert type="error" showIcon title={errorText(record.error)} style={{ marginTop: 16 }} /> : null}
        </Form>
      ) : null}
    </Card>
  );
}
