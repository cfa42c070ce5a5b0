import type { EmulationGroupView } from '@tcxd/contract';
import { withinScope } from '../../platform/access.ts';

const roleOrder: Readonly<Record<string, number>> = { head: 0, deputy: 1, member: 2 };
const collator = new Intl.Collator('vi');

interface GroupRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly year: number;
  readonly note: string | null;
}
interface MemberRow {
  readonly group_id: string;
  readonly unit_id: string;
  readonly role: string;
  readonly code: string;
  readonly name: string;
  readonly path: string;
}

/** A group with the members inside the viewer's scope (head, deputies, then by name); others counted. */
export function presentGroup(group: GroupRow, members: readonly MemberRow[], scope: readonly string[]): EmulationGroupView {
  const own = members.filter((m) => m.group_id === group.id);
  const visible = own.filter((m) => withinScope(m.path, scope));
  return {
    id: group.id,
    kind: group.kind === 'bloc' ? 'bloc' : 'cluster',
    name: group.name,
    year: group.year,
    note: group.note,
    members: visible
      .sort((a, b) => (roleOrder[a.role] ?? 3) - (roleOrder[b.role] ?? 3) || collator.compare(a.name, b.name))
      .map((m) => ({ unitId: m.unit_id, code: m.code, name: m.name, role: m.role === 'head' ? 'head' : m.role === 'deputy' ? 'deputy' : 'member' })),
    hiddenMembers: own.length - visible.length,
  };
}
