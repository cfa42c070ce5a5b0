import type { UnitSummary } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { effectiveGrants, scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { presentUnit } from './units.presenter.ts';
import * as repo from './units.repository.ts';

/** Children of a unit in scope; without a parent, the top units of the actor's scope. */
export async function listUnits(db: Kysely<DB>, ctx: Context, parentId: string | undefined): Promise<UnitSummary[]> {
  const scope = scopePaths(ctx, 'read');
  if (parentId) return (await repo.childrenOf(db, scope, parentId)).map(presentUnit);
  const roots = [...new Set(effectiveGrants(ctx).map((g) => g.unitId))];
  return (await repo.unitsInScope(db, scope, roots)).map(presentUnit);
}

/** One unit in scope (404 outside it). */
export async function getUnit(db: Kysely<DB>, ctx: Context, id: string): Promise<UnitSummary> {
  const [row] = await repo.unitsInScope(db, scopePaths(ctx, 'read'), [id]);
  if (!row) throw notFound();
  return presentUnit(row);
}

export const rootUnit = { code: 'TW', name: 'Ban Chấp hành Trung ương Đảng', kind: 'root', validFrom: '1930-02-03' } as const;

/** Creates the root of the structure (Ban Chấp hành Trung ương) if it is missing; returns its id. */
export async function ensureRootUnit(db: Kysely<DB>, ctx: Context): Promise<string> {
  const existing = await repo.findByCode(db, rootUnit.code);
  if (existing) return existing.id;
  const id = newId();
  const unit = {
    id,
    code: rootUnit.code,
    name: rootUnit.name,
    kind: rootUnit.kind,
    parent_id: null,
    path: pathLabel(id),
    valid_from: rootUnit.validFrom,
    search_text: normalizeSearch(`${rootUnit.code} ${rootUnit.name}`),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertUnit(trx, unit);
    await recordAudit(trx, ctx, { action: 'unit.created', entityType: 'unit', entityId: id, unitId: id, after: unit });
  });
  return id;
}
