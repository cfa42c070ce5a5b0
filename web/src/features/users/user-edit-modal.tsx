import type { Locale, UserView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { emailOrNull, ProfileFields } from './user-form-fields.tsx';
import { refreshUsers, usersApi } from './users-api.ts';

interface EditForm {
  readonly fullName: string;
  readonly email?: string;
  readonly locale: Locale;
}

/** Edits an account's full name, e-mail and language. */
export function UserEditModal({ user, onClose }: { readonly user: UserView | null; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<EditForm>();

  const save = useMutation({
    mutationFn: ({ id, values }: { id: string; values: EditForm }) =>
      usersApi.update(id, { fullName: values.fullName.trim(), email: emailOrNull(values.email), locale: values.locale }),
    onSuccess: async () => {
      void message.success(t('users.saved'));
      onClose();
      await refreshUsers();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {user ? (
        <Form<EditForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ fullName: user.fullName, email: user.email ?? '', locale: user.locale }}
          onFinish={(values) => save.mutate({ id: user.id, values })}
          disabled={save.isPending}
        >
          <ProfileFields />
        </Form>
      ) : null}
    </Modal>
  );
}
