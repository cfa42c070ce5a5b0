import { ratioOf, refuse, succeed } from '../../rule-outcome.ts';
import type { Ratio, RuleMessage, RuleResult } from '../../rule-outcome.ts';
import { countProblem, electionMessage } from './messages.ts';
import type { ElectionMessageCode } from './messages.ts';

/** The bodies elected by secret ballot (QĐ 190, Art. 3). */
export type ElectedBody =
  | 'committee'
  | 'standing_committee'
  | 'secretary'
  | 'deputy_secretary'
  | 'inspection_committee'
  | 'inspection_chair'
  | 'inspection_deputy_chair'
  | 'delegates';

export const ELECTED_BODIES: readonly ElectedBody[] = [
  'committee',
  'standing_committee',
  'secretary',
  'deputy_secretary',
  'inspection_committee',
  'inspection_chair',
  'inspection_deputy_chair',
  'delegates',
];

/**
 * Whether the list must have more candidates than seats. Art. 14(1) requires it for the
 * party committee and its standing committee only; the other bodies may be elected from
 * a list with exactly as many candidates as seats.
 */
export function surplusRequiredFor(body: ElectedBody): boolean {
  switch (body) {
    case 'committee':
    case 'standing_committee':
      return true;
    case 'secretary':
    case 'deputy_secretary':
    case 'inspection_committee':
    case 'inspection_chair':
    case 'inspection_deputy_chair':
    case 'delegates':
      return false;
  }
}

/**
 * Largest surplus allowed for `seats`. "Không quá 30%" is read literally: the surplus s
 * must satisfy s ≤ 30% × seats, i.e. 10·s ≤ 3·seats, which is 30% rounded down; rounding
 * up would let the list exceed 30% (15 seats: 4.5 → 4, never 5). Bodies of 3–5 seats may
 * have exactly 1 extra (for 3 seats 30% is below one person; for 4–5 it agrees with
 * rounding down). Consequently a 1- or 2-seat election allows no surplus.
 */
export function maxSurplusFor(seats: number): number {
  if (seats >= 3 && seats <= 5) return 1;
  return Math.floor((3 * seats) / 10);
}

export interface CandidateListInput {
  readonly body: ElectedBody;
  readonly seats: number;
  readonly candidates: number;
  /**
   * The congress decided to vote on a list shorter than the seats (it cannot fill every
   * seat). Without this, such a list is refused.
   */
  readonly allowFewerCandidates?: boolean;
}

export type CandidateListVerdict = 'ok' | 'warning' | 'refused';

export interface CandidateListCheck {
  readonly verdict: CandidateListVerdict;
  readonly seats: number;
  readonly candidates: number;
  /** candidates − seats; negative when the list is shorter than the seats. */
  readonly surplus: number;
  readonly surplusShare: Ratio;
  readonly maxSurplus: number;
  readonly surplusRequired: boolean;
  /** 10–15% of seats, what the convening committee prepares (rounded inwards). */
  readonly recommendedSurplus: { readonly min: number; readonly max: number };
  readonly messages: readonly RuleMessage<ElectionMessageCode>[];
}

/**
 * Checks a candidate list against the surplus rules of Art. 14: refuses a list over the
 * maximum surplus, a list without surplus where one is required, or (unless allowed) a
 * list shorter than the seats; warns when the surplus is below the 10% the convening
 * committee should prepare. Malformed numbers are refused too.
 */
export function checkCandidateList(input: CandidateListInput): CandidateListCheck {
  const { body, seats, candidates } = input;
  const surplusRequired = surplusRequiredFor(body);
  const inputProblems = [countProblem('seats', seats, 1), countProblem('candidates', candidates, 1)].filter(
    (problem) => problem !== undefined,
  );
  const validNumbers = inputProblems.length === 0;
  const surplus = validNumbers ? candidates - seats : 0;
  const maxSurplus = validNumbers ? maxSurplusFor(seats) : 0;
  const messages: RuleMessage<ElectionMessageCode>[] = [...inputProblems];
  const share = ratioOf(surplus, validNumbers ? seats : 0);
  const percent = share.percent ?? 0;

  if (validNumbers) {
    if (surplus < 0) {
      messages.push(
        electionMessage(
          input.allowFewerCandidates === true ? 'fewer_candidates_than_seats_allowed' : 'fewer_candidates_than_seats',
          { candidates, seats },
        ),
      );
    } else if (surplus === 0) {
      messages.push(
        electionMessage(surplusRequired ? 'surplus_required' : 'no_surplus', { body, seats }),
      );
    } else if (surplus > maxSurplus) {
      const small = seats >= 3 && seats <= 5;
      messages.push(
        electionMessage(small ? 'surplus_over_limit_small_body' : 'surplus_over_limit', { surplus, seats, maxSurplus }),
      );
    } else {
      // 10·s < seats is "below 10%" without rounding.
      if (10 * surplus < seats) messages.push(electionMessage('surplus_below_recommended', { surplus, percent }));
      messages.push(electionMessage('surplus_within_limit', { surplus, percent, maxSurplus }));
    }
  }

  return {
    verdict: verdictOf(messages),
    seats,
    candidates,
    surplus,
    surplusShare: share,
    maxSurplus,
    surplusRequired,
    recommendedSurplus: {
      min: validNumbers ? Math.ceil(seats / 10) : 0,
      max: validNumbers ? Math.floor((15 * seats) / 100) : 0,
    },
    messages,
  };
}

function verdictOf(messages: readonly RuleMessage[]): CandidateListVerdict {
  if (messages.some((message) => message.severity === 'error')) return 'refused';
  if (messages.some((message) => message.severity === 'warning')) return 'warning';
  return 'ok';
}

export interface FloorNominationInput {
  /** Delegates (members) present who agree to put the nominee on the list. */
  readonly agreeing: number;
  /** Delegates (members) present at the congress. */
  readonly present: number;
}

export interface FloorNominationDecision {
  readonly admitted: boolean;
  readonly share: Ratio;
  readonly message: RuleMessage<ElectionMessageCode>;
}

/**
 * A nominee not proposed by the convening committee enters the list only with the
 * agreement of more than 30% of the delegates present (Art. 14(3)): 10·agreeing > 3·present,
 * so exactly 30% is not enough.
 */
export function admitFloorNomination(
  input: FloorNominationInput,
): RuleResult<FloorNominationDecision, ElectionMessageCode> {
  const { agreeing, present } = input;
  const problems = [countProblem('agreeing', agreeing), countProblem('present', present, 1)].filter(
    (problem) => problem !== undefined,
  );
  if (problems.length > 0) return refuse(problems);
  if (agreeing > present) {
    return refuse([electionMessage('agreeing_exceeds_present', { agreeing, present })]);
  }
  const admitted = 10 * agreeing > 3 * present;
  const share = ratioOf(agreeing, present);
  const message = electionMessage(admitted ? 'floor_nomination_admitted' : 'floor_nomination_rejected', {
    agreeing,
    present,
    percent: share.percent ?? 0,
  });
  return succeed({ admitted, share, message });
}
