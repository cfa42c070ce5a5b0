import { type TaskStatus, type TaskView, taskStatus } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AttachmentList } from '../documents/attachment-list.tsx';
import { refreshTasks, tasksApi } from './tasks-api.ts';

interface UpdateForm {
  kind: 'progress' | 'comment';
  unitId?: string;
  status?: TaskStatus;
  progress?: number | null;
  note?: string;
}

/** Progress reports and comments of a task, newest first, each with its files; a form to add one. */
export function TaskUpdates({ task }: { readonly task: TaskView }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<UpdateForm>();
  const kind = Form.useWatch('kind', form) ?? 'progress';
  const reporting = [{ value: task.leadUnitId, label: task.leadUnitName }, ...(task.rollout?.behind ?? []).filter((b) => b.unitId !== task.leadUnitId).map((b) => ({ value: b.unitId, label: b.name }))];
  const add = useMutation({
    mutationFn: (v: UpdateForm) => tasksApi.update(task.id, { kind: v.kind, unitId: v.unitId ?? null, status: v.kind === 'progress' ? (v.status ?? null) : null, progress: v.kind === 'progress' ? (v.progress ?? null) : null, note: v.note?.trim() ? v.note.trim() : null }),
    onSuccess: async () => {
      form.resetFields();
      await refreshTasks();
    },
  });
  return (
    <Card size="small" title={t('work.updates.title')}>
      <Form<UpdateForm> form={form} layout="vertical" initialValues={{ kind: 'progress', unitId: task.rollout ? undefined : task.leadUnitId }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="kind"><Segmented options={[{ value: 'progress', label: t('work.updates.progress') }, { value: 'comment', label: t('work.updates.comment') }]} /></Form.Item>
        <Space wrap align="start">
          <Form.Item name="unitId" label={t('work.updates.unit')} style={{ minWidth: 280 }}>
            <Select options={reporting} showSearch={{ optionFilterProp: 'label' }} placeholder={task.leadUnitName} />
          </Form.Item>
          {kind === 'progress' ? (
            <>
              <Form.Item name="status" label={t('work.tasks.status')} style={{ minWidth: 180 }}>
                <Select allowClear options={taskStatus.options.map((s) => ({ value: s, label: t(`work.status.${s}`) }))} />
              </Form.Item>
              <Form.Item name="progress" label={t('work.tasks.progress')}>
                <InputNumber min={0} max={100} addonAfter="%" />
              </Form.Item>
            </>
          ) : null}
        </Space>
        <Form.Item name="note" label={t('work.updates.note')} rules={kind === 'comment' ? [{ required: true, message: t('work.required') }] : []}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {add.error ? <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorText(add.error)} /> : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('work.updates.send')}</Button>
      </Form>
      <List
        style={{ marginTop: 16 }}
        dataSource={task.updates}
        locale={{ emptyText: t('work.updates.none') }}
        renderItem={(u) => (
          <List.Item data-testid="task-update">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag>{u.kind === 'comment' ? t('work.updates.comment') : t('work.updates.progress')}</Tag>
                <Typography.Text strong>{u.unitName ?? ''}</Typography.Text>
                {u.status ? <Tag color="blue">{t(`work.status.${u.status}`)}</Tag> : null}
                {u.progress !== null ? <Typography.Text>{`${u.progress}%`}</Typography.Text> : null}
                <Typography.Text type="secondary">{formatDateTime(u.createdAt)}</Typography.Text>
              </Space>
              {u.note ? <Typography.Paragraph style={{ margin: 0 }}>{u.note}</Typography.Paragraph> : null}
              <AttachmentList testId="update-attachments" files={u.attachments} downloadBase="/api/tasks/attachments" onAttach={async (file) => { await tasksApi.attach(u.id, file); await refreshTasks(); }} onRemove={async (fileId) => { await tasksApi.removeAttachment(fileId); await refreshTasks(); }} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
