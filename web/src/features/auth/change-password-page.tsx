import { type ChangePasswordRequest, limits } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { queryClient } from '../../app/query-client.ts';
import { authApi, sessionQuery } from '../../app/session-api.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface PasswordForm extends ChangePasswordRequest {
  readonly confirmPassword: string;
}

/** Changes the user's own password; required before anything else after a temporary password. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<unknown>(null);
  const forced = session.user.mustChangePassword;

  const change = useMutation({
    mutationFn: authApi.changePassword,
    onMutate: () => setError(null),
    onSuccess: async () => {
      void message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      void navigate('/', { replace: true });
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === 'password_wrong') {
        form.setFields([{ name: 'currentPassword', errors: [failure.message] }]);
      } else if (failure instanceof ApiError && failure.code === 'password_weak') {
        form.setFields([{ name: 'newPassword', errors: [failure.message] }]);
      } else setError(failure);
    },
  });

  return (
    <Flex justify="center">
      <Card style={{ width: 520, maxWidth: '100%' }}>
        <PageHeader title={t('password.title')} />
        {forced ? <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 16 }} /> : null}
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={change.isPending}
          onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
        >
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule', { min: limits.passwordMin })}
            rules={[
              { required: true, message: t('password.tooShort', { min: limits.passwordMin }) },
              { min: limits.passwordMin, message: t('password.tooShort', { min: limits.passwordMin }) },
              { max: limits.passwordMax },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.mismatch') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
