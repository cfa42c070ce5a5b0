/**
 * Replaying a member's history into a state. The reducer here never refuses:
 * deciding whether an event is allowed is member-transitions.ts's job, so the
 * state of any stored history (even one recorded before a rule existed) can be read.
 */

import { addMonths, type IsoDate, isIsoDate } from './dates.ts';
import { FINAL_STATUSES, type MemberEvent, type MemberState, type MemberStatus } from './member-events.ts';

/** Length of probation (Điều lệ Đảng, art. 5): 12 months from the admission ceremony. */
export const PROBATION_MONTHS = 12;

/** The state before any event: not a member. */
export const NOT_A_MEMBER: MemberState = Object.freeze({
  status: 'not_member',
  level: null,
  cellId: null,
  transitFromCellId: null,
  transitToCellId: null,
  transitSince: null,
  outsideDestination: null,
  temporaryAt: null,
  temporarySince: null,
  exempted: false,
  exemptedSince: null,
  admittedOn: null,
  admissionCellId: null,
  probationEndsOn: null,
  recognitionDueOn: null,
  fullMemberSince: null,
  endedOn: null,
  endReason: null,
  disciplines: [],
  lastEventDate: null,
});

/** The day probation is complete and recognition may be decided: admission + 12 months. */
export function probationEndDate(admittedOn: IsoDate): IsoDate {
  return addMonths(admittedOn, PROBATION_MONTHS);
}

/** True for statuses after which nothing can be recorded (removed, expelled, deceased). */
export function isFinalStatus(status: MemberStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** True when the member is on the rolls of a cell: probationary or full, not in transit. */
export function isInCell(status: MemberStatus): boolean {
  return status === 'probationary' || status === 'full';
}

/** Orders events by date, then by the order they were recorded. */
export function compareEvents(a: MemberEvent, b: MemberEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.sequence - b.sequence;
}

/** A sorted copy of the events (the input is not touched). */
export function sortEvents<E extends MemberEvent>(events: readonly E[]): readonly E[] {
  return [...events].sort(compareEvents);
}

type CellFields = 'cellId' | 'transitFromCellId' | 'transitToCellId' | 'transitSince' | 'temporaryAt' | 'temporarySince';

// Whoever leaves a cell is counted nowhere and carries no transit or temporary stay.
const LEFT_A_CELL: Pick<MemberState, CellFields> = {
  cellId: null,
  transitFromCellId: null,
  transitToCellId: null,
  transitSince: null,
  temporaryAt: null,
  temporarySince: null,
};

function ended(state: MemberState, event: MemberEvent, status: MemberStatus, reason: MemberState['endReason']): MemberState {
  return {
    ...state,
    ...LEFT_A_CELL,
    status,
    outsideDestination: null,
    exempted: false,
    exemptedSince: null,
    endedOn: event.date,
    endReason: reason,
  };
}

function applyKind(state: MemberState, event: MemberEvent): MemberState {
  switch (event.kind) {
    case 'admitted': {
      const probationEndsOn = probationEndDate(event.date);
      return {
        ...state,
        status: 'probationary',
        level: 'probationary',
        cellId: event.cellId,
        admittedOn: event.date,
        admissionCellId: event.cellId,
        probationEndsOn,
        recognitionDueOn: probationEndsOn,
      };
    }
    case 'record_opened': {
      const probationEndsOn = probationEndDate(event.admittedOn);
      const level = event.fullMemberSince === null ? 'probationary' : 'full';
      return {
        ...state,
        status: level,
        level,
        cellId: event.cellId,
        admittedOn: event.admittedOn,
        probationEndsOn,
        recognitionDueOn: probationEndsOn,
        fullMemberSince: event.fullMemberSince,
      };
    }
    case 'recognised':
      return {
        ...state,
        status: state.status === 'probationary' ? 'full' : state.status,
        level: 'full',
        // The 12 months are what make a full member; a late or postponed decision does not shift it.
        fullMemberSince: event.fullMemberSince ?? state.probationEndsOn ?? event.date,
      };
    case 'recognition_postponed':
      return { ...state, recognitionDueOn: event.newDueDate };
    case 'not_recognised':
      return ended(state, event, 'removed', 'not_recognised');
    case 'transfer_out':
      if (event.to.kind === 'outside') {
        return { ...state, ...LEFT_A_CELL, status: 'transferred_outside', outsideDestination: event.to.destination };
      }
      return {
        ...state,
        ...LEFT_A_CELL,
        status: 'in_transit',
        transitFromCellId: state.cellId,
        transitToCellId: event.to.cellId,
        transitSince: event.date,
      };
    case 'transfer_in':
      return {
        ...state,
        ...LEFT_A_CELL,
        status: state.level ?? 'probationary',
        cellId: event.cellId,
        outsideDestination: null,
      };
    case 'temporary_transfer_out':
      return { ...state, temporaryAt: event.host, temporarySince: event.date };
    case 'temporary_return':
      return { ...state, temporaryAt: null, temporarySince: null };
    case 'exempted':
      return { ...state, exempted: true, exemptedSince: event.date };
    case 'exemption_ended':
      return { ...state, exempted: false, exemptedSince: null };
    case 'removed':
      return ended(state, event, 'removed', 'removed');
    case 'expelled':
      return ended(state, event, 'expelled', 'expelled');
    case 'died':
      return ended(state, event, 'deceased', 'died');
    case 'discipline':
      return { ...state, disciplines: [...state.disciplines, { date: event.date, form: event.form }] };
  }
}

/** The state after one more event; events after a final status are ignored. */
export function applyEvent(state: MemberState, event: MemberEvent): MemberState {
  if (isFinalStatus(state.status)) return state;
  return { ...applyKind(state, event), lastEventDate: event.date };
}

/**
 * The member's state at the end of `asOf` (events dated that day are in effect,
 * like valid_from). Events are sorted by (date, sequence) first, so any order is
 * accepted. Throws RangeError on a malformed `asOf`.
 */
export function deriveMemberState(events: readonly MemberEvent[], asOf: IsoDate): MemberState {
  if (!isIsoDate(asOf)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${asOf}"`);
  let state = NOT_A_MEMBER;
  for (const event of sortEvents(events)) {
    if (event.date > asOf) break;
    state = applyEvent(state, event);
  }
  return state;
}

/** The state after every recorded event (the current state of a valid history). */
export function replayHistory(events: readonly MemberEvent[]): MemberState {
  return sortEvents(events).reduce(applyEvent, NOT_A_MEMBER);
}
