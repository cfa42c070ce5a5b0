import type { GrantView, SessionView } from '@tcxd/contract';
import type { Grant } from '../../platform/context.ts';
import type { LoadedSession } from '../../platform/sessions.ts';

/** A grant as the API shows it. */
export function presentGrant(grant: Grant): GrantView {
  return { id: grant.id, role: grant.role, unitId: grant.unitId, unitName: grant.unitName, unitCode: grant.unitCode };
}

/** The signed-in user, grants and CSRF token. */
export function presentSession(session: LoadedSession): SessionView {
  return {
    user: session.user,
    grants: session.grants.map(presentGrant),
    activeGrantId: session.activeGrantId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
