import type { TaskView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect, UnitsSearchSelect } from '../units/unit-search-select.tsx';
import { refreshTasks, tasksApi } from './tasks-api.ts';

interface EditForm {
  title: string;
  description?: string;
  lead: UnitChoice;
  leadPerson?: string;
  coordinating?: UnitChoice[];
  startsOn?: dayjs.Dayjs | null;
  dueOn: dayjs.Dayjs;
  cancelled: boolean;
  cancelReason?: string;
}

const textOrNull = (text: string | undefined): string | null => (text?.trim() ? text.trim() : null);

/** Edits a task's particulars; cancelling asks for the reason, which the task's history keeps. */
export function TaskEditModal({ task, open, onClose }: { readonly task: TaskView; readonly open: boolean; readonly onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<EditForm>();
  const cancelled = Form.useWatch('cancelled', form) ?? false;
  const wasCancelled = task.status === 'cancelled';
  const save = useMutation({
    mutationFn: (v: EditForm) =>
      tasksApi.edit(task.id, {
        title: v.title,
        description: textOrNull(v.description),
        leadUnitId: v.lead.value,
        leadPerson: textOrNull(v.leadPerson),
        coordinatingUnitIds: (v.coordinating ?? []).map((u) => u.value),
        startsOn: v.startsOn ? toIsoDate(v.startsOn) : null,
        dueOn: toIsoDate(v.dueOn),
        cancelled: v.cancelled,
        cancelReason: v.cancelled && !wasCancelled ? textOrNull(v.cancelReason) : null,
      }),
    onSuccess: async () => {
      await refreshTasks();
      onClose();
    },
  });
  const initial: EditForm = {
    title: task.title,
    description: task.description ?? undefined,
    lead: { value: task.leadUnitId, label: task.leadUnitName },
    leadPerson: task.leadPerson ?? undefined,
    coordinating: task.coordinatingUnits.map((c) => ({ value: c.unitId, label: c.name })),
    startsOn: task.startsOn ? dayjs(task.startsOn) : null,
    dueOn: dayjs(task.dueOn),
    cancelled: wasCancelled,
  };
  return (
    <Modal open={open} title={t('work.tasks.edit')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={720}>
      <Form<EditForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('work.tasks.name')} rules={[{ required: true, message: t('work.required') }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('work.tasks.description')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="lead" label={t('work.tasks.lead')} rules={[{ required: true, message: t('work.required') }]}><UnitSearchSelect /></Form.Item>
        <Form.Item name="leadPerson" label={t('work.tasks.leadPerson')}><Input /></Form.Item>
        <Form.Item name="coordinating" label={t('work.tasks.coordinating')}><UnitsSearchSelect /></Form.Item>
        <Form.Item name="startsOn" label={t('work.tasks.startsOn')}><DatePicker format={dateFormat} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="dueOn" label={t('work.tasks.dueOn')} rules={[{ required: true, message: t('work.required') }]}><DatePicker format={dateFormat} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="cancelled" valuePropName="checked" extra={wasCancelled ? t('work.tasks.reopenHelp') : undefined}><Checkbox>{t('work.tasks.cancelled')}</Checkbox></Form.Item>
        {cancelled && !wasCancelled ? (
          <Form.Item name="cancelReason" label={t('work.tasks.cancelReason')} rules={[{ required: true, whitespace: true, message: t('work.required') }]}><Input.TextArea rows={2} /></Form.Item>
        ) : null}
        {save.error ? <Alert type="error" showIcon message={errorText(save.error)} /> : null}
      </Form>
    </Modal>
  );
}
