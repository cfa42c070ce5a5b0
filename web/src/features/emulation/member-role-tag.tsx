import type { EmulationGroupView } from '@tcxd/contract';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Kind = EmulationGroupView['kind'];
type Role = EmulationGroupView['members'][number]['role'];

const roleColors: Readonly<Record<Role, string>> = { head: 'red', deputy: 'orange', member: 'default' };

/** Cụm trưởng / Cụm phó / Thành viên (Khối trưởng / Khối phó for a bloc). */
export function useRoleLabel(): (kind: Kind, role: Role) => string {
  const { t } = useI18n();
  return (kind, role) => t(`emulation.role.${kind}.${role}`);
}

export function MemberRoleTag({ kind, role }: { readonly kind: Kind; readonly role: Role }) {
  const label = useRoleLabel();
  return (
    <Tag color={roleColors[role]} style={{ marginInlineEnd: 0 }}>
      {label(kind, role)}
    </Tag>
  );
}
