import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../rule-outcome.ts';
import { electionRulesFor } from './index.ts';
import {
  EXCLUSION_KINDS,
  admitFloorNomination,
  checkCandidateList,
  computeMajorityBase,
  maxSurplusFor,
  qd190Rules,
  rulesVersion,
  votesNeededFor,
} from './qd-190-2024.ts';
import type { ElectedBody, Exclusion } from './qd-190-2024.ts';

function valueOf<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.en).join('; ')}`);
  return result.value;
}

function errorCodes<T>(result: RuleResult<T>): readonly string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

describe('checkCandidateList (surplus, Art. 14)', () => {
  const check = (seats: number, candidates: number, body: ElectedBody = 'committee') =>
    checkCandidateList({ body, seats, candidates });

  it('accepts 15 seats from 18 candidates (20%)', () => {
    const result = check(15, 18);
    expect(result.verdict).toBe('ok');
    expect(result.surplus).toBe(3);
    expect(result.maxSurplus).toBe(4);
    expect(result.surplusShare).toEqual({ numerator: 3, denominator: 15, percent: 20 });
    expect(result.messages.map((message) => message.code)).toEqual(['surplus_within_limit']);
    expect(result.messages[0]?.vi).toBe('Số dư 3 người (20%), trong giới hạn tối đa 4 người');
  });

  it('rounds 30% down: 15 seats allow 4 extra (4.5), never 5', () => {
    expect(check(15, 19).verdict).toBe('ok');
    const over = check(15, 20);
    expect(over.verdict).toBe('refused');
    expect(over.messages.map((message) => message.code)).toEqual(['surplus_over_limit']);
    expect(over.messages[0]?.vi).toContain('vượt quá 30%');
    expect(over.messages[0]?.en).toBe('A surplus of 5 exceeds 30% of the 15 seats; at most 4');
  });

  it('accepts exactly 30% and refuses one more', () => {
    expect(check(10, 13).verdict).toBe('ok');
    expect(check(10, 14).verdict).toBe('refused');
    expect(check(20, 26).verdict).toBe('ok');
    expect(check(20, 27).verdict).toBe('refused');
    expect(check(6, 7).verdict).toBe('ok');
    expect(check(6, 8).verdict).toBe('refused');
  });

  it('allows exactly 1 extra for bodies of 3 to 5 seats', () => {
    for (const seats of [3, 4, 5]) {
      expect(check(seats, seats + 1, 'standing_committee').verdict).toBe('ok');
      const over = check(seats, seats + 2, 'standing_committee');
      expect(over.verdict).toBe('refused');
      expect(over.messages.map((message) => message.code)).toEqual(['surplus_over_limit_small_body']);
    }
    expect([1, 2, 3, 4, 5, 6, 7, 9, 10, 15, 18, 19].map(maxSurplusFor)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 5, 5]);
  });

  it('warns when the surplus is below the 10% the convening committee prepares', () => {
    const thin = check(15, 16);
    expect(thin.verdict).toBe('warning');
    expect(thin.messages.map((message) => message.code)).toEqual(['surplus_below_recommended', 'surplus_within_limit']);
    expect(thin.messages[0]?.vi).toContain('(6,67%)');
    expect(thin.messages[0]?.en).toContain('(6.67%)');
    expect(check(10, 11).verdict).toBe('ok');
    expect(check(11, 12).verdict).toBe('warning');
    expect(check(15, 18).recommendedSurplus).toEqual({ min: 2, max: 2 });
    expect(check(20, 23).recommendedSurplus).toEqual({ min: 2, max: 3 });
  });

  it('requires a surplus for the committee and standing committee only', () => {
    const equal = check(15, 15);
    expect(equal.verdict).toBe('refused');
    expect(equal.messages[0]?.code).toBe('surplus_required');
    expect(equal.messages[0]?.vi).toBe('Danh sách bầu cấp ủy phải có số người nhiều hơn số lượng cần bầu (15)');
    expect(check(3, 3, 'standing_committee').verdict).toBe('refused');
    const equalAllowed: readonly ElectedBody[] = ['secretary', 'deputy_secretary', 'inspection_committee', 'inspection_chair', 'delegates'];
    for (const body of equalAllowed) {
      const result = check(body === 'secretary' ? 1 : 5, body === 'secretary' ? 1 : 5, body);
      expect(result.verdict).toBe('ok');
      expect(result.messages.map((message) => message.code)).toEqual(['no_surplus']);
    }
  });

  it('allows no surplus for a single seat (30% of 1 is under one person)', () => {
    expect(check(1, 2, 'secretary').verdict).toBe('refused');
  });

  it('refuses fewer candidates than seats unless the congress allowed it', () => {
    expect(check(15, 14).verdict).toBe('refused');
    expect(check(15, 14).messages[0]?.code).toBe('fewer_candidates_than_seats');
    const allowed = checkCandidateList({ body: 'committee', seats: 15, candidates: 14, allowFewerCandidates: true });
    expect(allowed.verdict).toBe('warning');
    expect(allowed.messages[0]?.code).toBe('fewer_candidates_than_seats_allowed');
  });

  it('refuses malformed numbers', () => {
    expect(check(0, 3).messages.map((message) => message.code)).toEqual(['must_be_positive']);
    expect(check(-1, 3).messages[0]?.vi).toBe('Số lượng cần bầu phải là số nguyên không âm (nhận được -1)');
    expect(check(5, 1.5).verdict).toBe('refused');
    expect(check(5, 0).verdict).toBe('refused');
    expect(check(Number.NaN, 5).verdict).toBe('refused');
  });

  it('property: above 5 seats a list is within the limit exactly when 10·surplus ≤ 3·seats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 2_000 }), fc.integer({ min: 1, max: 1_000 }), (seats, surplus) => {
        const result = check(seats, seats + surplus);
        const within = surplus <= Math.floor((seats * 30) / 100);
        expect(result.verdict === 'refused').toBe(!within);
      }),
    );
  });
});

describe('admitFloorNomination (more than 30% of those present)', () => {
  const admitted = (agreeing: number, present: number): boolean => valueOf(admitFloorNomination({ agreeing, present })).admitted;

  it('refuses exactly 30% and admits anything above', () => {
    expect(admitted(30, 100)).toBe(false);
    expect(admitted(31, 100)).toBe(true);
    expect(admitted(6, 20)).toBe(false);
    expect(admitted(7, 20)).toBe(true);
    expect(admitted(3, 10)).toBe(false);
    expect(admitted(4, 10)).toBe(true);
    expect(admitted(2, 7)).toBe(false);
    expect(admitted(3, 7)).toBe(true);
  });

  it('explains the decision in both languages', () => {
    const decision = valueOf(admitFloorNomination({ agreeing: 31, present: 100 }));
    expect(decision.share).toEqual({ numerator: 31, denominator: 100, percent: 31 });
    expect(decision.message.vi).toBe('31/100 đại biểu đồng ý (31%), hơn 30%: được đưa vào danh sách để đại hội xem xét');
  });

  it('refuses impossible figures', () => {
    expect(errorCodes(admitFloorNomination({ agreeing: 11, present: 10 }))).toEqual(['agreeing_exceeds_present']);
    expect(errorCodes(admitFloorNomination({ agreeing: 0, present: 0 }))).toEqual(['must_be_positive']);
    expect(errorCodes(admitFloorNomination({ agreeing: -1, present: 10 }))).toEqual(['not_a_count']);
  });

  it('property: admitted exactly when agreeing exceeds ⌊30% of present⌋', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }).chain((present) => fc.tuple(fc.integer({ min: 0, max: present }), fc.constant(present))),
        ([agreeing, present]) => {
          expect(admitted(agreeing, present)).toBe(agreeing > Math.floor((3 * present) / 10));
        },
      ),
    );
  });
});

describe('computeMajorityBase', () => {
  const exclusion = (kind: Exclusion['kind'], person: string): Exclusion => ({ kind, reason: 'Có quyết định', person });

  it('subtracts each exclusion and shows the breakdown', () => {
    const base = valueOf(
      computeMajorityBase({
        convened: 120,
        votersPresent: 110,
        exclusions: [
          exclusion('temporary_transfer_elsewhere', 'Nguyễn Văn A'),
          exclusion('temporary_transfer_elsewhere', 'Trần Thị B'),
          exclusion('exempted_absent', 'Lê Văn C'),
          exclusion('suspended', 'Phạm Văn D'),
          exclusion('detained', 'Hoàng Văn E'),
          exclusion('absent_with_approved_reason', 'Vũ Thị G'),
          exclusion('absent_with_approved_reason', 'Đỗ Văn H'),
          exclusion('absent_with_approved_reason', 'Bùi Thị K'),
        ],
      }),
    );
    expect(base).toMatchObject({ convened: 120, excluded: 8, base: 112, votesNeeded: 57 });
    expect(base.breakdown.map((row) => [row.kind, row.count])).toEqual([
      ['temporary_transfer_elsewhere', 2],
      ['exempted_absent', 1],
      ['suspended', 1],
      ['detained', 1],
      ['absent_with_approved_reason', 3],
    ]);
    expect(base.breakdown[2]).toMatchObject({ vi: 'đình chỉ sinh hoạt đảng', en: 'suspended from party activities' });
  });

  it('needs more than half: base 7 needs 4, base 8 needs 5', () => {
    expect(votesNeededFor(7)).toBe(4);
    expect(votesNeededFor(8)).toBe(5);
    expect(votesNeededFor(1)).toBe(1);
    expect(valueOf(computeMajorityBase({ convened: 8, exclusions: [] })).votesNeeded).toBe(5);
  });

  it('refuses missing reasons, duplicates and impossible numbers', () => {
    const blank: Exclusion = { kind: 'suspended', reason: '  ' };
    expect(errorCodes(computeMajorityBase({ convened: 10, exclusions: [blank] }))).toEqual(['exclusion_reason_missing']);
    const twice = [exclusion('suspended', 'Nguyễn Văn A'), exclusion('detained', 'Nguyễn Văn A')];
    expect(errorCodes(computeMajorityBase({ convened: 10, exclusions: twice }))).toEqual(['exclusion_duplicate_person']);
    const all = [exclusion('suspended', 'A'), exclusion('detained', 'B')];
    expect(errorCodes(computeMajorityBase({ convened: 1, exclusions: all }))).toEqual(['exclusions_exceed_convened']);
    expect(errorCodes(computeMajorityBase({ convened: 2, exclusions: all }))).toEqual(['must_be_positive']);
    expect(errorCodes(computeMajorityBase({ convened: -3, exclusions: [] }))).toEqual(['not_a_count']);
    expect(errorCodes(computeMajorityBase({ convened: 10, exclusions: [], votersPresent: 11 }))).toEqual([
      'voters_present_exceed_base',
    ]);
  });

  it('property: base = convened − exclusions and the breakdown adds up', () => {
    const kinds = fc.constantFrom(...EXCLUSION_KINDS);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(kinds, { maxLength: 50 }), (extra, kindList) => {
        const exclusions = kindList.map((kind) => ({ kind, reason: 'lý do' }));
        const base = valueOf(computeMajorityBase({ convened: kindList.length + extra, exclusions }));
        expect(base.base).toBe(extra);
        expect(base.breakdown.reduce((sum, row) => sum + row.count, 0)).toBe(kindList.length);
        expect(2 * base.votesNeeded > base.base && 2 * (base.votesNeeded - 1) <= base.base).toBe(true);
      }),
    );
  });
});

describe('rules version and selection by date', () => {
  it('identifies QĐ 190-QĐ/TW', () => {
    expect(rulesVersion).toMatchObject({ id: 'qd-190-2024', effectiveFrom: '2024-10-10' });
    expect(rulesVersion.title).toContain('190-QĐ/TW');
  });

  it('picks QĐ 190 from its effective date on', () => {
    expect(valueOf(electionRulesFor('2024-10-10'))).toBe(qd190Rules);
    expect(valueOf(electionRulesFor('2030-01-01')).version.id).toBe('qd-190-2024');
  });

  it('refuses earlier and malformed dates with a clear message', () => {
    const before = electionRulesFor('2024-10-09');
    expect(errorCodes(before)).toEqual(['no_rules_in_force']);
    expect(before.ok ? '' : before.errors[0]?.vi).toBe(
      'Chưa có quy định về bầu cử trong Đảng áp dụng cho ngày 2024-10-09; quy định sớm nhất được hỗ trợ (qd-190-2024) có hiệu lực từ 2024-10-10',
    );
    expect(errorCodes(electionRulesFor('2024-02-30'))).toEqual(['invalid_date']);
    expect(errorCodes(electionRulesFor('10/10/2024'))).toEqual(['invalid_date']);
  });
});
