import { EditOutlined } from '@ant-design/icons';
import type { UnitDetail } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { queryClient } from '../../app/query-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { unitsApi } from './units-api.ts';

interface ContactForm {
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly address?: string | null;
}

const orNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** The contact of the unit's organisation board; editable with structure.write. */
export function UnitContactCard({ unit, editable }: { readonly unit: UnitDetail; readonly editable: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const none = <Typography.Text type="secondary">{t('unitPage.noContact')}</Typography.Text>;
  const { phone, email, address } = unit.contact;
  return (
    <Card
      title={t('unitPage.contact')}
      extra={
        editable ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('unitPage.editContact')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'phone', label: t('unitPage.phone'), children: phone ?? none },
          { key: 'email', label: t('unitPage.email'), children: email ? <a href={`mailto:${email}`}>{email}</a> : none },
          { key: 'address', label: t('unitPage.address'), children: address ?? none },
        ]}
      />
      {editable ? <ContactModal unit={unit} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

function ContactModal({ unit, open, onClose }: { readonly unit: UnitDetail; readonly open: boolean; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ContactForm>();
  const save = useMutation({
    mutationFn: (values: ContactForm) => unitsApi.updateContact(unit.id, { phone: orNull(values.phone), email: orNull(values.email), address: orNull(values.address) }),
    onSuccess: async () => {
      void message.success(t('unitPage.contactSaved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['units', 'detail', unit.id] });
    },
    onError: (error) => {
      const emailIssue = error instanceof ApiError ? error.issues.find((i) => i.path.endsWith('email')) : undefined;
      if (emailIssue) form.setFields([{ name: 'email', errors: [t('users.emailInvalid')] }]);
      else void message.error(errorText(error));
    },
  });
  return (
    <Modal
      open={open}
      title={t('unitPage.contactTitle', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<ContactForm> form={form} layout="vertical" initialValues={unit.contact} onFinish={(values) => save.mutate(values)} disabled={save.isPending} preserve={false}>
        <Form.Item name="phone" label={t('unitPage.phone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="email" label={t('unitPage.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input maxLength={254} />
        </Form.Item>
        <Form.Item name="address" label={t('unitPage.address')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
