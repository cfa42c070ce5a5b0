/**
 * Member rules, chosen by the date of the thing judged. Only QĐ 294-QĐ/TW (2025)
 * is modelled. Events before 26 May 2025 are judged by it too: the rules this
 * module checks (ages 18–60, 12-month probation, 30 working days to arrive,
 * discipline forms) are not known to differ under Quy định 24-QĐ/TW (2021), and
 * refusing older history would make imported registers unusable. Differences of
 * earlier regulations are not modelled.
 */

import { isIsoDate } from '../rule-outcome.ts';
import { type MemberRules, qd294MemberRules } from './qd-294-2025.ts';

export * from './qd-294-2025.ts';

/** Every member rule module, oldest first. */
export const MEMBER_RULE_MODULES: readonly MemberRules[] = Object.freeze([qd294MemberRules]);

/** The member rules in force on `date` (the earliest module for older dates); RangeError on a malformed date. */
export function memberRulesFor(date: string): MemberRules {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${date}"`);
  // Modules are oldest first: the last one already in force wins, else the oldest.
  let chosen = MEMBER_RULE_MODULES[0] ?? qd294MemberRules;
  for (const rules of MEMBER_RULE_MODULES) {
    if (rules.version.effectiveFrom <= date) chosen = rules;
  }
  return chosen;
}
