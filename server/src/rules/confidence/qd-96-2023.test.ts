import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../rule-outcome.ts';
import { confidenceRulesFor } from './index.ts';
import { consequenceOf, judgeConfidenceVote, qd96Rules, quorumMet, rulesVersion } from './qd-96-2023.ts';
import type { ConfidenceVoteInput } from './qd-96-2023.ts';

function valueOf<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.en).join('; ')}`);
  return result.value;
}

function errorCodes<T>(result: RuleResult<T>): readonly string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

/** A vote of `participants` out of `convened` with `low` low ratings, the rest "tín nhiệm". */
function vote(convened: number, participants: number, low: number, extra: Partial<ConfidenceVoteInput> = {}) {
  return judgeConfidenceVote({ convened, participants, high: 0, normal: participants - low, low, invalid: 0, ...extra });
}

describe('quorum: at least 2/3 of those convened take part', () => {
  it('is met at exactly 2/3 and not one below', () => {
    expect(quorumMet(30, 20)).toBe(true);
    expect(quorumMet(30, 19)).toBe(false);
    expect(quorumMet(10, 7)).toBe(true);
    expect(quorumMet(10, 6)).toBe(false);
    expect(quorumMet(9, 6)).toBe(true);
    expect(quorumMet(9, 5)).toBe(false);
    expect(quorumMet(1, 1)).toBe(true);
  });

  it('voids the vote without it', () => {
    const outcome = valueOf(vote(30, 19, 0));
    expect(outcome.status).toBe('no_quorum');
    expect(outcome.participation).toEqual({ numerator: 19, denominator: 30, percent: 63.33 });
    expect(outcome.message.vi).toBe(
      'Chỉ có 19/30 người tham gia (63,33%), chưa đủ 2/3 số được triệu tập: kết quả không có giá trị',
    );
  });

  it('property: met exactly when participants reach ⌈2/3 of convened⌉', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }).chain((convened) => fc.tuple(fc.constant(convened), fc.integer({ min: 0, max: convened }))),
        ([convened, participants]) => {
          expect(quorumMet(convened, participants)).toBe(participants >= Math.ceil((2 * convened) / 3));
        },
      ),
    );
  });
});

describe('consequence of low-confidence votes', () => {
  it('has none at exactly half', () => {
    expect(consequenceOf(15, 30)).toBe('none');
    expect(consequenceOf(0, 30)).toBe('none');
    expect(consequenceOf(0, 0)).toBe('none');
  });

  it('removes from planning above half and under 2/3', () => {
    expect(consequenceOf(16, 30)).toBe('remove_from_planning_consider_reassignment');
    expect(consequenceOf(19, 30)).toBe('remove_from_planning_consider_reassignment');
    expect(consequenceOf(4, 7)).toBe('remove_from_planning_consider_reassignment');
  });

  it('considers dismissal from exactly 2/3', () => {
    expect(consequenceOf(20, 30)).toBe('consider_dismissal');
    expect(consequenceOf(30, 30)).toBe('consider_dismissal');
    expect(consequenceOf(5, 7)).toBe('consider_dismissal');
    expect(consequenceOf(2, 3)).toBe('consider_dismissal');
  });

  it('property: matches the exact fractions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }).chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
        ([low, total]) => {
          const expected =
            low >= Math.ceil((2 * total) / 3)
              ? 'consider_dismissal'
              : low > Math.floor(total / 2)
                ? 'remove_from_planning_consider_reassignment'
                : 'none';
          expect(consequenceOf(low, total)).toBe(expected);
        },
      ),
    );
  });
});

describe('judgeConfidenceVote', () => {
  it('reports the shares and the consequence', () => {
    const outcome = valueOf(judgeConfidenceVote({ convened: 30, participants: 24, high: 4, normal: 3, low: 16, invalid: 1 }));
    expect(outcome).toMatchObject({
      status: 'valid',
      thresholdBase: 'participants',
      consequence: 'consider_dismissal',
      shares: {
        high: { numerator: 4, denominator: 24, percent: 16.67 },
        low: { numerator: 16, denominator: 24, percent: 66.67 },
        invalid: { numerator: 1, denominator: 24, percent: 4.17 },
      },
    });
    expect(outcome.message.vi).toBe('Tín nhiệm thấp 16/24 (66,67%), từ 2/3 trở lên: xem xét miễn nhiệm');
    expect(outcome.message.en).toBe('Low confidence 16 of 24 (66.67%), 2/3 or more: consider dismissal');
  });

  it('can measure against those convened instead', () => {
    const input = { convened: 30, participants: 24, high: 4, normal: 3, low: 16, invalid: 1 };
    const outcome = valueOf(judgeConfidenceVote({ ...input, thresholdBase: 'convened' }));
    expect(outcome).toMatchObject({ consequence: 'remove_from_planning_consider_reassignment' });
  });

  it('flags more than half but under 2/3', () => {
    const outcome = valueOf(vote(9, 9, 5));
    expect(outcome).toMatchObject({ status: 'valid', consequence: 'remove_from_planning_consider_reassignment' });
    expect(outcome.message.code).toBe('low_over_half');
    expect(valueOf(vote(9, 9, 6))).toMatchObject({ consequence: 'consider_dismissal' });
    expect(valueOf(vote(10, 10, 5))).toMatchObject({ consequence: 'none' });
  });

  it('refuses figures that do not add up', () => {
    expect(errorCodes(vote(10, 11, 0))).toEqual(['participants_exceed_convened']);
    expect(errorCodes(judgeConfidenceVote({ convened: 10, participants: 9, high: 3, normal: 3, low: 2, invalid: 0 }))).toEqual([
      'ratings_do_not_add_up',
    ]);
    expect(errorCodes(vote(0, 0, 0))).toEqual(['must_be_positive']);
    const negative = vote(10, 9, -1);
    expect(errorCodes(negative)).toEqual(['not_a_count']);
    expect(negative.ok ? '' : negative.errors[0]?.vi).toBe('Số phiếu tín nhiệm thấp phải là số nguyên không âm (nhận được -1)');
    expect(errorCodes(vote(10, 9.5, 0))).toEqual(['not_a_count', 'not_a_count']);
  });

  it('property: a valid outcome needs the quorum and its consequence follows the low share', () => {
    const input = fc.integer({ min: 1, max: 500 }).chain((convened) =>
      fc.integer({ min: 0, max: convened }).chain((participants) =>
        fc.integer({ min: 0, max: participants }).chain((low) =>
          fc.integer({ min: 0, max: participants - low }).map((invalid) => ({ convened, participants, low, invalid })),
        ),
      ),
    );
    fc.assert(
      fc.property(input, ({ convened, participants, low, invalid }) => {
        const outcome = valueOf(vote(convened, participants, low, { invalid, normal: participants - low - invalid }));
        expect(outcome.status === 'valid').toBe(3 * participants >= 2 * convened);
        if (outcome.status === 'valid') expect(outcome.consequence).toBe(consequenceOf(low, participants));
      }),
    );
  });
});

describe('rules version and selection by date', () => {
  it('identifies QĐ 96-QĐ/TW and picks it from 2 Feb 2023', () => {
    expect(rulesVersion).toMatchObject({ id: 'qd-96-2023', effectiveFrom: '2023-02-02' });
    expect(valueOf(confidenceRulesFor('2023-02-02'))).toBe(qd96Rules);
    expect(valueOf(confidenceRulesFor('2026-06-30')).version.id).toBe('qd-96-2023');
  });

  it('refuses earlier and malformed dates', () => {
    const before = confidenceRulesFor('2023-02-01');
    expect(errorCodes(before)).toEqual(['no_rules_in_force']);
    expect(before.ok ? '' : before.errors[0]?.en).toBe(
      'No confidence vote rules in force on 2023-02-01; the earliest supported regulation (qd-96-2023) applies from 2023-02-02',
    );
    expect(errorCodes(confidenceRulesFor('2023-13-01'))).toEqual(['invalid_date']);
  });
});
