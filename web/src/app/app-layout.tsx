import { Layout, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageSpinner } from './page-states.tsx';
import { ScopeSwitcher } from './scope-switcher.tsx';
import { useCurrentSession } from './session-hooks.tsx';
import { SideMenu } from './side-menu.tsx';
import { brandColor } from './theme.ts';
import { UserMenu } from './user-menu.tsx';

function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 12, color: '#fff', minWidth: 0 }}>
      <img src="/favicon.svg" alt="" width={32} height={32} />
      <span style={{ fontWeight: 700, fontSize: 20, letterSpacing: 1 }}>{t('app.name')}</span>
      <Typography.Text className="tcxd-app-full-name" ellipsis style={{ color: 'rgba(255,255,255,0.85)' }}>
        {t('app.fullName')}
      </Typography.Text>
    </Link>
  );
}

/** The app frame: header (brand, scope, language, user) and the module menu beside the page. */
export function AppLayout() {
  const session = useCurrentSession();
  const [collapsed, setCollapsed] = useState(false);
  const restricted = session.user.mustChangePassword;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, background: brandColor, paddingInline: 20 }}
      >
        <Brand />
        <Space size="middle" align="center">
          {restricted ? null : <ScopeSwitcher />}
          {restricted ? null : <NotificationBell />}
          <LanguageSwitch />
          <UserMenu light />
        </Space>
      </Layout.Header>
      <Layout>
        {restricted ? null : (
          <Layout.Sider theme="light" width={236} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
