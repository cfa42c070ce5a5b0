import { refuse, succeed } from '../../rule-outcome.ts';
import type { RuleMessage, RuleResult } from '../../rule-outcome.ts';
import { countProblem, electionMessage } from './messages.ts';
import type { ElectionMessageCode } from './messages.ts';

/** Reasons the counting committee records by hand when it rules a ballot invalid. */
export type ManualInvalidReason = 'no_seal' | 'other';

/** Every reason a ballot is invalid; the last two follow from the marks themselves. */
export type InvalidReason = ManualInvalidReason | 'more_names_than_seats' | 'nobody_left_with_surplus';

export const INVALID_REASONS: readonly InvalidReason[] = [
  'no_seal',
  'other',
  'more_names_than_seats',
  'nobody_left_with_surplus',
];

/**
 * One paper ballot as keyed: either the positions (0-based, as printed) of the names
 * the voter struck out, or the committee's ruling that the ballot is invalid.
 */
export type BallotEntry =
  | { readonly kind: 'marked'; readonly struck: readonly number[] }
  | { readonly kind: 'invalid'; readonly reason: ManualInvalidReason; readonly note?: string };

/** The shape of the ballot paper: seats to fill and names printed. */
export interface BallotPaper {
  readonly seats: number;
  readonly candidates: number;
}

export type BallotJudgement =
  | { readonly valid: true; readonly left: number }
  | {
      readonly valid: false;
      readonly reason: InvalidReason;
      readonly message: RuleMessage<ElectionMessageCode>;
    };

const REASON_CODE: Readonly<Record<InvalidReason, ElectionMessageCode>> = {
  no_seal: 'ballot_no_seal',
  other: 'ballot_other',
  more_names_than_seats: 'ballot_more_names_than_seats',
  nobody_left_with_surplus: 'ballot_nobody_left_with_surplus',
};

function invalid(reason: InvalidReason, params: Readonly<Record<string, number>> = {}): BallotJudgement {
  return { valid: false, reason, message: electionMessage(REASON_CODE[reason], params) };
}

function paperProblems(paper: BallotPaper): RuleMessage<ElectionMessageCode>[] {
  return [countProblem('seats', paper.seats, 1), countProblem('candidates', paper.candidates, 1)].filter(
    (problem) => problem !== undefined,
  );
}

/**
 * Judges struck positions. `marks[i] === stamp` means position i was already seen on
 * this ballot; a fresh stamp per ballot avoids clearing the array between ballots.
 */
function judgeMarked(
  struck: readonly number[],
  paper: BallotPaper,
  ballotNumber: number,
  marks: Int32Array,
  stamp: number,
): RuleResult<BallotJudgement, ElectionMessageCode> {
  for (const index of struck) {
    if (!Number.isInteger(index) || index < 0 || index >= paper.candidates) {
      return refuse([
        electionMessage('candidate_index_out_of_range', {
          ballot: ballotNumber,
          position: Number.isFinite(index) ? index + 1 : String(index),
          candidates: paper.candidates,
        }),
      ]);
    }
    if (marks[index] === stamp) {
      return refuse([electionMessage('candidate_index_duplicated', { ballot: ballotNumber, position: index + 1 })]);
    }
    marks[index] = stamp;
  }
  const left = paper.candidates - struck.length;
  if (left > paper.seats) return succeed(invalid('more_names_than_seats', { left, seats: paper.seats }));
  // Only a list with a surplus makes "nobody left" invalid: on a list without surplus,
  // striking every name is a valid vote against all of them.
  if (left === 0 && paper.candidates > paper.seats) return succeed(invalid('nobody_left_with_surplus'));
  return succeed({ valid: true, left });
}

/**
 * Judges one ballot by the rules of QĐ 190 on ballots: invalid if ruled so by the
 * committee (no seal, other), if it leaves more names than seats, or if it leaves
 * nobody on a list with a surplus. Refuses malformed entries (position out of range or struck twice).
 * `ballotNumber` only labels messages.
 */
export function judgeBallot(
  ballot: BallotEntry,
  paper: BallotPaper,
  ballotNumber = 1,
): RuleResult<BallotJudgement, ElectionMessageCode> {
  const problems = paperProblems(paper);
  if (problems.length > 0) return refuse(problems);
  if (ballot.kind === 'invalid') return succeed(invalid(ballot.reason));
  return judgeMarked(ballot.struck, paper, ballotNumber, new Int32Array(paper.candidates).fill(-1), 0);
}

export interface VoteCount {
  /** Votes per candidate by ballot position: valid ballots that left the name. */
  readonly votes: readonly number[];
  readonly validCount: number;
  readonly invalidCount: number;
  readonly invalidByReason: Readonly<Record<InvalidReason, number>>;
}

/**
 * Counts ballots: judges each, and gives every candidate the valid ballots that left
 * the name. Counting struck names and subtracting keeps it proportional to the marks,
 * not to ballots × candidates. Refuses every malformed entry, numbered from 1.
 */
export function countVotes(
  ballots: readonly BallotEntry[],
  paper: BallotPaper,
): RuleResult<VoteCount, ElectionMessageCode> {
  const problems = paperProblems(paper);
  if (problems.length > 0) return refuse(problems);
  const struckOnValid = new Array<number>(paper.candidates).fill(0);
  const marks = new Int32Array(paper.candidates).fill(-1);
  const invalidByReason: Record<InvalidReason, number> = {
    no_seal: 0,
    other: 0,
    more_names_than_seats: 0,
    nobody_left_with_surplus: 0,
  };
  const errors: RuleMessage<ElectionMessageCode>[] = [];
  let validCount = 0;

  ballots.forEach((ballot, position) => {
    if (ballot.kind === 'invalid') {
      invalidByReason[ballot.reason] += 1;
      return;
    }
    const judged = judgeMarked(ballot.struck, paper, position + 1, marks, position);
    if (!judged.ok) {
      errors.push(...judged.errors);
      return;
    }
    if (!judged.value.valid) {
      invalidByReason[judged.value.reason] += 1;
      return;
    }
    validCount += 1;
    for (const index of ballot.struck) struckOnValid[index] = (struckOnValid[index] ?? 0) + 1;
  });
  if (errors.length > 0) return refuse(errors);

  return succeed({
    votes: struckOnValid.map((struck) => validCount - struck),
    validCount,
    invalidCount: ballots.length - validCount,
    invalidByReason,
  });
}
