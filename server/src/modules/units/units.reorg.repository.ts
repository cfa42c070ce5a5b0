import { unitKind } from '@tcxd/contract';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import type { Version } from './units.history.ts';
import type { Plan, PlannedEvent } from './units.plan.ts';

type Db = Kysely<DB> | Transaction<DB>;

function toVersion(r: { id: string; unit_id: string; name: string; kind: string; parent_id: string | null; valid_from: string; valid_to: string | null; change_id: string | null }): Version {
  return { id: r.id, unitId: r.unit_id, name: r.name, kind: unitKind.parse(r.kind), parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to, changeId: r.change_id };
}

const versionColumns = ['id', 'unit_id', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to', 'change_id'] as const;

/**
 * The versions a reorganisation on a date needs: the involved units, their children on the
 * date and any later child versions, and every ancestor (over all time) of those units.
 */
export async function loadVersionsFor(db: Db, involved: readonly string[], date: string): Promise<Version[]> {
  const byId = new Map<string, Version>();
  const loadUnits = async (ids: readonly string[]) => {
    const fresh = ids.filter((id) => ![...byId.values()].some((v) => v.unitId === id));
    if (fresh.length === 0) return [];
    const rows = await db.selectFrom('org_unit_version').select(versionColumns).where('unit_id', 'in', fresh).execute();
    const versions = rows.map(toVersion);
    for (const v of versions) byId.set(v.id, v);
    return versions;
  };
  await loadUnits(involved);
  const children = await db
    .selectFrom('org_unit_version')
    .select('unit_id')
    .distinct()
    .where('parent_id', 'in', involved.length ? involved : ['00000000-0000-0000-0000-000000000000'])
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
  await loadUnits(children.map((c) => c.unit_id));
  // Ancestors over time, level by level (the structure is shallow).
  for (let level = 0; level < 20; level += 1) {
    const parents = [...new Set([...byId.values()].map((v) => v.parentId).filter((p): p is string => p !== null))];
    const added = await loadUnits(parents);
    if (added.length === 0) break;
  }
  return [...byId.values()];
}

/** Writes a planned change: the operation, new units, changed and new versions, events. */
export async function writePlan(
  trx: Transaction<DB>,
  change: { id: string; type: string; effectiveDate: string; documentNumber: string; note: string | null; operation: unknown; actorId: string | null },
  plan: Plan,
  diff: { updates: Version[]; inserts: Version[] },
): Promise<void> {
  await trx
    .insertInto('org_change')
    .values({
      id: change.id,
      type: change.type,
      effective_date: change.effectiveDate,
      document_number: change.documentNumber,
      note: change.note,
      operation: JSON.stringify(change.operation),
      actor_id: change.actorId,
    })
    .execute();
  for (const u of plan.createdUnits) {
    await trx
      .insertInto('org_unit')
      .values({ id: u.id, code: u.code, name: u.name, kind: u.kind, parent_id: null, path: pathLabel(u.id), valid_from: change.effectiveDate, valid_to: null, search_text: normalizeSearch(`${u.code} ${u.name}`) })
      .execute();
  }
  for (const v of diff.updates) {
    await trx
      .updateTable('org_unit_version')
      .set({ name: v.name, kind: v.kind, parent_id: v.parentId, valid_from: v.validFrom, valid_to: v.validTo, change_id: v.changeId })
      .where('id', '=', v.id)
      .execute();
  }
  if (diff.inserts.length > 0) {
    await trx
      .insertInto('org_unit_version')
      .values(diff.inserts.map((v) => ({ id: v.id, unit_id: v.unitId, name: v.name, kind: v.kind, parent_id: v.parentId, valid_from: v.validFrom, valid_to: v.validTo, change_id: v.changeId })))
      .execute();
  }
  await insertEvents(trx, change.id, change.effectiveDate, plan.events);
  for (const e of plan.endedUnits) await trx.updateTable('org_unit').set({ successor_id: e.successorId }).where('id', '=', e.unitId).execute();
}

async function insertEvents(trx: Transaction<DB>, changeId: string, date: string, events: readonly PlannedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('org_unit_event')
    .values(
      events.map((e) => ({
        id: newId(),
        change_id: changeId,
        unit_id: e.unitId,
        event: e.event,
        effective_date: date,
        related_unit_ids: sql<string[]>`${sql.val(e.relatedUnitIds)}::uuid[]`,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
}

/**
 * Brings the latest-state columns of some units in line with their latest versions and
 * moves their subtrees' paths: under the latest parent, or under the successor once ended.
 * Parents are placed before children (units are processed top-down by their new depth).
 */
export async function refreshProjections(trx: Transaction<DB>, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await sql`
    update org_unit u set name = v.name, kind = v.kind, parent_id = v.parent_id,
      valid_from = first.valid_from, valid_to = v.valid_to
    from org_unit_version v,
      lateral (select min(f.valid_from) as valid_from from org_unit_version f where f.unit_id = v.unit_id) first
    where v.unit_id = u.id and u.id = any(${sql.val(unitIds)}::uuid[])
      and v.valid_from = (select max(l.valid_from) from org_unit_version l where l.unit_id = u.id)`.execute(trx);
  const rows = await trx.selectFrom('org_unit').select(['id', 'code', 'name']).where('id', 'in', unitIds).execute();
  await sql`
    update org_unit u set search_text = x.search_text
    from unnest(${sql.val(rows.map((r) => r.id))}::uuid[], ${sql.val(rows.map((r) => normalizeSearch(`${r.code} ${r.name}`)))}::text[]) as x(id, search_text)
    where u.id = x.id and u.search_text is distinct from x.search_text`.execute(trx);
  await placeSubtrees(trx, unitIds);
}

/**
 * Recomputes the materialised paths of the touched units and everything below them (by the
 * old paths) in one statement: each unit hangs under its anchor (its parent, or for an
 * ended unit the successor that its history rolls up into), placed top-down from anchors
 * outside the region, whose paths are already right.
 */
async function placeSubtrees(trx: Transaction<DB>, unitIds: readonly string[]): Promise<void> {
  await sql`
    with recursive region as (
      -- A join (one index probe per touched unit), not "<@ array(...)", which scans every unit.
      select distinct d.id, d.path, case when d.valid_to is not null then coalesce(d.successor_id, d.parent_id) else d.parent_id end as anchor_id
      from org_unit u join org_unit d on d.path <@ u.path
      where u.id = any(${sql.val(unitIds)}::uuid[])
    ),
    placed(id, path, depth) as (
      select r.id, coalesce(a.path || text2ltree(replace(r.id::text, '-', '')), text2ltree(replace(r.id::text, '-', ''))), 0
      from region r left join org_unit a on a.id = r.anchor_id
      where r.anchor_id is null or not exists (select 1 from region o where o.id = r.anchor_id)
      union all
      select r.id, p.path || text2ltree(replace(r.id::text, '-', '')), p.depth + 1
      from placed p join region r on r.anchor_id = p.id
      where p.depth < 60
    )
    update org_unit u set path = placed.path from placed where u.id = placed.id and u.path <> placed.path`.execute(trx);
}
