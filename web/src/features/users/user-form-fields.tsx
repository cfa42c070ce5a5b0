import { username as usernameSchema } from '@tcxd/contract';
import { Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Username field checked with the contract's own rule. */
export function UsernameField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="username"
      label={t('users.username')}
      extra={t('users.usernameRule')}
      required
      rules={[
        {
          validator: async (_rule, value: unknown) => {
            if (!usernameSchema.safeParse(value ?? '').success) throw new Error(t('users.usernameRule'));
          },
        },
      ]}
    >
      <Input autoComplete="off" maxLength={64} />
    </Form.Item>
  );
}

/** Full name, e-mail and interface language: the fields shared by create and edit. */
export function ProfileFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, whitespace: true, message: t('users.fullNameRequired') }, { max: 200 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="locale" label={t('users.locale')}>
        <Select
          options={[
            { value: 'vi', label: t('lang.vi') },
            { value: 'en', label: t('lang.en') },
          ]}
        />
      </Form.Item>
    </>
  );
}

/** An empty e-mail box means "no e-mail". */
export function emailOrNull(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
