import { type GrantView, type Permission, rolePermissions, type SessionView } from '@tcxd/contract';

/** The grants in force: the chosen one, or all of them when no scope is chosen (as the server decides). */
export function effectiveGrants(session: SessionView): readonly GrantView[] {
  const active = session.grants.find((g) => g.id === session.activeGrantId);
  return active ? [active] : session.grants;
}

/** Whether the session may use a permission somewhere in its current scope. */
export function can(session: SessionView, permission: Permission): boolean {
  return effectiveGrants(session).some((g) => rolePermissions[g.role].includes(permission));
}
