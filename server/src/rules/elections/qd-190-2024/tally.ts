import { ratioOf, refuse, succeed } from '../../rule-outcome.ts';
import type { Ratio, RuleMessage, RuleResult } from '../../rule-outcome.ts';
import { countVotes } from './ballots.ts';
import type { BallotEntry, VoteCount } from './ballots.ts';
import { hasMajority, votesNeededFor } from './majority-base.ts';
import { countProblem, electionMessage } from './messages.ts';
import type { ElectionMessageCode } from './messages.ts';

/**
 * What to do when candidates tie for the last seat(s). The regulation does not settle it
 * (DOMAIN: unconfirmed), so it is never resolved here: 'further_round' (default) prepares
 * a round among the tied; 'congress_decides' only reports the tie.
 */
export type TiePolicy = 'further_round' | 'congress_decides';

export interface ResultInput {
  readonly seats: number;
  /** The base for the majority (computeMajorityBase), not the ballots returned. */
  readonly base: number;
  /** Votes per candidate by ballot position (0-based). */
  readonly votes: readonly number[];
  readonly validCount: number;
  readonly tiePolicy?: TiePolicy;
}

export type Standing = 'elected' | 'tied' | 'not_elected';

export interface CandidateResult {
  /** Position on the ballot, 0-based. */
  readonly index: number;
  readonly votes: number;
  readonly ofBase: Ratio;
  readonly ofValid: Ratio;
  /** More than half of the base (2·votes > base). */
  readonly overHalf: boolean;
  readonly standing: Standing;
  /** 1 + number of candidates with more votes (equal votes share a rank). */
  readonly rank: number;
}

export interface NextRound {
  readonly reason: 'tie' | 'too_few_elected';
  readonly seats: number;
  /** Ballot positions of the candidates of the next round, in ballot order. */
  readonly candidates: readonly number[];
  /** Too few elected: the congress decides whether to go on and whether to add names. */
  readonly requiresCongressDecision: boolean;
}

export type ElectionOutcome =
  | { readonly status: 'complete' }
  | {
      readonly status: 'tie';
      readonly tied: readonly number[];
      readonly seatsAmongTied: number;
      readonly policy: TiePolicy;
      /** Prepared under 'further_round'; null when the congress decides. */
      readonly nextRound: NextRound | null;
    }
  | { readonly status: 'short'; readonly remainingSeats: number; readonly nextRound: NextRound };

export interface ElectionResult {
  readonly seats: number;
  readonly base: number;
  readonly validCount: number;
  readonly votesNeeded: number;
  /** One row per candidate, in ballot order. */
  readonly candidates: readonly CandidateResult[];
  /** Ballot positions by votes (descending), then ballot order: the order of the minutes. */
  readonly ranking: readonly number[];
  /** Ballot positions of those elected, in ranking order; never more than the seats. */
  readonly elected: readonly number[];
  readonly outcome: ElectionOutcome;
  readonly message: RuleMessage<ElectionMessageCode>;
}

function resultInputProblems(input: ResultInput): RuleMessage<ElectionMessageCode>[] {
  const { seats, base, votes, validCount } = input;
  const problems = [
    countProblem('seats', seats, 1),
    countProblem('base', base, 1),
    countProblem('validCount', validCount),
    ...votes.map((count) => countProblem('votes', count)),
  ].filter((problem) => problem !== undefined);
  if (votes.length === 0) problems.push(electionMessage('no_candidates'));
  if (problems.length > 0) return problems;

  if (validCount > base) problems.push(electionMessage('valid_exceeds_base', { validCount, base }));
  votes.forEach((count, index) => {
    if (count > validCount) {
      problems.push(electionMessage('votes_exceed_valid', { position: index + 1, votes: count, validCount }));
    }
  });
  // A valid ballot leaves at most `seats` names, so the votes cannot add up to more.
  const total = votes.reduce((sum, count) => sum + count, 0);
  if (total > seats * validCount) {
    problems.push(electionMessage('votes_exceed_capacity', { total, capacity: seats * validCount }));
  }
  return problems;
}

function positionsLabel(indices: readonly number[]): string {
  return indices.map((index) => String(index + 1)).join(', ');
}

/**
 * Decides who is elected: more than half of the base (2·votes > base, never half of the
 * valid ballots); if more pass than seats, the highest votes; a tie across the last seat
 * is flagged with the tied candidates and never resolved here; with too few elected,
 * the remaining seats and the other candidates are offered for the congress to decide.
 */
export function decideResult(input: ResultInput): RuleResult<ElectionResult, ElectionMessageCode> {
  const problems = resultInputProblems(input);
  if (problems.length > 0) return refuse(problems);
  const { seats, base, votes, validCount } = input;
  const policy = input.tiePolicy ?? 'further_round';

  const votesAt = (index: number): number => votes[index] ?? 0;
  const ranking = votes.map((_, index) => index).sort((a, b) => votesAt(b) - votesAt(a) || a - b);
  const passing = ranking.filter((index) => hasMajority(votesAt(index), base));

  let elected: readonly number[] = passing;
  let tied: readonly number[] = [];
  let tieVotes = 0;
  const lastSeat = passing[seats - 1];
  const firstOut = passing[seats];
  // firstOut exists only when more pass than seats; then the highest votes win.
  if (lastSeat !== undefined && firstOut !== undefined) {
    tieVotes = votesAt(lastSeat);
    if (votesAt(firstOut) < tieVotes) {
      elected = passing.slice(0, seats);
    } else {
      // The cut falls inside a group of equal votes: elect those above it, flag the group.
      elected = passing.filter((index) => votesAt(index) > tieVotes);
      tied = passing.filter((index) => votesAt(index) === tieVotes);
    }
  }

  // Competition ranking ("1, 2, 2, 4"): the first place in `ranking` holding these votes.
  const firstPlace = new Map<number, number>();
  ranking.forEach((index, place) => {
    if (!firstPlace.has(votesAt(index))) firstPlace.set(votesAt(index), place + 1);
  });
  const rankOf = (count: number): number => firstPlace.get(count) ?? ranking.length;
  const electedSet = new Set(elected);
  const tiedSet = new Set(tied);
  const candidates = votes.map((count, index): CandidateResult => ({
    index,
    votes: count,
    ofBase: ratioOf(count, base),
    ofValid: ratioOf(count, validCount),
    overHalf: hasMajority(count, base),
    standing: electedSet.has(index) ? 'elected' : tiedSet.has(index) ? 'tied' : 'not_elected',
    rank: rankOf(count),
  }));

  let outcome: ElectionOutcome;
  let message: RuleMessage<ElectionMessageCode>;
  if (tied.length > 0) {
    const seatsAmongTied = seats - elected.length;
    const tiedInBallotOrder = [...tied].sort((a, b) => a - b);
    outcome = {
      status: 'tie',
      tied: tiedInBallotOrder,
      seatsAmongTied,
      policy,
      nextRound:
        policy === 'further_round'
          ? { reason: 'tie', seats: seatsAmongTied, candidates: tiedInBallotOrder, requiresCongressDecision: false }
          : null,
    };
    message = electionMessage('tie_at_last_seat', {
      tied: positionsLabel(tiedInBallotOrder),
      votes: tieVotes,
      seatsLeft: seatsAmongTied,
    });
  } else if (elected.length < seats) {
    const remainingSeats = seats - elected.length;
    const others = votes.map((_, index) => index).filter((index) => !electedSet.has(index));
    outcome = {
      status: 'short',
      remainingSeats,
      nextRound: { reason: 'too_few_elected', seats: remainingSeats, candidates: others, requiresCongressDecision: true },
    };
    message = electionMessage('too_few_elected', { elected: elected.length, seats, remaining: remainingSeats });
  } else {
    outcome = { status: 'complete' };
    message = electionMessage('all_seats_filled', { seats, base });
  }

  return succeed({
    seats,
    base,
    validCount,
    votesNeeded: votesNeededFor(base),
    candidates,
    ranking,
    elected,
    outcome,
    message,
  });
}

export interface TallyInput {
  readonly seats: number;
  readonly base: number;
  /** Names printed on the ballot. */
  readonly candidates: number;
  readonly ballots: readonly BallotEntry[];
  readonly tiePolicy?: TiePolicy;
}

export interface ElectionTally {
  readonly count: VoteCount;
  readonly result: ElectionResult;
}

/** Counts the ballots and decides the result in one step (countVotes, then decideResult). */
export function tallyElection(input: TallyInput): RuleResult<ElectionTally, ElectionMessageCode> {
  const counted = countVotes(input.ballots, { seats: input.seats, candidates: input.candidates });
  if (!counted.ok) return counted;
  const decided = decideResult({
    seats: input.seats,
    base: input.base,
    votes: counted.value.votes,
    validCount: counted.value.validCount,
    tiePolicy: input.tiePolicy ?? 'further_round',
  });
  if (!decided.ok) return decided;
  return succeed({ count: counted.value, result: decided.value });
}
