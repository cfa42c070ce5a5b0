import type { RuleMessage } from '../../rule-outcome.ts';
import { countProblem, electionMessage } from './messages.ts';
import type { ElectionMessageCode } from './messages.ts';

/** The counting committee's ballot figures for one round. */
export interface BallotFigures {
  readonly issued: number;
  readonly returned: number;
  readonly notReturned: number;
  readonly valid: number;
  readonly invalid: number;
  /** Ballots actually counted (keyed and resolved). */
  readonly counted: number;
}

export interface Reconciliation {
  /** Every identity that does not hold, and every malformed figure. */
  readonly discrepancies: readonly RuleMessage<ElectionMessageCode>[];
  /** The tally may be finalised only when nothing is listed above. */
  readonly finalisable: boolean;
}

const FIELDS: readonly (keyof BallotFigures)[] = ['issued', 'returned', 'notReturned', 'valid', 'invalid', 'counted'];

/**
 * Reconciles the ballots: issued = returned + not returned, valid + invalid = returned,
 * counted = returned. Lists every discrepancy (not just the first) so the committee can
 * find all of them in one pass.
 */
export function reconcileBallots(figures: BallotFigures): Reconciliation {
  const malformed = FIELDS.map((field) => countProblem(field, figures[field])).filter(
    (problem) => problem !== undefined,
  );
  if (malformed.length > 0) return { discrepancies: malformed, finalisable: false };

  const { issued, returned, notReturned, valid, invalid, counted } = figures;
  const discrepancies: RuleMessage<ElectionMessageCode>[] = [];
  if (issued !== returned + notReturned) {
    discrepancies.push(electionMessage('issued_mismatch', { issued, returned, notReturned, sum: returned + notReturned }));
  }
  if (valid + invalid !== returned) {
    discrepancies.push(electionMessage('valid_invalid_mismatch', { valid, invalid, sum: valid + invalid, returned }));
  }
  if (counted !== returned) discrepancies.push(electionMessage('counted_mismatch', { counted, returned }));
  return { discrepancies, finalisable: discrepancies.length === 0 };
}
