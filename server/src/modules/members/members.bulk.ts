import type { MemberFields } from '@tcxd/contract';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { insertByColumns } from '../../db/bulk-insert.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { todayVn } from '../../platform/today.ts';
import { addMonths } from '../../rules/members/index.ts';
import { type EventColumns, periodsOf, projectionOf, ruleEventOf } from './members.history.ts';
import { fieldColumns } from './members.repository.ts';

/** A member entered in bulk (import, demo): an existing member of a cell, or one admitted in it. */
export interface BulkMember {
  readonly fields: MemberFields;
  readonly cellId: string;
  readonly admittedOn: string;
  readonly fullMemberSince: string | null;
  /** The day the record opens in the system; on the admission date the opening is the admission itself. */
  readonly openedOn: string;
  readonly documentNumber: string | null;
}

/** The opening (and, for someone admitted here and recognised since, the recognition) as event columns. */
export function openingEvents(m: BulkMember): EventColumns[] {
  if (m.openedOn === m.admittedOn) {
    const admitted: EventColumns = { kind: 'admitted', effectiveDate: m.admittedOn, cellId: m.cellId, destination: null, detail: {} };
    if (!m.fullMemberSince) return [admitted];
    return [admitted, { kind: 'recognised', effectiveDate: m.fullMemberSince, cellId: null, destination: null, detail: { fullMemberSince: m.fullMemberSince } }];
  }
  return [{ kind: 'record_opened', effectiveDate: m.openedOn, cellId: m.cellId, destination: null, detail: { admittedOn: m.admittedOn, ...(m.fullMemberSince ? { fullMemberSince: m.fullMemberSince } : {}) } }];
}

const chunk = 2_000;

/** The rows of the three member tables for members entered in bulk (ids made here). */
export interface BulkRows {
  readonly ids: string[];
  readonly memberRows: Insertable<DB['party_member']>[];
  readonly eventRows: Insertable<DB['party_member_event']>[];
  readonly periodRows: Insertable<DB['party_member_period']>[];
}

/** Builds the member, event and period rows of members entered in bulk (no I/O). */
export function bulkRowsOf(members: readonly BulkMember[], enteredBy: string | null, today: string): BulkRows {
  const rows: BulkRows = { ids: [], memberRows: [], eventRows: [], periodRows: [] };
  for (const m of members) {
    const id = newId();
    rows.ids.push(id);
    const columns = openingEvents(m);
    const events = columns.map((c, i) => ruleEventOf(c, i + 1));
    rows.memberRows.push({ id, ...fieldColumns(m.fields), ...projectionOf(events, today, new Map()) });
    columns.forEach((c, i) =>
      rows.eventRows.push({
        id: newId(),
        member_id: id,
        seq: i + 1,
        kind: c.kind,
        effective_date: c.effectiveDate,
        cell_id: c.cellId,
        from_cell_id: i === 0 ? null : m.cellId,
        destination: null,
        document_number: m.documentNumber,
        detail: JSON.stringify(c.detail),
        note: null,
        entered_by: enteredBy,
      }),
    );
    for (const p of periodsOf(events, new Map())) rows.periodRows.push({ member_id: id, cell_id: p.cellId, status: p.status, valid_from: p.validFrom, valid_to: p.validTo });
  }
  return rows;
}

/**
 * Inserts members with their opening events and periods, a few hundred rows per statement
 * (the tallies' statement triggers then run once per batch). Runs inside the caller's
 * transaction; the caller has validated the rows.
 */
export async function insertMembersInBulk(trx: Transaction<DB>, members: readonly BulkMember[], enteredBy: string | null): Promise<string[]> {
  const today = todayVn();
  const ids: string[] = [];
  for (let start = 0; start < members.length; start += chunk) {
    const rows = bulkRowsOf(members.slice(start, start + chunk), enteredBy, today);
    ids.push(...rows.ids);
    await insertByColumns(trx, 'party_member', rows.memberRows);
    await insertByColumns(trx, 'party_member_event', rows.eventRows);
    await insertByColumns(trx, 'party_member_period', rows.periodRows);
  }
  return ids;
}

type IdentityRow = Pick<Selectable<DB['party_member']>, 'id' | 'card_number' | 'citizen_id' | 'search_text' | 'birth_date' | 'home_cell_id' | 'full_name'>;

/**
 * Members already in the registry, by card number, citizen id, or name and birth date (to report
 * duplicates): three lookups joined by union, each an index probe per wanted value (the name and
 * birth date one per row, as a lateral join, whatever the table's statistics say). One query
 * with the three tests or-ed together is planned as a scan of the whole member table, once per
 * batch of an import: quadratic over a large file.
 */
export async function existingIdentities(trx: Kysely<DB> | Transaction<DB>, rows: readonly { cardNumber: string | null; citizenId: string | null; searchName: string; birthDate: string }[]): Promise<IdentityRow[]> {
  const cards = rows.flatMap((r) => (r.cardNumber ? [r.cardNumber] : []));
  const citizens = rows.flatMap((r) => (r.citizenId ? [r.citizenId] : []));
  const columns = sql.raw('m.id, m.card_number, m.citizen_id, m.search_text, m.birth_date, m.home_cell_id, m.full_name');
  const found = await sql<IdentityRow>`
    select ${columns} from party_member m where m.card_number = any(${sql.val(cards)}::text[])
    union
    select ${columns} from party_member m where m.citizen_id = any(${sql.val(citizens)}::text[])
    union
    select ${columns} from unnest(${sql.val(rows.map((r) => r.searchName))}::text[], ${sql.val(rows.map((r) => r.birthDate))}::date[]) as x(search_text, birth_date)
      cross join lateral (select * from party_member p where p.search_text = x.search_text and p.birth_date = x.birth_date offset 0) m`.execute(trx);
  return found.rows;
}

/** Probation ends 12 months after admission (for generated and imported members). */
export function fullMemberSinceFor(admittedOn: string, today: string): string | null {
  const end = addMonths(admittedOn, 12);
  return end <= today ? end : null;
}
