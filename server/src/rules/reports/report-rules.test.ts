import type { TemplateDefinition } from '@tcxd/contract';
import { templateDefinition } from '@tcxd/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineByGroup, combineValues } from './aggregate.ts';
import { compileDefinition, compileStored } from './report-definition.ts';
import { adHocPeriod, periodDateProblems, standardPeriod, trackingStatusOf, unitMay, windowOf } from './report-periods.ts';
import { reportValues } from '@tcxd/contract';
import { computeValues, storedValues, validateValues } from './report-values.ts';

const definition: TemplateDefinition = templateDefinition.parse({
  sections: [
    { key: 'results', title: 'Kết quả chủ yếu', required: true },
    { key: 'next', title: 'Nhiệm vụ trọng tâm kỳ tới' },
  ],
  indicators: [
    { code: 'members', label: 'Đảng viên cuối kỳ', type: 'integer', source: 'members_at_end' },
    { code: 'admitted', label: 'Kết nạp đảng viên', type: 'integer', required: true, breakdown: [{ key: 'commune', label: 'Xã, phường' }, { key: 'enterprise', label: 'Doanh nghiệp' }] },
    { code: 'admitted_enterprise_private', label: 'Kết nạp trong doanh nghiệp tư nhân', type: 'integer' },
    { code: 'admission_rate', label: 'Tỷ lệ kết nạp', type: 'percentage', formula: 'admitted / members * 100' },
    { code: 'reviews_done_rate', label: 'Tỷ lệ hoàn thành kiểm điểm', type: 'percentage', aggregate: 'mean' },
  ],
  rules: [{ code: 'enterprise', check: 'admitted.enterprise >= admitted_enterprise_private', message: 'Số kết nạp trong doanh nghiệp phải không nhỏ hơn số kết nạp trong doanh nghiệp tư nhân' }],
});
const compiled = compileStored(definition);

describe('template definitions', () => {
  it('refuses unknown references, cycles, duplicate codes and non-comparison rules', () => {
    const broken = templateDefinition.parse({
      sections: [],
      indicators: [
        { code: 'a', label: 'A', type: 'integer', formula: 'b + 1' },
        { code: 'b', label: 'B', type: 'integer', formula: 'a * 2' },
        { code: 'c', label: 'C', type: 'integer', formula: 'zzz' },
        { code: 'c', label: 'C again', type: 'integer' },
      ],
      rules: [{ code: 'r', check: 'a + 1', message: 'x' }],
    });
    const result = compileDefinition(broken);
    expect(result.ok).toBe(false);
    const texts = result.ok ? [] : result.issues.map((i) => i.vi);
    expect(texts.some((t) => t.includes('vòng tròn'))).toBe(true);
    expect(texts.some((t) => t.includes('zzz'))).toBe(true);
    expect(texts.some((t) => t.includes('"c" bị trùng'))).toBe(true);
    expect(texts.some((t) => t.includes('phải là một phép so sánh'))).toBe(true);
  });

  it('orders computed indicators after what they use', () => {
    const chain = compileStored(templateDefinition.parse({ sections: [], indicators: [
      { code: 'c', label: 'C', type: 'decimal', formula: 'b * 2' },
      { code: 'b', label: 'B', type: 'decimal', formula: 'a + 1' },
      { code: 'a', label: 'A', type: 'decimal' },
    ] }));
    expect(computeValues(chain, { a: 4 }, {})).toEqual({ a: 4, b: 5, c: 10 });
  });
});

describe('report values', () => {
  it('fills registry figures, sums breakdowns and computes formulas; entered values cannot override filled ones', () => {
    const values = computeValues(compiled, { members: 1, 'admitted.commune': 30, 'admitted.enterprise': 10, admitted_enterprise_private: 4, stray: 5 }, { members_at_end: 2000 });
    expect(values).toEqual({ members: 2000, admitted: 40, 'admitted.commune': 30, 'admitted.enterprise': 10, admitted_enterprise_private: 4, admission_rate: 2, reviews_done_rate: null });
  });

  it('checks whole numbers, negatives, percentages, rules, and on submission the required parts', () => {
    const values = computeValues(compiled, { 'admitted.commune': 2.5, 'admitted.enterprise': 1, admitted_enterprise_private: 3, reviews_done_rate: 120 }, { members_at_end: 10 });
    const issues = validateValues(compiled, values, {}, { complete: true, locale: 'vi' });
    expect(issues.map((i) => i.code).sort()).toEqual(['not_integer', 'percent_range', 'rule.enterprise', 'section_required'].sort());
    expect(issues.find((i) => i.code === 'rule.enterprise')?.message).toContain('doanh nghiệp tư nhân');
    const draft = validateValues(compiled, computeValues(compiled, {}, {}), {}, { complete: false, locale: 'vi' });
    expect(draft).toEqual([]);
    const incomplete = validateValues(compiled, computeValues(compiled, {}, {}), { results: 'Đã làm' }, { complete: true, locale: 'en' });
    expect(incomplete.map((i) => i.message)).toEqual(['Kết nạp đảng viên is missing']);
  });

  it('warns (without blocking) when a computed percentage is out of range', () => {
    const values = computeValues(compiled, { 'admitted.commune': 50 }, { members_at_end: 10 });
    const issue = validateValues(compiled, values, {}, { complete: false, locale: 'vi' }).find((i) => i.field === 'admission_rate');
    expect(issue?.severity).toBe('warning');
  });
});

describe('stored values read back', () => {
  it('keeps what the contract schema keeps and drops the rest', () => {
    const entry = fc.oneof(fc.double(), fc.constant(null), fc.string(), fc.boolean(), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), entry), (stored) => {
        const kept = storedValues(stored);
        expect(reportValues.safeParse(kept).success).toBe(true);
        for (const [key, value] of Object.entries(stored)) {
          if (value === null || (typeof value === 'number' && Number.isFinite(value))) expect(kept[key]).toBe(value);
          else expect(Object.hasOwn(kept, key)).toBe(false);
        }
      }),
    );
    expect(storedValues(null)).toEqual({});
    // A stored key "__proto__" (as a JSON column may hold) is kept as data.
    const proto = storedValues(JSON.parse('{"__proto__": 3}'));
    expect(Object.hasOwn(proto, '__proto__') && Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toBe(3);
    expect(storedValues([1, 2])).toEqual({});
  });
});

describe('aggregation', () => {
  it('sums counts, averages means, and recomputes rates from the totals', () => {
    const a = computeValues(compiled, { 'admitted.commune': 10, reviews_done_rate: 100 }, { members_at_end: 100 });
    const b = computeValues(compiled, { 'admitted.commune': 30, 'admitted.enterprise': 10, reviews_done_rate: 50 }, { members_at_end: 1900 });
    const total = combineValues(compiled, [a, b]);
    expect(total.members).toBe(2000);
    expect(total.admitted).toBe(50);
    expect(total['admitted.enterprise']).toBe(10);
    expect(total.reviews_done_rate).toBe(75);
    expect(total.admission_rate).toBe(2.5);
    expect(combineValues(compiled, []).admitted).toBeNull();
  });

  it('the total of the groups equals the total of all reports (sums), whatever the grouping', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.constantFrom('g1', 'g2', 'g3'), n: fc.integer({ min: 0, max: 500 }), m: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 40 }), (rows) => {
        const reports = rows.map((r) => ({ group: r.group, values: computeValues(compiled, { 'admitted.commune': r.n }, { members_at_end: r.m }) }));
        const groups = combineByGroup(compiled, reports);
        const ofGroups = combineValues(compiled, [...groups.values()]);
        const ofAll = combineValues(compiled, reports.map((r) => r.values));
        return ofGroups.admitted === ofAll.admitted && ofGroups.members === ofAll.members && ofGroups.admission_rate === ofAll.admission_rate;
      }),
    );
  });
});

describe('periods and windows', () => {
  it('gives the standard dates and Party-style labels', () => {
    expect(standardPeriod('month', 2024, 2)).toEqual({ label: 'Tháng 2-2024', startsOn: '2024-02-01', endsOn: '2024-02-29', opensOn: '2024-02-01', dueOn: '2024-02-20', locksOn: '2024-03-10' });
    expect(standardPeriod('quarter', 2024, 4)).toMatchObject({ label: 'Quý IV-2024', startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2024-12-20', locksOn: '2025-01-10' });
    expect(standardPeriod('half_year', 2025, 1)).toMatchObject({ label: '6 tháng đầu năm 2025', endsOn: '2025-06-30' });
    expect(standardPeriod('year', 2025, 1)).toMatchObject({ label: 'Năm 2025', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    expect(standardPeriod('month', 2024, 13)).toBeNull();
    expect(adHocPeriod('Chuyên đề', '2024-05-01', '2024-05-31').locksOn).toBe('2024-06-10');
    expect(periodDateProblems({ ...adHocPeriod('x', '2024-05-01', '2024-05-31'), locksOn: '2024-05-31' })).toHaveLength(1);
  });

  it('is open until the due date, late until the lock, then locked unless unlocked for the unit', () => {
    const p = standardPeriod('month', 2024, 1);
    if (!p) throw new Error('no period');
    expect(windowOf(p, '2023-12-31', null)).toBe('not_open');
    expect(windowOf(p, '2024-01-20', null)).toBe('open');
    expect(windowOf(p, '2024-01-21', null)).toBe('late');
    expect(windowOf(p, '2024-02-09', null)).toBe('late');
    expect(windowOf(p, '2024-02-10', null)).toBe('locked');
    expect(windowOf(p, '2024-02-15', '2024-02-15')).toBe('late');
    expect(windowOf(p, '2024-02-16', '2024-02-15')).toBe('locked');
  });

  it('classifies on time, late, returned, missing', () => {
    expect(trackingStatusOf(null, '2024-01-20')).toBe('missing');
    expect(trackingStatusOf({ status: 'draft', firstSubmittedOn: null }, '2024-01-20')).toBe('missing');
    expect(trackingStatusOf({ status: 'submitted', firstSubmittedOn: '2024-01-20' }, '2024-01-20')).toBe('on_time');
    expect(trackingStatusOf({ status: 'accepted', firstSubmittedOn: '2024-01-21' }, '2024-01-20')).toBe('late');
    expect(trackingStatusOf({ status: 'returned', firstSubmittedOn: '2024-01-02' }, '2024-01-20')).toBe('returned');
  });

  it('lets the unit edit a draft until the lock and a returned report always; sent figures are locked', () => {
    expect(unitMay('draft', 'not_open')).toEqual({ edit: true, submit: false });
    expect(unitMay('draft', 'late')).toEqual({ edit: true, submit: true });
    expect(unitMay('draft', 'locked')).toEqual({ edit: false, submit: false });
    expect(unitMay('returned', 'locked')).toEqual({ edit: true, submit: true });
    expect(unitMay('submitted', 'open')).toEqual({ edit: false, submit: false });
  });
});
