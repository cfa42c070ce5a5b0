import type { TemplateDefinition } from '@tcxd/contract';
import { templateDefinition } from '@tcxd/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineByGroup, combineStored, combineValues } from './aggregate.ts';
import { compileStored } from './report-definition.ts';
import { storedValues } from './report-values.ts';

const definition: TemplateDefinition = templateDefinition.parse({
  sections: [],
  indicators: [
    { code: 'members', label: 'Đảng viên cuối kỳ', type: 'integer' },
    { code: 'admitted', label: 'Kết nạp đảng viên', type: 'integer', breakdown: [{ key: 'commune', label: 'Xã, phường' }, { key: 'enterprise', label: 'Doanh nghiệp' }] },
    { code: 'admission_rate', label: 'Tỷ lệ kết nạp', type: 'percentage', formula: 'admitted / members * 100' },
    { code: 'reviews_done_rate', label: 'Tỷ lệ hoàn thành kiểm điểm', type: 'percentage', aggregate: 'mean' },
    { code: 'budget', label: 'Kinh phí (triệu đồng)', type: 'decimal' },
  ],
  rules: [],
});
const compiled = compileStored(definition);
const keys = ['members', 'admitted', 'admitted.commune', 'admitted.enterprise', 'admission_rate', 'reviews_done_rate', 'budget', 'unknown'];

/** A stored figure as it may come back: a number (whole or with decimals), null, missing, or something that is not a figure. */
const storedFigure = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('12', true, [3], { v: 1 }) },
);
const storedReport = fc.oneof(
  { weight: 12, arbitrary: fc.dictionary(fc.constantFrom(...keys), storedFigure) },
  { weight: 1, arbitrary: fc.constantFrom(null, [1, 2], 'x', 7) },
);

describe('combining stored reports in one pass', () => {
  it('gives the same total, groups and report counts as checking each report and combining', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.constantFrom('g1', 'g2', 'g3', undefined), values: storedReport }), { maxLength: 300 }), (rows) => {
        const combined = combineStored(compiled, rows);
        const checked = rows.map((r) => ({ group: r.group, values: storedValues(r.values) }));
        const grouped = combineByGroup(compiled, checked.flatMap((r) => (r.group === undefined ? [] : [{ group: r.group, values: r.values }])));
        expect(combined.total).toEqual(combineValues(compiled, checked.map((r) => r.values)));
        expect(combined.byGroup).toEqual(grouped);
        const counts = new Map<string, number>();
        for (const r of rows) if (r.group !== undefined) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
        expect(combined.reportedBy).toEqual(counts);
      }),
      { numRuns: 300 },
    );
  });

  it('averages means, recomputes rates and gives null where no report has the figure', () => {
    const { total, byGroup } = combineStored(compiled, [
      { group: 'a', values: { members: 100, admitted: 10, reviews_done_rate: 100 } },
      { group: 'b', values: { members: 1900, admitted: 40, reviews_done_rate: 50, budget: 'nhiều' } },
    ]);
    expect(total).toMatchObject({ members: 2000, admitted: 50, reviews_done_rate: 75, admission_rate: 2.5, budget: null });
    expect(byGroup.get('a')).toMatchObject({ members: 100, admission_rate: 10 });
  });
});
