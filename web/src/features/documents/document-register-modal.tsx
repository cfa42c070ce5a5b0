import { parsePartyNumber, partyDocTypes } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type dayjs from 'dayjs';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { documentsApi, refreshDocuments } from './documents-api.ts';

interface RegisterForm {
  owner?: UnitChoice | null;
  number: string;
  issuedOn: dayjs.Dayjs;
  subject: string;
  summary?: string;
}

/** What the typed number reads as ("Kết luận số 21 của TW"), or the parser's hint, in the user's language. */
function useNumberReading(text: string | undefined): { ok: boolean; text: string } | null {
  const { t, locale } = useI18n();
  if (!text || text.trim() === '') return null;
  const parsed = parsePartyNumber(text);
  if (!parsed.ok) return { ok: false, text: locale === 'en' ? parsed.error.en : parsed.error.vi };
  const { value } = parsed;
  return { ok: true, text: t('work.documents.reads', { type: partyDocTypes[value.type][locale === 'en' ? 'en' : 'vi'], number: value.numberText, issuer: value.issuer }) };
}

/** Registers a Party document; the number is parsed while it is typed and State-style numbers are refused with the hint. */
export function DocumentRegisterModal({ open, onClose, onCreated }: { readonly open: boolean; readonly onClose: () => void; readonly onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<RegisterForm>();
  const number = Form.useWatch('number', form);
  const reading = useNumberReading(number);
  const create = useMutation({
    mutationFn: (v: RegisterForm) => documentsApi.create({ ownerUnitId: v.owner?.value ?? '', number: v.number, issuedOn: toIsoDate(v.issuedOn), subject: v.subject, summary: v.summary?.trim() ? v.summary.trim() : null }),
    onSuccess: async (created) => {
      await refreshDocuments();
      form.resetFields();
      onCreated(created.id);
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(error.issues.filter((i) => i.path === 'number').map((i) => ({ name: 'number', errors: [i.message] })));
    },
  });
  return (
    <Modal open={open} title={t('work.documents.register')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={640}>
      <Form<RegisterForm> form={form} layout="vertical" initialValues={{ issuedOn: today() }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="owner" label={t('work.documents.owner')} rules={[{ required: true, message: t('work.required') }]}>
          <UnitSearchSelect />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('work.documents.number')}
          extra={reading?.ok ? <span data-testid="number-reading">{reading.text}</span> : t('work.documents.numberHelp')}
          rules={[
            { required: true, message: t('work.required') },
            {
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const parsed = parsePartyNumber(value);
                return parsed.ok ? Promise.resolve() : Promise.reject(new Error(reading?.text ?? parsed.error.vi));
              },
            },
          ]}
          validateFirst
        >
          <Input placeholder="21-KL/TW" autoComplete="off" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('work.documents.issuedOn')} rules={[{ required: true, message: t('work.required') }]}>
          <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="subject" label={t('work.documents.subject')} rules={[{ required: true, message: t('work.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('work.documents.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {create.error && !(create.error instanceof ApiError && create.error.issues.some((i) => i.path === 'number')) ? <Alert type="error" showIcon message={errorText(create.error)} /> : null}
      </Form>
    </Modal>
  );
}
