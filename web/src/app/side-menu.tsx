import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { can } from './permissions.ts';
import { useCurrentSession } from './session-hooks.tsx';

type MenuItem = Required<MenuProps>['items'][number];

export const paths = { home: '/', units: '/units', emulation: '/emulation', users: '/admin/users', audit: '/admin/audit' } as const;

/** The module menu; administration appears only when the current scope allows it. */
export function SideMenu() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const location = useLocation();
  const navigate = useNavigate();

  const admin: MenuItem[] = [];
  if (can(session, 'users.manage')) admin.push({ key: paths.users, icon: <TeamOutlined />, label: t('menu.users') });
  if (can(session, 'audit.read')) admin.push({ key: paths.audit, icon: <AuditOutlined />, label: t('menu.audit') });

  const items: MenuItem[] = [
    { key: paths.home, icon: <HomeOutlined />, label: t('menu.home') },
    { key: paths.units, icon: <ApartmentOutlined />, label: t('menu.units') },
    { key: paths.emulation, icon: <TrophyOutlined />, label: t('menu.emulation') },
    ...(admin.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('menu.admin'), children: admin }] : []),
  ];
  const selected = Object.values(paths).filter((p) => p !== '/' && location.pathname.startsWith(p));

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected.length > 0 ? selected : [location.pathname === '/' ? paths.home : '']}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
