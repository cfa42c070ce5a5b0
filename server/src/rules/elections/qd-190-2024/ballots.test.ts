import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../rule-outcome.ts';
import { countVotes, judgeBallot } from './ballots.ts';
import type { BallotEntry, BallotJudgement } from './ballots.ts';
import { reconcileBallots } from './reconciliation.ts';
import type { BallotFigures } from './reconciliation.ts';

function valueOf<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.en).join('; ')}`);
  return result.value;
}

const marked = (...struck: number[]): BallotEntry => ({ kind: 'marked', struck });

function reasonOf(judgement: BallotJudgement): string {
  return judgement.valid ? 'valid' : judgement.reason;
}

describe('judgeBallot', () => {
  const surplusPaper = { seats: 3, candidates: 5 };

  it('counts a ballot leaving at most as many names as seats', () => {
    expect(valueOf(judgeBallot(marked(0, 1), surplusPaper))).toEqual({ valid: true, left: 3 });
    expect(valueOf(judgeBallot(marked(4, 0, 2, 1), surplusPaper))).toEqual({ valid: true, left: 1 });
  });

  it('invalidates a ballot leaving more names than seats', () => {
    const judged = valueOf(judgeBallot(marked(0), surplusPaper));
    expect(reasonOf(judged)).toBe('more_names_than_seats');
    expect(judged.valid ? '' : judged.message.vi).toBe('Phiếu không hợp lệ: để lại 4 người, nhiều hơn số lượng cần bầu (3)');
    expect(reasonOf(valueOf(judgeBallot(marked(), surplusPaper)))).toBe('more_names_than_seats');
  });

  it('invalidates a ballot leaving nobody when the list has a surplus', () => {
    expect(reasonOf(valueOf(judgeBallot(marked(0, 1, 2, 3, 4), surplusPaper)))).toBe('nobody_left_with_surplus');
  });

  it('counts a ballot striking everyone when the list has no surplus', () => {
    expect(valueOf(judgeBallot(marked(0, 1, 2), { seats: 3, candidates: 3 }))).toEqual({ valid: true, left: 0 });
    expect(valueOf(judgeBallot(marked(), { seats: 3, candidates: 3 }))).toEqual({ valid: true, left: 3 });
    expect(valueOf(judgeBallot(marked(0), { seats: 1, candidates: 1 }))).toEqual({ valid: true, left: 0 });
  });

  it('keeps the reason the committee gave', () => {
    expect(reasonOf(valueOf(judgeBallot({ kind: 'invalid', reason: 'no_seal' }, surplusPaper)))).toBe('no_seal');
    const other = valueOf(judgeBallot({ kind: 'invalid', reason: 'other', note: 'ghi thêm tên' }, surplusPaper));
    expect(reasonOf(other)).toBe('other');
  });

  it('refuses malformed entries instead of guessing', () => {
    const codes = (ballot: BallotEntry) => {
      const result = judgeBallot(ballot, surplusPaper, 7);
      return result.ok ? [] : result.errors.map((error) => error.code);
    };
    expect(codes(marked(5))).toEqual(['candidate_index_out_of_range']);
    expect(codes(marked(-1))).toEqual(['candidate_index_out_of_range']);
    expect(codes(marked(1.5))).toEqual(['candidate_index_out_of_range']);
    expect(codes(marked(1, 2, 1))).toEqual(['candidate_index_duplicated']);
    const refused = judgeBallot(marked(1, 1), surplusPaper, 7);
    expect(refused.ok ? '' : refused.errors[0]?.vi).toBe('Phiếu 7: ứng cử viên số 2 bị gạch hai lần');
    expect(judgeBallot(marked(), { seats: 0, candidates: 3 }).ok).toBe(false);
  });

  const paperAndStruck = fc
    .record({ seats: fc.integer({ min: 1, max: 20 }), candidates: fc.integer({ min: 1, max: 30 }) })
    .chain((paper) =>
      fc.tuple(
        fc.constant(paper),
        fc.shuffledSubarray(
          Array.from({ length: paper.candidates }, (_, index) => index),
          { minLength: 0, maxLength: paper.candidates },
        ),
      ),
    );

  it('property: a ballot leaving more names than seats is always invalid', () => {
    fc.assert(
      fc.property(paperAndStruck, ([paper, struck]) => {
        const judged = valueOf(judgeBallot(marked(...struck), paper));
        if (paper.candidates - struck.length > paper.seats) expect(reasonOf(judged)).toBe('more_names_than_seats');
      }),
    );
  });

  it('property: valid exactly when it leaves 1..seats names (0..seats without a surplus)', () => {
    fc.assert(
      fc.property(paperAndStruck, ([paper, struck]) => {
        const left = paper.candidates - struck.length;
        const minimum = paper.candidates > paper.seats ? 1 : 0;
        const judged = valueOf(judgeBallot(marked(...struck), paper));
        expect(judged.valid).toBe(left >= minimum && left <= paper.seats);
      }),
    );
  });
});

describe('countVotes', () => {
  it('gives each candidate the valid ballots that left the name', () => {
    // Seats 2 from A, B, C (positions 0, 1, 2).
    const ballots: readonly BallotEntry[] = [
      marked(2), // A, B
      marked(1), // A, C
      marked(0), // B, C
      marked(), // 3 left: invalid
      marked(0, 1, 2), // nobody left: invalid
      { kind: 'invalid', reason: 'no_seal' },
      marked(1, 2), // A
    ];
    const count = valueOf(countVotes(ballots, { seats: 2, candidates: 3 }));
    expect(count).toEqual({
      votes: [3, 2, 2],
      validCount: 4,
      invalidCount: 3,
      invalidByReason: { no_seal: 1, other: 0, more_names_than_seats: 1, nobody_left_with_surplus: 1 },
    });
  });

  it('refuses every malformed ballot, numbered from 1', () => {
    const result = countVotes([marked(0), marked(9), marked(1, 1)], { seats: 2, candidates: 3 });
    expect(result.ok ? [] : result.errors.map((error) => [error.code, error.params['ballot']])).toEqual([
      ['candidate_index_out_of_range', 2],
      ['candidate_index_duplicated', 3],
    ]);
  });

  it('reuses its duplicate detector across ballots without leaking marks', () => {
    const count = valueOf(countVotes([marked(0), marked(0), marked(0)], { seats: 2, candidates: 3 }));
    expect(count.votes).toEqual([0, 3, 3]);
  });

  it('property: the count does not depend on the order of the ballots', () => {
    const paper = { seats: 4, candidates: 7 };
    const ballot = fc.oneof(
      { weight: 6, arbitrary: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6]).map((struck) => marked(...struck)) },
      { weight: 1, arbitrary: fc.constantFrom<BallotEntry>({ kind: 'invalid', reason: 'no_seal' }, { kind: 'invalid', reason: 'other' }) },
    );
    fc.assert(
      fc.property(
        fc.array(ballot, { maxLength: 60 }).chain((ballots) =>
          fc.tuple(fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length, maxLength: ballots.length })),
        ),
        ([ballots, shuffled]) => {
          const count = valueOf(countVotes(ballots, paper));
          expect(valueOf(countVotes(shuffled, paper))).toEqual(count);
          expect(count.validCount + count.invalidCount).toBe(ballots.length);
          for (const votes of count.votes) expect(votes).toBeLessThanOrEqual(count.validCount);
          expect(count.votes.reduce((sum, votes) => sum + votes, 0)).toBeLessThanOrEqual(paper.seats * count.validCount);
        },
      ),
    );
  });
});

describe('reconcileBallots', () => {
  const consistent: BallotFigures = { issued: 120, returned: 118, notReturned: 2, valid: 115, invalid: 3, counted: 118 };

  it('accepts figures that add up', () => {
    expect(reconcileBallots(consistent)).toEqual({ discrepancies: [], finalisable: true });
    expect(reconcileBallots({ issued: 0, returned: 0, notReturned: 0, valid: 0, invalid: 0, counted: 0 }).finalisable).toBe(true);
  });

  it('lists each identity that fails', () => {
    const codes = (figures: BallotFigures) => reconcileBallots(figures).discrepancies.map((item) => item.code);
    expect(codes({ ...consistent, issued: 121 })).toEqual(['issued_mismatch']);
    expect(codes({ ...consistent, invalid: 4 })).toEqual(['valid_invalid_mismatch']);
    expect(codes({ ...consistent, counted: 117 })).toEqual(['counted_mismatch']);
    expect(codes({ ...consistent, returned: 119 })).toEqual(['issued_mismatch', 'valid_invalid_mismatch', 'counted_mismatch']);
    const issued = reconcileBallots({ ...consistent, issued: 121 });
    expect(issued.finalisable).toBe(false);
    expect(issued.discrepancies[0]?.vi).toBe(
      'Số phiếu phát ra (121) khác số phiếu thu vào cộng số phiếu không thu về (118 + 2 = 120)',
    );
  });

  it('refuses negative or fractional figures', () => {
    const result = reconcileBallots({ ...consistent, notReturned: -2, valid: 114.5 });
    expect(result.finalisable).toBe(false);
    expect(result.discrepancies.map((item) => [item.code, item.params['field']])).toEqual([
      ['not_a_count', 'notReturned'],
      ['not_a_count', 'valid'],
    ]);
  });

  const count = fc.integer({ min: 0, max: 40 });
  const figures = fc.record({ issued: count, returned: count, notReturned: count, valid: count, invalid: count, counted: count });
  const consistentFigures = fc
    .record({ returned: fc.integer({ min: 0, max: 2_000 }), notReturned: count })
    .chain(({ returned, notReturned }) =>
      fc.integer({ min: 0, max: returned }).map((valid) => ({
        issued: returned + notReturned,
        returned,
        notReturned,
        valid,
        invalid: returned - valid,
        counted: returned,
      })),
    );

  it('property: accepts exactly the consistent tuples', () => {
    fc.assert(
      fc.property(fc.oneof(figures, consistentFigures), (tuple) => {
        const consistentTuple =
          tuple.issued === tuple.returned + tuple.notReturned &&
          tuple.valid + tuple.invalid === tuple.returned &&
          tuple.counted === tuple.returned;
        const result = reconcileBallots(tuple);
        expect(result.finalisable).toBe(consistentTuple);
        expect(result.discrepancies.length === 0).toBe(consistentTuple);
      }),
    );
  });
});
