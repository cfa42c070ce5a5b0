import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Modal } from 'antd';
import type dayjs from 'dayjs';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect, UnitsSearchSelect } from '../units/unit-search-select.tsx';
import { documentsApi, refreshDocuments } from './documents-api.ts';

interface DisseminateForm {
  from?: UnitChoice | null;
  asOf: dayjs.Dayjs;
  units?: UnitChoice[];
}

/** Sends a document down: to chosen units, or (none chosen) to every direct subordinate of the sending unit on that day. */
export function DisseminateModal({ documentId, open, onClose, defaultFrom }: { readonly documentId: string; readonly open: boolean; readonly onClose: () => void; readonly defaultFrom: UnitChoice | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<DisseminateForm>();
  const send = useMutation({
    mutationFn: (v: DisseminateForm) => documentsApi.disseminate(documentId, { fromUnitId: v.from?.value ?? '', asOf: toIsoDate(v.asOf), unitIds: (v.units ?? []).map((u) => u.value) }),
    onSuccess: async () => {
      await refreshDocuments();
      onClose();
    },
  });
  return (
    <Modal open={open} title={t('work.dissemination.send')} okText={t('work.dissemination.send')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={send.isPending} destroyOnHidden>
      <Form<DisseminateForm> form={form} layout="vertical" initialValues={{ asOf: today(), from: defaultFrom, units: [] }} onFinish={(v) => send.mutate(v)}>
        <Form.Item name="from" label={t('work.dissemination.from')} rules={[{ required: true, message: t('work.required') }]}>
          <UnitSearchSelect />
        </Form.Item>
        <Form.Item name="asOf" label={t('work.dissemination.asOf')} rules={[{ required: true, message: t('work.required') }]}>
          <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="units" label={t('work.dissemination.units')} extra={t('work.dissemination.unitsHelp')}>
          <UnitsSearchSelect />
        </Form.Item>
        {send.error ? <Alert type="error" showIcon message={errorText(send.error)} /> : null}
      </Form>
    </Modal>
  );
}
