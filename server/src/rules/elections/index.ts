import { pickRulesByDate } from '../rule-outcome.ts';
import type { RuleResult } from '../rule-outcome.ts';
import { qd190Rules } from './qd-190-2024.ts';

/** The shape every election rule module exposes; today only QĐ 190-QĐ/TW. */
export type ElectionRules = typeof qd190Rules;

/** Known election regulations; add a new module here when the Party issues one. */
const REGISTRY: readonly ElectionRules[] = [qd190Rules];

/**
 * The election rules in force on `date` (YYYY-MM-DD, the date of the congress or
 * conference). Refuses malformed dates and dates before QĐ 190 (10 Oct 2024): earlier
 * elections were held under QĐ 244-QĐ/TW, which is not implemented.
 */
export function electionRulesFor(date: string): RuleResult<ElectionRules> {
  return pickRulesByDate(REGISTRY, date, { vi: 'bầu cử trong Đảng', en: 'Party election' });
}
