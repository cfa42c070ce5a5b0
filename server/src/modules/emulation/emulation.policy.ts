import type { Refusal } from '@tcxd/contract';

/** Checks the roles of a group's members: unique units, at most one head, at most three deputies. */
export function memberProblems(members: readonly { unitId: string; role: string }[]): Refusal[] {
  const problems: Refusal[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.unitId)) problems.push({ code: 'duplicate', message: 'Một đơn vị được chọn hai lần', unitId: m.unitId });
    seen.add(m.unitId);
  }
  if (members.filter((m) => m.role === 'head').length > 1) problems.push({ code: 'heads', message: 'Mỗi cụm, khối chỉ có một cụm trưởng (khối trưởng)', unitId: null });
  if (members.filter((m) => m.role === 'deputy').length > 3) problems.push({ code: 'deputies', message: 'Tối đa ba cụm phó (khối phó)', unitId: null });
  return problems;
}
