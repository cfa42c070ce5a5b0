import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../rule-outcome.ts';
import type { BallotEntry } from './ballots.ts';
import { decideResult, tallyElection } from './tally.ts';
import type { ElectionResult, TiePolicy } from './tally.ts';

function valueOf<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.en).join('; ')}`);
  return result.value;
}

function decide(seats: number, base: number, votes: readonly number[], validCount = base, tiePolicy?: TiePolicy) {
  return valueOf(decideResult({ seats, base, votes, validCount, tiePolicy }));
}

function standings(result: ElectionResult): readonly string[] {
  return result.candidates.map((candidate) => candidate.standing);
}

describe('decideResult: more than half of the base', () => {
  it('does not elect with exactly half of the base', () => {
    expect(decide(1, 8, [4, 4], 8).elected).toEqual([]);
    expect(decide(1, 8, [5, 3], 8).elected).toEqual([0]);
  });

  it('needs 4 of a base of 7 and 5 of a base of 8', () => {
    expect(decide(2, 7, [4, 3], 7).elected).toEqual([0]);
    expect(decide(2, 7, [4, 3], 7).votesNeeded).toBe(4);
    expect(decide(2, 8, [5, 4], 8).elected).toEqual([0]);
    expect(decide(2, 8, [5, 4], 8).votesNeeded).toBe(5);
  });

  it('measures against the base, not the valid ballots', () => {
    // 60 valid ballots but a base of 100: 50 votes is 83% of the valid ballots, yet only half the base.
    const result = decide(2, 100, [55, 50, 10], 60);
    expect(result.elected).toEqual([0]);
    expect(result.candidates[0]).toMatchObject({
      votes: 55,
      ofBase: { numerator: 55, denominator: 100, percent: 55 },
      ofValid: { numerator: 55, denominator: 60, percent: 91.67 },
      overHalf: true,
      standing: 'elected',
    });
    expect(result.candidates[1]).toMatchObject({ ofValid: { percent: 83.33 }, overHalf: false, standing: 'not_elected' });
  });

  it('keeps exact ratios beside the rounded percentages', () => {
    const result = decide(1, 3, [2, 1], 3);
    expect(result.candidates[0]?.ofBase).toEqual({ numerator: 2, denominator: 3, percent: 66.67 });
    expect(result.candidates[1]?.ofBase).toEqual({ numerator: 1, denominator: 3, percent: 33.33 });
    expect(decide(1, 3, [0, 0], 0).candidates[0]?.ofValid).toEqual({ numerator: 0, denominator: 0, percent: null });
  });
});

describe('decideResult: more passing than seats', () => {
  it('elects the highest votes', () => {
    const result = decide(3, 10, [9, 8, 7, 6, 0]);
    expect(result.elected).toEqual([0, 1, 2]);
    expect(result.outcome).toEqual({ status: 'complete' });
    expect(standings(result)).toEqual(['elected', 'elected', 'elected', 'not_elected', 'not_elected']);
    expect(result.candidates[3]?.overHalf).toBe(true);
    expect(result.message.vi).toBe('Đã bầu đủ 3 người, mỗi người trúng cử được quá một nửa so với 10');
  });

  it('orders the ranking by votes, then ballot order, with shared ranks', () => {
    const result = decide(3, 10, [6, 9, 6, 2]);
    expect(result.ranking).toEqual([1, 0, 2, 3]);
    expect(result.candidates.map((candidate) => candidate.rank)).toEqual([2, 1, 2, 4]);
  });

  it('ignores ties that do not cross the last seat', () => {
    expect(decide(3, 10, [8, 8, 7, 2]).outcome.status).toBe('complete');
    expect(decide(3, 100, [54, 53, 52, 51, 51]).elected).toEqual([0, 1, 2]);
    expect(decide(3, 100, [54, 53, 52, 51, 51]).outcome.status).toBe('complete');
  });
});

describe('decideResult: a tie at the last seat', () => {
  it('flags the tie, lists the tied and prepares a further round by default', () => {
    const result = decide(2, 20, [14, 11, 0, 11]);
    expect(result.elected).toEqual([0]);
    expect(standings(result)).toEqual(['elected', 'tied', 'not_elected', 'tied']);
    expect(result.outcome).toEqual({
      status: 'tie',
      tied: [1, 3],
      seatsAmongTied: 1,
      policy: 'further_round',
      nextRound: { reason: 'tie', seats: 1, candidates: [1, 3], requiresCongressDecision: false },
    });
    expect(result.message.vi).toBe(
      'Các ứng cử viên số 2, 4 cùng được 11 phiếu cho 1 chỗ còn lại; đại hội phải bầu tiếp hoặc quyết định',
    );
  });

  it('leaves the decision to the congress when so configured', () => {
    const result = decide(2, 10, [6, 6, 6], 10, 'congress_decides');
    expect(result.elected).toEqual([]);
    expect(result.outcome).toMatchObject({ status: 'tie', tied: [0, 1, 2], seatsAmongTied: 2, nextRound: null });
  });

  it('cannot tie for a single seat: two candidates cannot both pass half of the base', () => {
    expect(decideResult({ seats: 1, base: 10, votes: [6, 6], validCount: 10 }).ok).toBe(false);
  });

  it('handles a tie group wider than the seats left', () => {
    const result = decide(3, 10, [8, 7, 7, 7, 1]);
    expect(result.elected).toEqual([0]);
    expect(result.outcome).toMatchObject({ status: 'tie', tied: [1, 2, 3], seatsAmongTied: 2 });
  });
});

describe('decideResult: too few elected', () => {
  it('returns the remaining seats and the other candidates for the congress to decide', () => {
    const result = decide(3, 10, [8, 5, 4, 6]);
    expect(result.elected).toEqual([0, 3]);
    expect(result.outcome).toEqual({
      status: 'short',
      remainingSeats: 1,
      nextRound: { reason: 'too_few_elected', seats: 1, candidates: [1, 2], requiresCongressDecision: true },
    });
    expect(result.message.en).toBe('Only 2 of 3 seats filled; 1 remain, the congress decides whether to vote again');
  });

  it('elects equal votes together when they fit the seats', () => {
    expect(decide(3, 10, [6, 6, 2]).outcome).toMatchObject({ status: 'short', remainingSeats: 1 });
  });

  it('offers every seat again when nobody passes', () => {
    expect(decide(2, 10, [5, 5, 4]).outcome).toMatchObject({ status: 'short', remainingSeats: 2 });
  });
});

describe('decideResult: refusals', () => {
  const codes = (seats: number, base: number, votes: readonly number[], validCount: number) => {
    const result = decideResult({ seats, base, votes, validCount });
    return result.ok ? [] : result.errors.map((error) => error.code);
  };

  it('refuses figures that cannot come from valid ballots', () => {
    expect(codes(1, 10, [11], 11)).toEqual(['valid_exceeds_base']);
    expect(codes(1, 10, [6, 7], 6)).toEqual(['votes_exceed_valid', 'votes_exceed_capacity']);
    expect(codes(1, 10, [5, 5], 6)).toEqual(['votes_exceed_capacity']);
    expect(codes(1, 10, [], 6)).toEqual(['no_candidates']);
    expect(codes(0, 10, [1], 6)).toEqual(['must_be_positive']);
    expect(codes(1, 0, [1], 0)).toEqual(['must_be_positive']);
    expect(codes(1, 10, [-1], 6)).toEqual(['not_a_count']);
  });
});

describe('tallyElection', () => {
  it('counts and decides 15 seats from 18 candidates', () => {
    // 42 ballots each striking 3 of the last 6 names in rotation (each struck 21 times); 2 invalid.
    const ballots: BallotEntry[] = Array.from({ length: 42 }, (_, n) => ({
      kind: 'marked',
      struck: [12 + (n % 6), 12 + ((n + 1) % 6), 12 + ((n + 2) % 6)],
    }));
    ballots.push({ kind: 'invalid', reason: 'no_seal' }, { kind: 'marked', struck: [] });
    const { count, result } = valueOf(tallyElection({ seats: 15, base: 46, candidates: 18, ballots }));
    expect(count.validCount).toBe(42);
    expect(count.invalidCount).toBe(2);
    expect(count.votes.slice(0, 12)).toEqual(new Array(12).fill(42));
    expect(count.votes.slice(12)).toEqual([21, 21, 21, 21, 21, 21]);
    // 12 elected with 42 of 46; the other six have 21, not more than 23.
    expect(result.elected).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.outcome).toMatchObject({ status: 'short', remainingSeats: 3 });
  });

  it('passes refusals through', () => {
    const result = tallyElection({ seats: 1, base: 5, candidates: 2, ballots: [{ kind: 'marked', struck: [2] }] });
    expect(result.ok).toBe(false);
  });
});
