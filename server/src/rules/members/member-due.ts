/**
 * Lists a clerk acts on: probation coming to an end, and transfers whose papers
 * have not reached the new cell in time. Pure: the service loads the states.
 */

import { daysBetween, type IsoDate } from './dates.ts';
import type { CellId, MemberState } from './member-events.ts';
import { addWorkingDays, type Holidays, VN_WORKING_CALENDAR, workingDaysBetween } from './working-days.ts';

/** Papers of a permanent transfer must reach the new cell within 30 working days (QĐ 294). */
export const TRANSFER_ARRIVAL_WORKING_DAYS = 30;

/**
 * Working days the cell has, after the 12 months, to consider recognition; the
 * Central Organisation Commission's guidance gives 30 *(unconfirmed under QĐ 294:
 * pass another value through the options if the guidance changes)*.
 */
export const RECOGNITION_DECISION_WORKING_DAYS = 30;

/** A member's state with the id the service knows it by. */
export interface MemberStateEntry {
  readonly memberId: string;
  readonly state: MemberState;
}

export interface ProbationDue {
  readonly memberId: string;
  /** Null while the member is in transit (the receiving cell decides after arrival). */
  readonly cellId: CellId | null;
  readonly admittedOn: IsoDate;
  readonly probationEndsOn: IsoDate;
  /** End of probation, or the date recognition was postponed to. */
  readonly dueOn: IsoDate;
  readonly postponed: boolean;
  /** Calendar days from today to dueOn (negative once passed). */
  readonly daysLeft: number;
  readonly overdue: boolean;
  /** Last working day for the cell's decision. */
  readonly decisionDeadline: IsoDate;
  readonly decisionOverdue: boolean;
}

export interface ProbationDueOptions {
  readonly holidays?: Holidays;
  readonly decisionWorkingDays?: number;
}

/**
 * Probationary members whose recognition falls due within `days` calendar days
 * of `today`, plus every overdue one (flagged), soonest first.
 */
export function probationDueWithin(
  members: readonly MemberStateEntry[],
  today: IsoDate,
  days: number,
  options: ProbationDueOptions = {},
): readonly ProbationDue[] {
  const holidays = options.holidays ?? VN_WORKING_CALENDAR;
  const decisionDays = options.decisionWorkingDays ?? RECOGNITION_DECISION_WORKING_DAYS;
  const due: ProbationDue[] = [];
  for (const { memberId, state } of members) {
    const stillProbationary = state.status === 'probationary' || (state.status === 'in_transit' && state.level === 'probationary');
    if (!stillProbationary || state.admittedOn === null || state.probationEndsOn === null) continue;
    const dueOn = state.recognitionDueOn ?? state.probationEndsOn;
    const daysLeft = daysBetween(today, dueOn);
    if (daysLeft > days) continue;
    const decisionDeadline = addWorkingDays(dueOn, decisionDays, holidays);
    due.push({
      memberId,
      cellId: state.cellId,
      admittedOn: state.admittedOn,
      probationEndsOn: state.probationEndsOn,
      dueOn,
      postponed: dueOn !== state.probationEndsOn,
      daysLeft,
      overdue: daysLeft < 0,
      decisionDeadline,
      decisionOverdue: today > decisionDeadline,
    });
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft || compareText(a.memberId, b.memberId));
}

export interface TransferNotArrived {
  readonly memberId: string;
  readonly fromCellId: CellId | null;
  readonly toCellId: CellId | null;
  readonly since: IsoDate;
  /** The last working day on which arrival is on time. */
  readonly deadline: IsoDate;
  /** Working days after today up to the deadline; negative (or 0 on a weekend) once passed. */
  readonly workingDaysLeft: number;
  readonly overdue: boolean;
}

export interface TransfersNotArrivedOptions {
  readonly holidays?: Holidays;
  /** Also list transfers this many working days or fewer from the deadline (default 5). */
  readonly warnWithinWorkingDays?: number;
  readonly arrivalWorkingDays?: number;
}

/**
 * Members in transit whose arrival deadline (30 working days after leaving) has
 * passed or is near, most overdue first.
 */
export function transfersNotArrived(
  members: readonly MemberStateEntry[],
  today: IsoDate,
  options: TransfersNotArrivedOptions = {},
): readonly TransferNotArrived[] {
  const holidays = options.holidays ?? VN_WORKING_CALENDAR;
  const warn = options.warnWithinWorkingDays ?? 5;
  const allowed = options.arrivalWorkingDays ?? TRANSFER_ARRIVAL_WORKING_DAYS;
  const late: TransferNotArrived[] = [];
  for (const { memberId, state } of members) {
    if (state.status !== 'in_transit' || state.transitSince === null) continue;
    const deadline = addWorkingDays(state.transitSince, allowed, holidays);
    const overdue = today > deadline;
    const workingDaysLeft = workingDaysBetween(today, deadline, holidays);
    if (!overdue && workingDaysLeft > warn) continue;
    late.push({
      memberId,
      fromCellId: state.transitFromCellId,
      toCellId: state.transitToCellId,
      since: state.transitSince,
      deadline,
      workingDaysLeft,
      overdue,
    });
  }
  return late.sort((a, b) => compareText(a.deadline, b.deadline) || compareText(a.memberId, b.memberId));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
