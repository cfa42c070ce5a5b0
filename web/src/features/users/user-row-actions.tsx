import { EditOutlined, KeyOutlined, MoreOutlined, SafetyCertificateOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { UserView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { TemporaryPassword } from './temporary-password-modal.tsx';
import { refreshUsers, usersApi } from './users-api.ts';

interface Props {
  readonly user: UserView;
  readonly onEdit: (user: UserView) => void;
  readonly onGrants: (user: UserView) => void;
  readonly onPassword: (shown: TemporaryPassword) => void;
}

/** Per-account actions: edit, grants, and (after a confirmation) disable/enable and password reset. */
export function UserRowActions({ user, onEdit, onGrants, onPassword }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const params = { username: user.username };

  const toggle = useMutation({
    mutationFn: () => (user.disabled ? usersApi.enable(user.id) : usersApi.disable(user.id)),
    onSuccess: async (changed) => {
      void message.success(t(changed.disabled ? 'users.disabledDone' : 'users.enabledDone', params));
      await refreshUsers();
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const reset = useMutation({
    mutationFn: () => usersApi.resetPassword(user.id),
    onSuccess: async (result) => {
      onPassword({ username: result.user.username, password: result.temporaryPassword });
      await refreshUsers();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const confirm = (title: string, content: string, onOk: () => Promise<unknown>, danger: boolean) =>
    modal.confirm({ title, content, okText: t('common.confirm'), cancelText: t('common.cancel'), okButtonProps: { danger }, onOk: () => onOk().catch(() => undefined) });

  const items: MenuProps['items'] = [
    user.disabled
      ? { key: 'enable', icon: <CheckCircleOutlined />, label: t('users.enable') }
      : { key: 'disable', icon: <StopOutlined />, label: t('users.disable'), danger: true },
    { key: 'reset', icon: <KeyOutlined />, label: t('users.resetPassword') },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'enable') confirm(t('users.enable'), t('users.enableConfirm', params), () => toggle.mutateAsync(), false);
    if (key === 'disable') confirm(t('users.disable'), t('users.disableConfirm', params), () => toggle.mutateAsync(), true);
    if (key === 'reset') confirm(t('users.resetPassword'), t('users.resetConfirm', params), () => reset.mutateAsync(), true);
  };

  return (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(user)}>
        {t('users.edit')}
      </Button>
      <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => onGrants(user)}>
        {t('users.setGrants')}
      </Button>
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight">
        <Button size="small" icon={<MoreOutlined />} aria-label={t('users.more')} title={t('users.more')} loading={toggle.isPending || reset.isPending} />
      </Dropdown>
    </Space>
  );
}
