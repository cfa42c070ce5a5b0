import { VideoCameraOutlined } from '@ant-design/icons';
import { ScheduleOutlined, ApartmentOutlined, AlertOutlined, CheckSquareOutlined, AuditOutlined, BarChartOutlined, FileTextOutlined, HomeOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { menuKeyOf, paths } from './menu-paths.ts';
import { can } from './permissions.ts';
import { useCurrentSession } from './session-hooks.tsx';

type MenuItem = Required<MenuProps>['items'][number];

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
    { key: paths.elections, icon: <CheckSquareOutlined />, label: t('menu.elections') },
    { key: paths.reports, icon: <FileTextOutlined />, label: t('menu.reports') },
    { key: paths.conferences, icon: <VideoCameraOutlined />, label: t('menu.conferences') },
    { key: paths.documents, icon: <FileTextOutlined />, label: t('menu.documents') },
    { key: paths.tasks, icon: <ScheduleOutlined />, label: t('menu.tasks') },
    {
      type: 'group' as const,
      key: 'members',
      label: t('menu.members'),
      children: [
        { key: paths.members, icon: <SolutionOutlined />, label: t('menu.membersList') },
        { key: paths.membersDue, icon: <AlertOutlined />, label: t('menu.membersDue') },
        { key: paths.membersStats, icon: <BarChartOutlined />, label: t('menu.membersStats') },
      ],
    },
    ...(admin.length > 0 ? [{ type: 'group' as const, key: 'admin', label: t('menu.admin'), children: admin }] : []),
  ];

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[menuKeyOf(location.pathname)]}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
