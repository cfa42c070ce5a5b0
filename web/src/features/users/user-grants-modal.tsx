import type { UserView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type GrantField, GrantsFields, grantsOf } from './grants-fields.tsx';
import { refreshUsers, usersApi } from './users-api.ts';

interface GrantsForm {
  readonly grants: readonly GrantField[];
}

/** Replaces an account's grants (role + party organisation). */
export function UserGrantsModal({ user, onClose }: { readonly user: UserView | null; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<GrantsForm>();

  const save = useMutation({
    mutationFn: ({ id, values }: { id: string; values: GrantsForm }) => usersApi.setGrants(id, grantsOf(values.grants)),
    onSuccess: async () => {
      void message.success(t('users.grantsSaved'));
      onClose();
      await refreshUsers();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const initial: GrantsForm = {
    grants: (user?.grants ?? []).map((g) => ({ role: g.role, unit: { value: g.unitId, label: `${g.unitName} (${g.unitCode})` } })),
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.grantsTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      {user ? (
        <Form<GrantsForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initial}
          onFinish={(values) => save.mutate({ id: user.id, values })}
          disabled={save.isPending}
        >
          <GrantsFields />
        </Form>
      ) : null}
    </Modal>
  );
}
