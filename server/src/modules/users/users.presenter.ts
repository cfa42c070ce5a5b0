import { role as roleSchema, type UserView } from '@tcxd/contract';
import type { UserRow } from './users.repository.ts';

interface GrantRow {
  readonly id: string;
  readonly user_id: string;
  readonly role: string;
  readonly unit_id: string;
  readonly name: string;
  readonly code: string;
}

/** A user with the grants the viewer may see. */
export function presentUser(row: UserRow, grants: readonly GrantRow[]): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'vi',
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    grants: grants
      .filter((g) => g.user_id === row.id)
      .map((g) => ({ id: g.id, role: roleSchema.parse(g.role), unitId: g.unit_id, unitName: g.name, unitCode: g.code })),
  };
}
