import { type HomeSummary, unitKind } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { effectiveGrants, scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { auditActivity } from '../audit/audit.service.ts';
import * as repo from './home.repository.ts';

/** The home page figures, all counted inside the actor's scope. */
export async function homeSummary(db: Kysely<DB>, ctx: Context): Promise<HomeSummary> {
  const scope = scopePaths(ctx, 'read');
  const [byKind, users, audit] = await Promise.all([repo.unitsByKind(db, scope), repo.userFigures(db, scope), auditActivity(db, ctx, 7)]);
  const seen = new Set<string>();
  const scopeUnits = effectiveGrants(ctx)
    .filter((g) => (seen.has(g.unitId) ? false : (seen.add(g.unitId), true)))
    .map((g) => ({ id: g.unitId, name: g.unitName }));
  return {
    scopeUnits,
    unitCount: byKind.reduce((sum, r) => sum + Number(r.n), 0),
    unitsByKind: byKind.map((r) => ({ kind: unitKind.parse(r.kind), count: Number(r.n) })),
    userCount: users.users,
    activeSessionCount: users.sessions,
    auditLast7Days: audit,
  };
}
