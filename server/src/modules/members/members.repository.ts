import { type MemberFields, type MemberListQuery, memberCountLimit } from '@tcxd/contract';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';
import { normalizeSearch, wordStartsPattern, wordsInOrderPattern } from '../../platform/search-text.ts';
import { nameQueryOf, nationalNameSearch } from './members.name-search.ts';
import { personNameSortKey } from '../../platform/vietnamese-sort.ts';
import type { EventColumns, Period, Projection, StoredEvent, Successions } from './members.history.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Units that hold members: party cells, and grassroots organisations without cells (chi bộ cơ sở). */
export const cellKinds: ReadonlySet<string> = new Set(['cell', 'grassroots_cell']);

/** The accent-free text a member is found by: the full name and the other names. */
export function memberSearchText(f: Pick<MemberFields, 'fullName' | 'otherNames'>): string {
  return normalizeSearch(`${f.fullName} ${f.otherNames ?? ''}`);
}

/** The record columns of the editable fields. */
export function fieldColumns(f: MemberFields) {
  return {
    full_name: f.fullName,
    other_names: f.otherNames,
    sex: f.sex,
    birth_date: f.birthDate,
    birth_place: f.birthPlace,
    home_town: f.homeTown,
    residence: f.residence,
    ethnicity: f.ethnicity,
    religion: f.religion,
    citizen_id: f.citizenId,
    education_general: f.educationGeneral,
    education_professional: f.educationProfessional,
    political_theory: f.politicalTheory,
    occupation: f.occupation,
    card_number: f.cardNumber,
    history_number: f.historyNumber,
    positions: f.positions,
    awards: f.awards,
    discipline_note: f.disciplineNote,
    search_text: memberSearchText(f),
    sort_key: personNameSortKey(f.fullName),
  };
}

export const recordColumns = [
  'm.id',
  'm.full_name',
  'm.other_names',
  'm.sex',
  'm.birth_date',
  'm.birth_place',
  'm.home_town',
  'm.residence',
  'm.ethnicity',
  'm.religion',
  'm.citizen_id',
  'm.education_general',
  'm.education_professional',
  'm.political_theory',
  'm.occupation',
  'm.card_number',
  'm.history_number',
  'm.positions',
  'm.awards',
  'm.discipline_note',
  'm.admission_date',
  'm.full_member_date',
  'm.status',
  'm.exempted',
  'm.cell_id',
  'm.home_cell_id',
  'm.transit_to_cell_id',
  'm.temporary_cell_id',
  'm.probation_ends_on',
  'm.row_version',
] as const;

/** SQL: the member is visible in the scope through its home cell, the cell it is moving to, or its host cell. */
export function memberVisible(scope: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from org_unit vu where vu.id in (m.home_cell_id, m.transit_to_cell_id, m.temporary_cell_id) and ${inScope(sql.ref('vu.path'), scope)})`;
}

/** One member's record inside the scope (undefined outside it). */
export function memberInScope(db: Db, scope: readonly string[], id: string) {
  return db.selectFrom('party_member as m').select(recordColumns).where('m.id', '=', id).where(memberVisible(scope)).executeTakeFirst();
}
export type MemberRecordRow = NonNullable<Awaited<ReturnType<typeof memberInScope>>>;

/** Locks the member row for a change (concurrent writers queue behind it). */
export function lockMember(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('party_member as m').select(recordColumns).where('m.id', '=', id).forUpdate().executeTakeFirst();
}

/** The member's events in recorded order, with who entered them. */
export function eventsOf(db: Db, memberId: string) {
  return db
    .selectFrom('party_member_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.entered_by')
    .select(['e.id', 'e.seq', 'e.kind', 'e.effective_date', 'e.cell_id', 'e.from_cell_id', 'e.destination', 'e.document_number', 'e.detail', 'e.note', 'e.entered_at', 'u.full_name as entered_by_name'])
    .where('e.member_id', '=', memberId)
    .orderBy('e.effective_date')
    .orderBy('e.seq')
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number] & StoredEvent;

/** Appends one event. */
export async function insertEvent(
  trx: Transaction<DB>,
  row: { id: string; memberId: string; seq: number; columns: EventColumns; fromCellId: string | null; documentNumber: string | null; note: string | null; enteredBy: string | null },
): Promise<void> {
  await trx
    .insertInto('party_member_event')
    .values({
      id: row.id,
      member_id: row.memberId,
      seq: row.seq,
      kind: row.columns.kind,
      effective_date: row.columns.effectiveDate,
      cell_id: row.columns.cellId,
      from_cell_id: row.fromCellId,
      destination: row.columns.destination,
      document_number: row.documentNumber,
      detail: JSON.stringify(row.columns.detail),
      note: row.note,
      entered_by: row.enteredBy,
    })
    .execute();
}

/** Writes the derived columns and replaces the derived periods of one member. */
export async function saveDerived(trx: Transaction<DB>, memberId: string, projection: Projection, periods: readonly Period[]): Promise<void> {
  await trx
    .updateTable('party_member')
    .set({ ...projection, updated_at: sql<Date>`now()`, row_version: sql<number>`row_version + 1` })
    .where('id', '=', memberId)
    .execute();
  await replacePeriods(trx, memberId, periods);
}

/** Replaces the derived periods of one member. */
export async function replacePeriods(trx: Transaction<DB>, memberId: string, periods: readonly Period[]): Promise<void> {
  await trx.deleteFrom('party_member_period').where('member_id', '=', memberId).execute();
  if (periods.length > 0) {
    await trx
      .insertInto('party_member_period')
      .values(periods.map((p) => ({ member_id: memberId, cell_id: p.cellId, status: p.status, valid_from: p.validFrom, valid_to: p.validTo })))
      .execute();
  }
}

/** Ended units among (and after) the given cells, with their successors, followed transitively. */
export async function successionsFor(db: Db, cellIds: readonly string[]): Promise<Successions> {
  const map = new Map<string, { endedOn: string; successorId: string | null }>();
  let frontier = [...new Set(cellIds.filter(Boolean))];
  for (let hop = 0; hop < 20 && frontier.length > 0; hop += 1) {
    const rows = await db.selectFrom('org_unit').select(['id', 'valid_to', 'successor_id']).where('id', 'in', frontier).where('valid_to', 'is not', null).execute();
    frontier = [];
    for (const r of rows) {
      if (r.valid_to === null || map.has(r.id)) continue;
      map.set(r.id, { endedOn: r.valid_to, successorId: r.successor_id });
      if (r.successor_id) frontier.push(r.successor_id);
    }
  }
  return map;
}

/** Cells (chi bộ) by id with their kind, path, name and validity. */
export function cellsById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'kind', 'path', 'name', 'valid_from', 'valid_to']).where('id', 'in', [...new Set(ids)]).execute();
}

/** Names of units by id. */
export async function unitNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of the given card numbers / citizen ids another member already holds. */
export async function identityClashes(db: Db, memberId: string | null, cardNumber: string | null, citizenId: string | null) {
  const clauses = [cardNumber ? sql<SqlBool>`card_number = ${cardNumber}` : null, citizenId ? sql<SqlBool>`citizen_id = ${citizenId}` : null].filter((c) => c !== null);
  if (clauses.length === 0) return [];
  return db
    .selectFrom('party_member')
    .select(['id', 'card_number', 'citizen_id'])
    .where(sql<SqlBool>`(${sql.join(clauses, sql` or `)})`)
    .where('id', '!=', memberId ?? '00000000-0000-0000-0000-000000000000')
    .execute();
}

const currentStatuses = ['probationary', 'full', 'in_transit'];

/** Filters of the list and the export, inside the scope. */
function filtered(db: Db, scope: readonly string[], q: Omit<MemberListQuery, 'page' | 'pageSize'>, unitPath: string | null, canSearchCitizenId: boolean, today: string) {
  let query = db.selectFrom('party_member as m').innerJoin('org_unit as c', 'c.id', 'm.home_cell_id').where(inScope(sql.ref('c.path'), scope));
  if (unitPath !== null) query = query.where(sql<SqlBool>`c.path <@ ${unitPath}::ltree`);
  if (q.status === 'current') query = query.where('m.status', 'in', currentStatuses);
  else query = query.where('m.status', '=', q.status);
  if (q.sex) query = query.where('m.sex', '=', q.sex);
  if (q.ethnicity) query = query.where('m.ethnicity', '=', q.ethnicity);
  if (q.ageBand) {
    const [low, high] = q.ageBand.endsWith('+') ? [Number(q.ageBand.slice(0, -1)), 200] : q.ageBand.split('-').map(Number);
    const year = Number(today.slice(0, 4));
    query = query.where(sql<SqlBool>`extract(year from m.birth_date) between ${year - (high ?? 200)} and ${year - (low ?? 0)}`);
  }
  const text = q.q?.trim();
  if (text) {
    const digits = /^\d+$/.test(text);
    if (digits && text.length === 8) query = query.where('m.card_number', '=', text);
    else if (digits && text.length === 12 && canSearchCitizenId) query = query.where('m.citizen_id', '=', text);
    else query = query.where('m.search_text', 'like', wordsInOrderPattern(text)).where(sql<SqlBool>`(' ' || m.search_text) like ${wordStartsPattern(text)}`);
  }
  return query;
}

export const listColumns = ['m.id', 'm.full_name', 'm.sex', 'm.birth_date', 'm.ethnicity', 'm.card_number', 'm.status', 'm.exempted', 'm.admission_date', 'm.full_member_date', 'c.id as cell_id', 'c.name as cell_name'] as const;

/** Whether the scope holds the root of the structure (the whole country). */
async function holdsWholeCountry(db: Db, scope: readonly string[]): Promise<boolean> {
  if (!scope.some((p) => !p.includes('.'))) return false;
  const root = await db.selectFrom('org_unit').select('path').where('parent_id', 'is', null).where('kind', '=', 'root').executeTakeFirst();
  return root !== undefined && scope.includes(root.path);
}

/** One page of members in Vietnamese name order, with the number of matches (counted up to memberCountLimit). */
export async function listMembers(db: Db, scope: readonly string[], q: MemberListQuery, unitPath: string | null, canSearchCitizenId: boolean, today: string, countLimit = memberCountLimit) {
  const base = filtered(db, scope, q, unitPath, canSearchCitizenId, today);
  const name = q.q?.trim() ?? '';
  // A name alone over the whole country is answered from the name words, in name order (see migration 0014).
  const nameOnly = name !== '' && !/^\d+$/.test(name) && unitPath === null && !q.sex && !q.ethnicity && !q.ageBand;
  if (nameOnly && (await holdsWholeCountry(db, scope))) {
    const statuses = q.status === 'current' ? currentStatuses : [q.status];
    const found = await nationalNameSearch(db, nameQueryOf(name), statuses, { offset: (q.page - 1) * q.pageSize, size: q.pageSize }, countLimit);
    // By id alone: with the name condition too the planner would reach for the trigram index.
    const rows = found.ids.length === 0 ? [] : await db.selectFrom('party_member as m').innerJoin('org_unit as c', 'c.id', 'm.home_cell_id').select(listColumns).where('m.id', 'in', found.ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = found.ids.flatMap((id) => byId.get(id) ?? []);
    return { items, total: Math.min(found.counted, countLimit), totalCapped: found.counted > countLimit };
  }
  const [items, count] = await Promise.all([
    base
      .select(listColumns)
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db
      .selectFrom(base.select(sql<number>`1`.as('hit')).limit(countLimit + 1).as('hits'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counted = Number(count.n);
  return { items, total: Math.min(counted, countLimit), totalCapped: counted > countLimit };
}

/** Every member matching the filters, in name order, read in batches by key (for the export). */
export async function* streamMembers(db: Db, scope: readonly string[], q: Omit<MemberListQuery, 'page' | 'pageSize'>, unitPath: string | null, canSearchCitizenId: boolean, today: string) {
  const batch = 5_000;
  let after: { sortKey: string; id: string } | null = null;
  for (;;) {
    let query = filtered(db, scope, q, unitPath, canSearchCitizenId, today)
      .select(recordColumns)
      .select(['m.sort_key', 'c.name as cell_name', 'c.code as cell_code', 'c.path as cell_path'])
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .limit(batch);
    if (after !== null) query = query.where(sql<SqlBool>`(m.sort_key, m.id) > (${after.sortKey}, ${after.id}::uuid)`);
    const rows = await query.execute();
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < batch || last === undefined) return;
    after = { sortKey: last.sort_key, id: last.id };
  }
}
