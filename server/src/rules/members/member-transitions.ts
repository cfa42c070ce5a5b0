/**
 * Which lifecycle events may follow a member's history, and why the others are
 * refused. A refusal names the first rule broken, in both languages.
 */

import { refuse, type RuleResult, succeed } from '../rule-outcome.ts';
import { ageInMonthsOn, formatDate, type IsoDate, isIsoDate, maxDate } from './dates.ts';
import type { MemberEvent, MemberState, TransferTarget } from './member-events.ts';
import { memberRefusal, type MemberRefusal, type MemberRefusalCode } from './member-refusals.ts';
import { applyEvent, compareEvents, isFinalStatus, isInCell, NOT_A_MEMBER, probationEndDate, replayHistory, sortEvents } from './member-state.ts';

/** Age limits for admission, counted in completed months (from 18 to 60 years). */
export const MIN_ADMISSION_AGE_MONTHS = 18 * 12;
export const MAX_ADMISSION_AGE_MONTHS = 60 * 12;

/** What the rules need besides the history itself. */
export interface HistoryContext {
  /** Events after this date are refused; omit to skip the check (e.g. replaying an archive). */
  readonly today?: IsoDate;
  /** Checks the admission age when given. */
  readonly birthDate?: IsoDate | null;
  /** Admission over 60 approved as an exception by the competent level. */
  readonly allowAdmissionOver60?: boolean;
}

export interface TransitionContext extends HistoryContext {
  readonly today: IsoDate;
  /** Lets an event be inserted before recorded ones; the whole history is then re-validated. */
  readonly allowBackdating?: boolean;
}

/** The first event of a history that breaks a rule (index in (date, sequence) order). */
export interface HistoryRefusal {
  readonly index: number;
  readonly event: MemberEvent;
  readonly refusal: MemberRefusal;
}

function datesOf(event: MemberEvent): readonly IsoDate[] {
  switch (event.kind) {
    case 'admitted':
      return event.resolutionDate === undefined ? [event.date] : [event.date, event.resolutionDate];
    case 'record_opened':
      return event.fullMemberSince === null
        ? [event.date, event.admittedOn]
        : [event.date, event.admittedOn, event.fullMemberSince];
    case 'recognised':
      return event.fullMemberSince === undefined ? [event.date] : [event.date, event.fullMemberSince];
    case 'recognition_postponed':
      return [event.date, event.newDueDate];
    default:
      return [event.date];
  }
}

function checkDates(event: MemberEvent, context: HistoryContext): MemberRefusal | null {
  const candidates = context.birthDate === undefined || context.birthDate === null ? datesOf(event) : [...datesOf(event), context.birthDate];
  const invalid = candidates.find((date) => !isIsoDate(date));
  if (invalid !== undefined) return memberRefusal('invalid_date', { date: invalid });
  if (context.today !== undefined && event.date > context.today) {
    return memberRefusal('future_date', { date: formatDate(event.date), today: formatDate(context.today) });
  }
  return null;
}

function checkAge(birthDate: IsoDate | null | undefined, date: IsoDate, judgedOn: IsoDate, context: HistoryContext): MemberRefusal | null {
  if (birthDate === undefined || birthDate === null) return null;
  if (birthDate >= date) return memberRefusal('born_after_admission', { birthDate: formatDate(birthDate), date: formatDate(date) });
  const months = ageInMonthsOn(birthDate, judgedOn);
  if (months < MIN_ADMISSION_AGE_MONTHS) return memberRefusal('too_young', { date: formatDate(judgedOn) });
  if (months > MAX_ADMISSION_AGE_MONTHS && context.allowAdmissionOver60 !== true) {
    return memberRefusal('too_old', { date: formatDate(judgedOn) });
  }
  return null;
}

function checkTarget(state: MemberState, target: TransferTarget): MemberRefusal | null {
  if (target.kind === 'outside') return target.destination.trim() === '' ? memberRefusal('destination_missing') : null;
  if (target.cellId.trim() === '') return memberRefusal('destination_missing');
  return target.cellId === state.cellId ? memberRefusal('transfer_same_cell') : null;
}

function refuseUnless(condition: boolean, code: MemberRefusalCode, params: Record<string, string> = {}): MemberRefusal | null {
  return condition ? null : memberRefusal(code, params);
}

/** Rules for a member already on the rolls (status neither not_member nor final). */
function checkMemberEvent(state: MemberState, event: MemberEvent): MemberRefusal | null {
  const inCell = isInCell(state.status);
  const notInCell = memberRefusal('not_in_a_cell', { status: state.status });
  switch (event.kind) {
    case 'admitted':
    case 'record_opened':
      return memberRefusal('already_member');
    case 'recognised': {
      if (state.level === 'full') return memberRefusal('already_full');
      if (!inCell) return notInCell;
      const ends = state.probationEndsOn ?? event.date;
      if (event.date < ends) return memberRefusal('probation_not_over', { due: formatDate(ends) });
      const since = event.fullMemberSince;
      if (since !== undefined && (since < ends || since > event.date)) {
        return memberRefusal('full_member_date_invalid', {
          fullMemberSince: formatDate(since),
          probationEndsOn: formatDate(ends),
          date: formatDate(event.date),
        });
      }
      return null;
    }
    case 'recognition_postponed': {
      if (state.level === 'full') return memberRefusal('already_full');
      if (!inCell) return notInCell;
      const after = maxDate(event.date, state.recognitionDueOn ?? event.date);
      return refuseUnless(event.newDueDate > after, 'postponement_date_invalid', {
        newDueDate: formatDate(event.newDueDate),
        after: formatDate(after),
      });
    }
    case 'not_recognised': {
      if (state.level === 'full') return memberRefusal('already_full');
      if (!inCell) return notInCell;
      const ends = state.probationEndsOn ?? event.date;
      return refuseUnless(event.date >= ends, 'not_recognised_during_probation', { due: formatDate(ends) });
    }
    case 'transfer_out':
      if (!inCell) return notInCell;
      if (state.temporaryAt !== null) return memberRefusal('temporarily_away');
      return checkTarget(state, event.to);
    case 'transfer_in':
      if (state.status !== 'in_transit' && state.status !== 'transferred_outside') return memberRefusal('not_in_transit');
      return refuseUnless(event.cellId.trim() !== '', 'destination_missing');
    case 'temporary_transfer_out':
      if (!inCell) return notInCell;
      if (state.temporaryAt !== null) return memberRefusal('already_temporary', { since: formatDate(state.temporarySince ?? event.date) });
      return checkTarget(state, event.host);
    case 'temporary_return':
      if (!inCell) return notInCell;
      return refuseUnless(state.temporaryAt !== null, 'not_temporary');
    case 'exempted':
      if (!inCell) return notInCell;
      if (state.exempted) return memberRefusal('already_exempted', { since: formatDate(state.exemptedSince ?? event.date) });
      return null;
    case 'exemption_ended':
      if (!inCell) return notInCell;
      return refuseUnless(state.exempted, 'not_exempted');
    case 'removed':
    case 'died':
      // A member who never arrived can still be removed (or have died) on the sending side's record.
      return refuseUnless(inCell || state.status === 'in_transit', 'not_in_a_cell', { status: state.status });
    case 'expelled':
      if (state.level === 'probationary') return memberRefusal('probationary_cannot_be_expelled');
      return refuseUnless(inCell || state.status === 'in_transit', 'not_in_a_cell', { status: state.status });
    case 'discipline':
      if (!inCell) return notInCell;
      // Điều lệ Đảng art. 35: probationary members are only reprimanded or warned.
      return refuseUnless(state.level === 'full' || event.form !== 'dismissal', 'discipline_form_not_allowed', { form: event.form });
  }
}

function checkOpening(event: MemberEvent, context: HistoryContext): MemberRefusal | null {
  switch (event.kind) {
    case 'admitted': {
      const judgedOn = event.resolutionDate ?? event.date;
      if (judgedOn > event.date) {
        return memberRefusal('resolution_after_admission', { resolutionDate: formatDate(judgedOn), date: formatDate(event.date) });
      }
      return checkAge(context.birthDate, event.date, judgedOn, context);
    }
    case 'record_opened': {
      if (event.admittedOn > event.date) {
        return memberRefusal('admission_after_record', { admittedOn: formatDate(event.admittedOn), date: formatDate(event.date) });
      }
      const birth = context.birthDate;
      if (birth !== undefined && birth !== null && birth >= event.admittedOn) {
        return memberRefusal('born_after_admission', { birthDate: formatDate(birth), date: formatDate(event.admittedOn) });
      }
      const ends = probationEndDate(event.admittedOn);
      const since = event.fullMemberSince;
      if (since !== null && (since < ends || since > event.date)) {
        return memberRefusal('full_member_date_invalid', {
          fullMemberSince: formatDate(since),
          probationEndsOn: formatDate(ends),
          date: formatDate(event.date),
        });
      }
      return null;
    }
    default:
      return memberRefusal('not_member');
  }
}

/**
 * Why `event` cannot follow a history whose state is `state` (null when it can).
 * Dates are checked first, then the member's status, then the event's own rules.
 */
export function refusalFor(state: MemberState, event: MemberEvent, context: HistoryContext = {}): MemberRefusal | null {
  const dateRefusal = checkDates(event, context);
  if (dateRefusal !== null) return dateRefusal;
  if (isFinalStatus(state.status)) {
    return memberRefusal('member_ended', { status: state.status, date: formatDate(state.endedOn ?? event.date) });
  }
  if (state.status === 'not_member') return checkOpening(event, context);
  return checkMemberEvent(state, event);
}

/**
 * Replays the whole history in (date, sequence) order and returns the first event
 * that breaks a rule, or null when every event was allowed where it stands.
 */
export function validateWholeHistory(events: readonly MemberEvent[], context: HistoryContext = {}): HistoryRefusal | null {
  let state = NOT_A_MEMBER;
  const sorted = sortEvents(events);
  for (const [index, event] of sorted.entries()) {
    const refusal = refusalFor(state, event, context);
    if (refusal !== null) return { index, event, refusal };
    state = applyEvent(state, event);
  }
  return null;
}

/**
 * Decides whether `event` may be added to a (valid) recorded history and returns
 * the member's state after it. The history only grows forward in time: an event
 * dated before the latest recorded one is refused unless `allowBackdating`, in
 * which case the whole history with the event inserted is re-validated. Give the
 * new event a sequence above every recorded one.
 */
export function checkTransition(
  events: readonly MemberEvent[],
  event: MemberEvent,
  context: TransitionContext,
): RuleResult<MemberState, MemberRefusalCode> {
  const sorted = sortEvents(events);
  const last = sorted.at(-1);
  if (last !== undefined && compareEvents(last, event) >= 0) {
    const dateRefusal = checkDates(event, context);
    if (dateRefusal !== null) return refuse([dateRefusal]);
    if (event.date < last.date && context.allowBackdating !== true) {
      return refuse([memberRefusal('out_of_order', { date: formatDate(event.date), last: formatDate(last.date) })]);
    }
    const merged = [...sorted, event];
    const found = validateWholeHistory(merged, context);
    return found === null ? succeed(replayHistory(merged)) : refuse([found.refusal]);
  }
  const state = replayHistory(sorted);
  const refusal = refusalFor(state, event, context);
  return refusal === null ? succeed(applyEvent(state, event)) : refuse([refusal]);
}
