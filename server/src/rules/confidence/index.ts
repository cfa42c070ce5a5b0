import { pickRulesByDate } from '../rule-outcome.ts';
import type { RuleResult } from '../rule-outcome.ts';
import { qd96Rules } from './qd-96-2023.ts';

/** The shape every confidence-vote rule module exposes; today only QĐ 96-QĐ/TW. */
export type ConfidenceRules = typeof qd96Rules;

/** Known confidence-vote regulations; add a new module here when one is issued. */
const REGISTRY: readonly ConfidenceRules[] = [qd96Rules];

/**
 * The confidence-vote rules in force on `date` (YYYY-MM-DD, the date of the vote).
 * Refuses malformed dates and dates before QĐ 96 (2 Feb 2023): earlier votes followed
 * QĐ 262-QĐ/TW, which is not implemented.
 */
export function confidenceRulesFor(date: string): RuleResult<ConfidenceRules> {
  return pickRulesByDate(REGISTRY, date, { vi: 'lấy phiếu tín nhiệm', en: 'confidence vote' });
}
