import { type UnitDetail, unitKind, type UnitNode } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { effectiveGrants, requireUnit, scopePaths } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { todayVn } from '../../platform/today.ts';
import { presentEvent, presentNode, sortByName } from './units.presenter.ts';
import * as repo from './units.repository.ts';

/** Today in Vietnam (UTC+7), as an ISO date. */

/** Children of a unit on a date, in scope; without a parent, the top units of the actor's scope. */
export async function listUnits(db: Kysely<DB>, ctx: Context, parentId: string | undefined, asOf = todayVn()): Promise<UnitNode[]> {
  const scope = scopePaths(ctx, 'read');
  if (parentId) {
    await requireUnit(db, ctx, parentId, 'read');
    return sortByName(await repo.childrenAsOf(db, scope, parentId, asOf)).map(presentNode);
  }
  const roots = [...new Set(effectiveGrants(ctx).map((g) => g.unitId))];
  return sortByName(await repo.unitsAsOf(db, scope, roots, asOf)).map(presentNode);
}

/** Search by code or name (with or without diacritics), optionally of a kind and existing on a date. */
export async function searchUnits(db: Kysely<DB>, ctx: Context, query: { q?: string | undefined; kind?: string | undefined; asOf?: string | undefined; limit: number }) {
  const q = query.q ? normalizeSearch(query.q) : undefined;
  const rows = await repo.searchUnits(db, scopePaths(ctx, 'read'), { ...(q ? { q } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.asOf ? { asOf: query.asOf } : {}) }, query.limit);
  const exact = (r: { code: string }) => (query.q && r.code.toLowerCase() === query.q.toLowerCase() ? 0 : 1);
  return sortByName(rows)
    .sort((a, b) => exact(a) - exact(b))
    .map(presentNode);
}

/** A unit as it was on a date: parent chain, children, successor, contact and full timeline. */
export async function getUnit(db: Kysely<DB>, ctx: Context, id: string, asOf = todayVn()): Promise<UnitDetail> {
  const scope = scopePaths(ctx, 'read');
  const unit = await repo.unitInScope(db, scope, id);
  if (!unit) throw notFound();
  const [asOfRow] = await repo.unitsAsOf(db, scope, [id], asOf);
  const [ancestors, children, events] = await Promise.all([
    asOfRow ? repo.ancestorsAsOf(db, id, asOf) : Promise.resolve([]),
    asOfRow ? repo.childrenAsOf(db, scope, id, asOf) : Promise.resolve([]),
    repo.eventsOf(db, id),
  ]);
  const node = presentNode(asOfRow ?? { ...unit, child_count: 0 });
  return {
    ...node,
    asOf,
    existsAsOf: Boolean(asOfRow),
    ancestors: ancestors.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: unitKind.parse(a.kind) })),
    children: sortByName(children).map(presentNode),
    successor: unit.successor_id ? { id: unit.successor_id, name: unit.successor_name ?? '' } : null,
    contact: { phone: unit.contact_phone, email: unit.contact_email, address: unit.contact_address },
    timeline: events.map((e) => presentEvent(e, ctx.locale)),
  };
}

/** Sets the contact of a unit's organisation board. */
export async function updateContact(db: Kysely<DB>, ctx: Context, id: string, contact: { phone: string | null; email: string | null; address: string | null }) {
  await requireUnit(db, ctx, id, 'structure.write');
  await db.transaction().execute(async (trx) => {
    const before = await repo.unitInScope(trx, [''], id);
    await repo.setContact(trx, id, contact);
    await recordAudit(trx, ctx, {
      action: 'unit.contact_changed',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      before: { phone: before?.contact_phone, email: before?.contact_email, address: before?.contact_address },
      after: contact,
    });
  });
  return getUnit(db, ctx, id);
}

export const rootUnit = { code: 'TW', name: 'Ban Chấp hành Trung ương Đảng', kind: 'root', validFrom: '1930-02-03' } as const;

/** Creates the root of the structure (Ban Chấp hành Trung ương) if it is missing; returns its id. */
export async function ensureRootUnit(db: Kysely<DB>, ctx: Context): Promise<string> {
  const existing = await repo.findByCode(db, rootUnit.code);
  if (existing) return existing.id;
  const id = newId();
  const changeId = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('org_change')
      .values({ id: changeId, type: 'create', effective_date: rootUnit.validFrom, document_number: 'Điều lệ Đảng', note: null, operation: JSON.stringify({ type: 'create', root: true }), actor_id: null })
      .execute();
    const unit = { id, code: rootUnit.code, name: rootUnit.name, kind: rootUnit.kind, parent_id: null, path: pathLabel(id), valid_from: rootUnit.validFrom, valid_to: null, search_text: normalizeSearch(`${rootUnit.code} ${rootUnit.name}`) };
    await trx.insertInto('org_unit').values(unit).execute();
    await trx.insertInto('org_unit_version').values({ id: newId(), unit_id: id, name: rootUnit.name, kind: rootUnit.kind, parent_id: null, valid_from: rootUnit.validFrom, valid_to: null, change_id: changeId }).execute();
    await trx.insertInto('org_unit_event').values({ id: newId(), change_id: changeId, unit_id: id, event: 'created', effective_date: rootUnit.validFrom, detail: '{}' }).execute();
    await recordAudit(trx, ctx, { action: 'unit.created', entityType: 'unit', entityId: id, unitId: id, after: unit });
  });
  return id;
}
