import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useErrorText } from './error-text.ts';
import { changePasswordPath } from './route-guards.tsx';
import { useCurrentSession, useSignOut } from './session-hooks.tsx';

/** The signed-in user's name with: change password, sign out, sign out everywhere. */
export function UserMenu({ light = false }: { readonly light?: boolean }) {
  const { t } = useI18n();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();

  const run = (everywhere: boolean) =>
    signOut(everywhere)
      .then((ended) => {
        if (everywhere) void message.success(t('header.loggedOutAll', { count: ended }));
      })
      .catch((error: unknown) => void message.error(errorText(error)));

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
    { key: 'logout-all', icon: <PoweroffOutlined />, label: t('header.logoutAll'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(changePasswordPath);
    if (key === 'logout') void run(false);
    if (key === 'logout-all') {
      modal.confirm({
        title: t('header.logoutAll'),
        content: t('header.logoutAllConfirm'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () => run(true),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('header.userMenu')} style={light ? { color: '#fff' } : undefined}>
        <UserOutlined />
        <span className="tcxd-user-name">{session.user.fullName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
