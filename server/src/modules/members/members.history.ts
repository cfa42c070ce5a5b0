import type { MemberCreateRequest, MemberEventInput, MemberStatus } from '@tcxd/contract';
import { deriveMemberState, type MemberEvent, type MemberState, replayHistory, sortEvents, type TransferTarget } from '../../rules/members/index.ts';

/** A stored event as the repository reads it. */
export interface StoredEvent {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly effective_date: string;
  readonly cell_id: string | null;
  readonly destination: string | null;
  readonly detail: unknown;
}

/** The event columns a new row needs besides ids and authorship. */
export interface EventColumns {
  readonly kind: MemberEvent['kind'];
  readonly effectiveDate: string;
  readonly cellId: string | null;
  readonly destination: string | null;
  readonly detail: Readonly<Record<string, string>>;
}

const record = (value: unknown): Readonly<Record<string, unknown>> => (typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function target(cellId: string | null, destination: string | null): TransferTarget {
  return cellId ? { kind: 'cell', cellId } : { kind: 'outside', destination: destination ?? '' };
}

/** A stored row as the rules see it; unknown kinds throw (the database CHECK prevents them). */
export function toRuleEvent(row: StoredEvent): MemberEvent {
  const base = { date: row.effective_date, sequence: row.seq };
  const detail = record(row.detail);
  const cellId = row.cell_id ?? '';
  switch (row.kind) {
    case 'admitted':
      return { ...base, kind: 'admitted', cellId, ...(text(detail.resolutionDate) ? { resolutionDate: text(detail.resolutionDate) } : {}) };
    case 'record_opened':
      return { ...base, kind: 'record_opened', cellId, admittedOn: text(detail.admittedOn) ?? row.effective_date, fullMemberSince: text(detail.fullMemberSince) ?? null };
    case 'recognised':
      return { ...base, kind: 'recognised', ...(text(detail.fullMemberSince) ? { fullMemberSince: text(detail.fullMemberSince) } : {}) };
    case 'recognition_postponed':
      return { ...base, kind: 'recognition_postponed', newDueDate: text(detail.newDueDate) ?? row.effective_date };
    case 'transfer_out':
      return { ...base, kind: 'transfer_out', to: target(row.cell_id, row.destination) };
    case 'transfer_in':
      return { ...base, kind: 'transfer_in', cellId };
    case 'temporary_transfer_out':
      return { ...base, kind: 'temporary_transfer_out', host: target(row.cell_id, row.destination) };
    case 'discipline': {
      const form = text(detail.form);
      return { ...base, kind: 'discipline', form: form === 'warning' || form === 'dismissal' ? form : 'reprimand' };
    }
    case 'not_recognised':
    case 'temporary_return':
    case 'exempted':
    case 'exemption_ended':
    case 'removed':
    case 'expelled':
    case 'died':
      return { ...base, kind: row.kind };
    default:
      throw new Error(`unknown member event kind ${row.kind}`);
  }
}

/** The columns of a clerk's event (the contract shape) as stored. */
export function columnsOfInput(input: MemberEventInput): EventColumns {
  const base = { effectiveDate: input.date, cellId: null, destination: null, detail: {} };
  switch (input.kind) {
    case 'recognised':
      return { ...base, kind: input.kind, detail: input.fullMemberSince ? { fullMemberSince: input.fullMemberSince } : {} };
    case 'recognition_postponed':
      return { ...base, kind: input.kind, detail: { newDueDate: input.newDueDate } };
    case 'transfer_out':
      return { ...base, kind: input.kind, ...(input.to.kind === 'cell' ? { cellId: input.to.cellId } : { destination: input.to.destination }) };
    case 'temporary_transfer_out':
      return { ...base, kind: input.kind, ...(input.host.kind === 'cell' ? { cellId: input.host.cellId } : { destination: input.host.destination }) };
    case 'transfer_in':
      return { ...base, kind: input.kind, cellId: input.cellId };
    case 'exempted':
      return { ...base, kind: input.kind, detail: input.reason ? { reason: input.reason } : {} };
    case 'discipline':
      return { ...base, kind: input.kind, detail: { form: input.form } };
    case 'not_recognised':
    case 'temporary_return':
    case 'exemption_ended':
    case 'removed':
    case 'expelled':
    case 'died':
      return { ...base, kind: input.kind };
  }
}

/** The columns of the event that opens a record (admission, or entry of an existing member). */
export function columnsOfOpening(opening: MemberCreateRequest['opening']): EventColumns {
  const base = { effectiveDate: opening.date, cellId: opening.cellId, destination: null };
  if (opening.kind === 'admitted') return { ...base, kind: 'admitted', detail: opening.resolutionDate ? { resolutionDate: opening.resolutionDate } : {} };
  return { ...base, kind: 'record_opened', detail: { admittedOn: opening.admittedOn, ...(opening.fullMemberSince ? { fullMemberSince: opening.fullMemberSince } : {}) } };
}

/** The rules' view of an event about to be stored. */
export function ruleEventOf(columns: EventColumns, seq: number): MemberEvent {
  return toRuleEvent({ id: '', seq, kind: columns.kind, effective_date: columns.effectiveDate, cell_id: columns.cellId, destination: columns.destination, detail: columns.detail });
}

/** The columns of party_member that are derived from the history. */
export interface Projection {
  readonly status: MemberStatus;
  readonly cell_id: string | null;
  readonly home_cell_id: string;
  readonly transit_to_cell_id: string | null;
  readonly temporary_cell_id: string | null;
  readonly exempted: boolean;
  readonly admission_date: string;
  readonly admission_cell_id: string | null;
  readonly full_member_date: string | null;
  readonly probation_ends_on: string | null;
  readonly recognition_due_on: string | null;
  readonly transit_since: string | null;
}

/** A span of days during which a member was counted in one cell at one level. */
export interface Period {
  readonly cellId: string;
  readonly status: 'probationary' | 'full';
  readonly validFrom: string;
  readonly validTo: string | null;
}

/**
 * Where a cell's members are on a date when the cell has ended: the successor the registry
 * recorded (followed through later reorganisations), so members follow their cells.
 */
export type Successions = ReadonlyMap<string, { readonly endedOn: string; readonly successorId: string | null }>;

/** The cell a member of `cellId` is in on `date`, following successions; null when dissolved. */
export function followCell(cellId: string, date: string, successions: Successions): { cellId: string | null; from: string | null } {
  let current = cellId;
  let from: string | null = null;
  for (let hops = 0; hops < 20; hops += 1) {
    const s = successions.get(current);
    if (!s || s.endedOn > date) return { cellId: current, from };
    if (!s.successorId) return { cellId: null, from: s.endedOn };
    current = s.successorId;
    from = s.endedOn;
  }
  return { cellId: current, from };
}

function lastCellOf(events: readonly MemberEvent[]): string | null {
  let last: string | null = null;
  for (const e of sortEvents(events)) {
    if ((e.kind === 'admitted' || e.kind === 'record_opened' || e.kind === 'transfer_in') && e.cellId) last = e.cellId;
  }
  return last;
}

/** The derived columns after the whole history, with cells followed to today's successors. */
export function projectionOf(events: readonly MemberEvent[], today: string, successions: Successions): Projection {
  const state: MemberState = replayHistory(events);
  const follow = (id: string | null) => (id ? followCell(id, today, successions).cellId ?? id : null);
  const home = follow(state.cellId ?? state.transitFromCellId ?? lastCellOf(events)) ?? '';
  return {
    status: state.status,
    cell_id: follow(state.cellId),
    home_cell_id: home,
    transit_to_cell_id: follow(state.transitToCellId),
    temporary_cell_id: state.temporaryAt?.kind === 'cell' ? follow(state.temporaryAt.cellId) : null,
    exempted: state.exempted,
    admission_date: state.admittedOn ?? '',
    admission_cell_id: state.admissionCellId,
    full_member_date: state.fullMemberSince,
    probation_ends_on: state.status === 'probationary' ? state.probationEndsOn : null,
    recognition_due_on: state.status === 'probationary' ? state.recognitionDueOn : null,
    transit_since: state.status === 'in_transit' ? state.transitSince : null,
  };
}

/**
 * The periods during which the member was counted in a cell, from the history: a new
 * period starts on every event date that changes the (cell, level) pair, and on every date
 * the counted cell ended and its members passed to the successor.
 */
export function periodsOf(events: readonly MemberEvent[], successions: Successions): Period[] {
  const dates = new Set(events.map((e) => e.date));
  for (const s of successions.values()) dates.add(s.endedOn);
  const first = sortEvents(events)[0]?.date;
  const ordered = [...dates].filter((d) => first !== undefined && d >= first).sort();
  const periods: Period[] = [];
  let open: { cellId: string; status: 'probationary' | 'full'; validFrom: string } | null = null;
  for (const date of ordered) {
    const state = deriveMemberState(events, date);
    const cell = state.cellId ? followCell(state.cellId, date, successions).cellId : null;
    const level = state.level;
    const same = open !== null && cell === open.cellId && level === open.status;
    if (same) continue;
    if (open) periods.push({ ...open, validTo: date });
    open = cell && level ? { cellId: cell, status: level, validFrom: date } : null;
  }
  if (open) periods.push({ ...open, validTo: null });
  return periods;
}
