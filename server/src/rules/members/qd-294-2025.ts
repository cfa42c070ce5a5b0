/**
 * Member lifecycle rules under Quy định 294-QĐ/TW (26 May 2025) on implementing
 * the Party statute: admission ages, 12-month probation, permanent and temporary
 * transfers (30 working days to arrive), exemption, removal, discipline.
 * The topics live in the files beside this one; this file is the regulation's
 * face: its identity and the functions a caller uses.
 */

import type { RulesVersion } from '../rule-outcome.ts';
import { ageInMonthsOn, ageOn } from './dates.ts';
import { probationDueWithin, RECOGNITION_DECISION_WORKING_DAYS, TRANSFER_ARRIVAL_WORKING_DAYS, transfersNotArrived } from './member-due.ts';
import { citizenIdMatches, normaliseCardNumber, normaliseCitizenId, normaliseHistoryNumber, validateMemberFields } from './member-fields.ts';
import { applyEvent, deriveMemberState, NOT_A_MEMBER, PROBATION_MONTHS, probationEndDate, replayHistory } from './member-state.ts';
import { checkTransition, MAX_ADMISSION_AGE_MONTHS, MIN_ADMISSION_AGE_MONTHS, refusalFor, validateWholeHistory } from './member-transitions.ts';
import { addWorkingDays, isWorkingDay, VN_WORKING_CALENDAR, workingDaysBetween } from './working-days.ts';

export * from './dates.ts';
export * from './member-due.ts';
export * from './member-events.ts';
export * from './member-fields.ts';
export * from './member-refusals.ts';
export * from './member-state.ts';
export * from './member-transitions.ts';
export * from './vn-holidays.ts';
export * from './working-days.ts';

/** Identity of this rule module. */
export const rulesVersion: RulesVersion = Object.freeze({
  id: 'qd-294-2025',
  effectiveFrom: '2025-05-26',
  title: 'Quy định 294-QĐ/TW ngày 26/5/2025 về thi hành Điều lệ Đảng',
  titleEn: 'Regulation 294-QĐ/TW of 26 May 2025 on implementing the Party statute',
});

/** The regulation's rules as one value, so callers can pick a version by date. */
export const qd294MemberRules = Object.freeze({
  version: rulesVersion,
  probationMonths: PROBATION_MONTHS,
  minAdmissionAgeMonths: MIN_ADMISSION_AGE_MONTHS,
  maxAdmissionAgeMonths: MAX_ADMISSION_AGE_MONTHS,
  transferArrivalWorkingDays: TRANSFER_ARRIVAL_WORKING_DAYS,
  recognitionDecisionWorkingDays: RECOGNITION_DECISION_WORKING_DAYS,
  workingCalendar: VN_WORKING_CALENDAR,
  initialState: NOT_A_MEMBER,
  applyEvent,
  deriveMemberState,
  replayHistory,
  probationEndDate,
  refusalFor,
  checkTransition,
  validateWholeHistory,
  probationDueWithin,
  transfersNotArrived,
  validateMemberFields,
  normaliseCardNumber,
  normaliseHistoryNumber,
  normaliseCitizenId,
  citizenIdMatches,
  ageOn,
  ageInMonthsOn,
  addWorkingDays,
  workingDaysBetween,
  isWorkingDay,
});

/** What every member rule module offers. */
export type MemberRules = typeof qd294MemberRules;
