import type { Locale } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type GrantField, GrantsFields, grantsOf } from './grants-fields.tsx';
import { emailOrNull, ProfileFields, UsernameField } from './user-form-fields.tsx';
import { refreshUsers, usersApi } from './users-api.ts';
import type { TemporaryPassword } from './temporary-password-modal.tsx';

interface CreateForm {
  readonly username: string;
  readonly fullName: string;
  readonly email?: string;
  readonly locale: Locale;
  readonly grants: readonly GrantField[];
}

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated: (shown: TemporaryPassword) => void;
}

/** Creates an account with its grants; the temporary password is handed to onCreated once. */
export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CreateForm>();

  const create = useMutation({
    mutationFn: (values: CreateForm) =>
      usersApi.create({
        username: values.username.trim().toLowerCase(),
        fullName: values.fullName.trim(),
        email: emailOrNull(values.email),
        locale: values.locale,
        grants: grantsOf(values.grants),
      }),
    onSuccess: async ({ user, temporaryPassword }) => {
      void message.success(t('users.created', { username: user.username }));
      form.resetFields();
      onClose();
      onCreated({ username: user.username, password: temporaryPassword });
      await refreshUsers();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'username_taken') form.setFields([{ name: 'username', errors: [error.message] }]);
      else void message.error(errorText(error));
    },
  });

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ locale: 'vi', grants: [{ role: 'viewer' }] }}
        onFinish={(values) => create.mutate(values)}
        disabled={create.isPending}
        preserve={false}
      >
        <UsernameField />
        <ProfileFields />
        <GrantsFields />
      </Form>
    </Modal>
  );
}
