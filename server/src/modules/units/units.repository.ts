import { type UnitKind, unitKind } from '@tcxd/contract';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL: a version in force on a date. */
const inForce = (date: string) => sql<boolean>`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`;

function nodesAsOf(db: Db, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['u.id', 'u.code', 'v.name', 'v.kind', 'v.parent_id', 'u.valid_from', 'u.valid_to', 'u.path'])
    .select(
      sql<number>`(select count(*) from org_unit_version c where c.parent_id = u.id and c.valid_from <= ${date}::date and (c.valid_to is null or c.valid_to > ${date}::date))`.as('child_count'),
    )
    .where(inForce(date));
}

export type NodeRow = Awaited<ReturnType<ReturnType<typeof nodesAsOf>['execute']>>[number];

/** Children of a unit on a date, inside the scope. */
export function childrenAsOf(db: Db, scope: readonly string[], parentId: string, date: string) {
  return nodesAsOf(db, date).where('v.parent_id', '=', parentId).where(inScope(sql.ref('u.path'), scope)).execute();
}

/** Some units as they were on a date, inside the scope. */
export function unitsAsOf(db: Db, scope: readonly string[], ids: readonly string[], date: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return nodesAsOf(db, date).where('u.id', 'in', ids).where(inScope(sql.ref('u.path'), scope)).execute();
}

/** The latest state of a unit inside the scope (also for units that have ended). */
export function unitInScope(db: Db, scope: readonly string[], id: string) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as s', 's.id', 'u.successor_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.kind',
      'u.parent_id',
      'u.path',
      'u.valid_from',
      'u.valid_to',
      'u.contact_phone',
      'u.contact_email',
      'u.contact_address',
      'u.successor_id',
      's.name as successor_name',
    ])
    .where('u.id', '=', id)
    .where(inScope(sql.ref('u.path'), scope))
    .executeTakeFirst();
}

/** The chain of parents of a unit on a date, from the top down (each ancestor's version is carried in the recursion). */
export async function ancestorsAsOf(db: Db, id: string, date: string) {
  const rows = await sql<{ id: string; code: string; name: string; kind: string; depth: number }>`
    with recursive chain(unit_id, parent_id, name, kind, depth) as (
      select v.unit_id, v.parent_id, v.name, v.kind, 0 from org_unit_version v where v.unit_id = ${id} and ${inForce(date)}
      union all
      select v.unit_id, v.parent_id, v.name, v.kind, chain.depth + 1 from chain
        join org_unit_version v on v.unit_id = chain.parent_id and ${inForce(date)}
      where chain.depth < 50
    )
    select u.id, u.code, chain.name, chain.kind, chain.depth from chain
      join org_unit u on u.id = chain.unit_id
    where chain.depth > 0
    order by chain.depth desc`.execute(db);
  return rows.rows;
}

/** Whether a unit lies in another's subtree on a date. */
export async function isDescendantAsOf(db: Db, id: string, ancestorId: string, date: string): Promise<boolean> {
  if (id === ancestorId) return true;
  const chain = await ancestorsAsOf(db, id, date);
  return chain.some((a) => a.id === ancestorId);
}

/** A unit of a subtree on a date (name, kind and parent as they were then), with its depth below the root. */
export interface SubtreeUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly parent_id: string | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly depth: number;
}

type SubtreeColumns = Readonly<Record<'id' | 'code' | 'name' | 'kind' | 'parentId' | 'validFrom' | 'validTo' | 'depth', RawBuilder<unknown>>>;

/** The units of a subtree aggregated into one row: the same order in each aggregate. */
interface SubtreeAggregate {
  /** id,parent_id,kind,valid_from,valid_to,depth of each unit, separated by ";". */
  readonly units: string | null;
  readonly codes: readonly string[] | null;
  readonly names: readonly string[] | null;
}

/**
 * SQL: the units of a query as one row (see SubtreeAggregate). A province is thousands of units,
 * and PGlite's in-process wire emulation spends ≈ 10 µs on every row it carries; one row costs it
 * almost nothing. Concatenated text is the cheapest aggregate for the server; the values in it are
 * uuids, dates, kinds (a checked list of identifiers) and numbers, which hold neither "," nor ";".
 * Code and name are free text and go in JSON arrays. All aggregates of one query level are fed the
 * same rows in the same order, so the i-th code and name belong to the i-th unit.
 */
function subtreeAggregate(c: SubtreeColumns) {
  return sql`string_agg((${c.id})::text || ',' || coalesce((${c.parentId})::text, '') || ',' || ${c.kind} || ','
      || (${c.validFrom})::text || ',' || coalesce((${c.validTo})::text, '') || ',' || (${c.depth})::text, ';') as units,
    json_agg(${c.code}) as codes, json_agg(${c.name}) as names`;
}

function parseSubtree(row: SubtreeAggregate | undefined): SubtreeUnit[] {
  if (!row?.units) return [];
  const { codes, names } = row;
  return row.units.split(';').map((unit, i) => {
    const [id = '', parentId = '', kind = '', validFrom = '', validTo = '', depth = ''] = unit.split(',');
    return { id, code: codes?.[i] ?? '', name: names?.[i] ?? '', kind, parent_id: parentId || null, valid_from: validFrom, valid_to: validTo || null, depth: Number(depth) };
  });
}

/** Whether the structure on a date is the latest one: no version starts or ends after it (one index probe). */
async function latestStructureOn(db: Db, date: string): Promise<boolean> {
  const row = await sql<{ latest: boolean }>`select coalesce(max(coalesce(valid_to, valid_from)) <= ${date}::date, true) as latest from org_unit_version`.execute(db);
  return row.rows[0]?.latest ?? false;
}

/**
 * Every unit of a subtree on a date (the root included) inside the scope, with its depth below the root.
 * When nothing starts or ends after the date, the structure then is the latest one and the subtree
 * is one indexed ltree test on the latest paths; otherwise the versions in force are walked down
 * from the root. The walk reads each unit's children in index order (left to itself the planner
 * takes a bitmap scan per unit, 1.5 to 3 times slower on PGlite), and the units' codes are read by
 * one index scan over all their ids and hash-joined (on PGlite about half the cost of one probe per unit).
 */
export async function subtreeAsOf(db: Db, scope: readonly string[], rootId: string, date: string): Promise<SubtreeUnit[]> {
  const query = (await latestStructureOn(db, date))
    ? sql<SubtreeAggregate>`
      select ${subtreeAggregate({ id: sql.ref('u.id'), code: sql.ref('u.code'), name: sql.ref('u.name'), kind: sql.ref('u.kind'), parentId: sql.ref('u.parent_id'), validFrom: sql.ref('u.valid_from'), validTo: sql.ref('u.valid_to'), depth: sql`nlevel(u.path) - nlevel(r.path)` })}
      from org_unit r join org_unit u on u.path <@ r.path
      where r.id = ${rootId} and r.valid_to is null and u.valid_to is null and ${inScope(sql.ref('u.path'), scope)}`
    : sql<SubtreeAggregate>`
      with recursive tree(unit_id, parent_id, name, kind, depth) as (
        select v.unit_id, v.parent_id, v.name, v.kind, 0 from org_unit_version v where v.unit_id = ${rootId} and ${inForce(date)}
        union all
        select c.unit_id, c.parent_id, c.name, c.kind, tree.depth + 1 from tree
          cross join lateral (select v.unit_id, v.parent_id, v.name, v.kind from org_unit_version v where v.parent_id = tree.unit_id and ${inForce(date)} order by v.valid_from) c
        where tree.depth < 50
      )
      select ${subtreeAggregate({ id: sql.ref('u.id'), code: sql.ref('u.code'), name: sql.ref('tree.name'), kind: sql.ref('tree.kind'), parentId: sql.ref('tree.parent_id'), validFrom: sql.ref('u.valid_from'), validTo: sql.ref('u.valid_to'), depth: sql.ref('tree.depth') })}
      from tree join org_unit u on u.id = tree.unit_id and u.id = any(array(select unit_id from tree))
      where ${inScope(sql.ref('u.path'), scope)}`;
  return parseSubtree((await query.execute(db)).rows[0]);
}

/** Units matching a search (code, or accent-folded name: the latest one, or the one in force on asOf), inside the scope. */
export function searchUnits(db: Db, scope: readonly string[], filter: { q?: string; kind?: string; asOf?: string }, limit: number) {
  const date = filter.asOf;
  if (date) {
    let query = nodesAsOf(db, date).where(inScope(sql.ref('u.path'), scope));
    if (filter.q) {
      const pattern = `%${filter.q}%`;
      query = query.where((eb) => eb.or([eb('u.search_text', 'like', pattern), eb(sql<string>`lower(unaccent(v.name))`, 'like', pattern), eb('u.code', '=', filter.q ?? '')]));
    }
    if (filter.kind) query = query.where('v.kind', '=', filter.kind);
    return query.limit(limit).execute();
  }
  let query = db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.parent_id', 'u.valid_from', 'u.valid_to', 'u.path'])
    .select(sql<number>`(select count(*) from org_unit c where c.parent_id = u.id and c.valid_to is null)`.as('child_count'))
    .where(inScope(sql.ref('u.path'), scope));
  if (filter.q) query = query.where((eb) => eb.or([eb('u.search_text', 'like', `%${filter.q}%`), eb('u.code', '=', filter.q ?? '')]));
  if (filter.kind) query = query.where('u.kind', '=', filter.kind);
  return query.limit(limit).execute();
}

/** The timeline of a unit: its events with the deciding document and the related units' names. */
export function eventsOf(db: Db, unitId: string) {
  return db
    .selectFrom('org_unit_event as e')
    .innerJoin('org_change as c', 'c.id', 'e.change_id')
    .select(['e.id', 'e.event', 'e.effective_date', 'e.related_unit_ids', 'e.detail', 'c.document_number'])
    .select(sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.name) from org_unit r where r.id = any(e.related_unit_ids)), '[]'::json)`.as('related'))
    .where('e.unit_id', '=', unitId)
    .orderBy('e.effective_date')
    .orderBy('e.id')
    .execute();
}

/** Names of units by id (latest names). */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The unit with a code, if any. */
export function findByCode(db: Db, code: string) {
  return db.selectFrom('org_unit').select(['id', 'path', 'name']).where('code', '=', code).executeTakeFirst();
}

/** Which of these codes are already used. */
export async function takenCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('org_unit').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** Sets the board contact of a unit. */
export function setContact(db: Db, id: string, contact: { phone: string | null; email: string | null; address: string | null }) {
  return db
    .updateTable('org_unit')
    .set({ contact_phone: contact.phone, contact_email: contact.email, contact_address: contact.address })
    .where('id', '=', id)
    .execute();
}

/** Existing units by code, with what a batch of new children needs to know of them. */
export async function existingByCodes(db: Db, codes: readonly string[]) {
  const map = new Map<string, { id: string; kind: UnitKind; path: string; from: string; to: string | null }>();
  if (codes.length === 0) return map;
  const rows = await db.selectFrom('org_unit').select(['id', 'code', 'kind', 'path', 'valid_from', 'valid_to']).where('code', 'in', [...new Set(codes)]).execute();
  for (const r of rows) map.set(r.code, { id: r.id, kind: unitKind.parse(r.kind), path: r.path, from: r.valid_from, to: r.valid_to });
  return map;
}

/** Latest name, kind and parent code of units by code (to recognise unchanged import rows). */
export async function currentByCodes(db: Db, codes: readonly string[]) {
  const map = new Map<string, { name: string; kind: string; parentCode: string }>();
  if (codes.length === 0) return map;
  const rows = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.name', 'u.kind', 'p.code as parent_code'])
    .where('u.code', 'in', codes)
    .execute();
  for (const r of rows) map.set(r.code, { name: r.name, kind: r.kind, parentCode: r.parent_code ?? '' });
  return map;
}

/** Codes of units by id. */
export async function codesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Refreshes the planner statistics of the structure tables after a bulk load. */
export async function analyzeStructure(db: Db): Promise<void> {
  await sql`analyze org_unit, org_unit_version, org_unit_event, party_member, party_member_event, party_member_period, member_search_word`.execute(db);
}

/** The latest effective date of a recorded event of each unit. */
export async function lastChangeDates(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit_event')
    .select(['unit_id', (eb) => eb.fn.max('effective_date').as('last')])
    .where('unit_id', 'in', ids)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, String(r.last)]));
}
