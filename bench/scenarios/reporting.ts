import type { IndicatorDef } from '@tcxd/contract';
import { insertByColumns } from '../../server/src/db/bulk-insert.ts';
import { aggregatePeriod } from '../../server/src/modules/reports/reports.aggregate.service.ts';
import { consolidatedReport } from '../../server/src/modules/reports/reports.documents.ts';
import { createPeriod, createTemplate } from '../../server/src/modules/reports/reports.templates.service.ts';
import { trackPeriod } from '../../server/src/modules/reports/reports.tracking.service.ts';
import { createUnitsInBulk, type UnitRowInput, validateUnitRows } from '../../server/src/modules/units/units.bulk.ts';
import { existingByCodes } from '../../server/src/modules/units/units.repository.ts';
import { systemContext } from '../../server/src/platform/context.ts';
import { newId } from '../../server/src/platform/ids.ts';
import { seedDemoReports } from '../../server/src/seed/demo-reports.ts';
import { seedDemo } from '../../server/src/seed/seed.ts';
import { seededRandom } from '../../server/src/seed/demo-structure.ts';
import { type BenchDb, timed, withMigratedDatabase } from '../lib/target-db.ts';
import type { Metric, Scenario } from '../lib/types.ts';

const ctx = systemContext('bench');
const upperCount = 30;
const perUpper = 100;
const indicatorCount = 50;

/**
 * A province with 30 upper-grassroots committees of 100 grassroots organisations each
 * (3,000 units, created through the registry's bulk path so the as-of queries see them),
 * a monthly template of 50 indicators assigned to its grassroots organisations, one
 * period, and a sent report of every unit.
 */
export async function seedProvinceReports(db: BenchDb): Promise<{ periodId: string; expected: number }> {
  const province = await db.selectFrom('org_unit').select(['code', 'id', 'valid_from']).where('kind', '=', 'province').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow();
  const rows: UnitRowInput[] = [];
  for (let u = 0; u < upperCount; u += 1) {
    const upper = `BENCH-R-${u}`;
    rows.push({ row: rows.length + 1, code: upper, name: `Đảng bộ xã Thử Nghiệm ${u + 1}`, kind: 'upper_grassroots', parentCode: province.code, validFrom: province.valid_from });
    for (let g = 0; g < perUpper; g += 1) rows.push({ row: rows.length + 1, code: `${upper}-${g}`, name: `Chi bộ cơ sở Thử Nghiệm ${u + 1}.${g + 1}`, kind: 'grassroots_committee', parentCode: upper, validFrom: province.valid_from });
  }
  const parents = await existingByCodes(db, [province.code]);
  const { errors, ordered } = validateUnitRows(rows, parents);
  if (errors.length > 0) throw new Error(`bench units invalid: ${JSON.stringify(errors.slice(0, 3))}`);
  await db.transaction().execute((trx) => createUnitsInBulk(trx, ctx, { documentNumber: 'Thử tải', note: null, auditUnitId: null }, ordered, parents));

  const indicators: IndicatorDef[] = Array.from({ length: indicatorCount }, (_, i) => ({
    code: `chi_tieu_${i + 1}`, label: `Chỉ tiêu thử ${i + 1}`, type: i % 10 === 9 ? 'percentage' : 'integer', group: `Nhóm ${Math.floor(i / 10) + 1}`, unit: null, breakdown: [], formula: null, source: null, required: false, aggregate: i % 10 === 9 ? 'mean' : 'sum',
  }));
  const template = await createTemplate(db, ctx, {
    ownerUnitId: province.id, code: `BENCH-${newId().slice(-6)}`, name: 'Báo cáo tháng thử tải', frequency: 'month',
    assignment: { kind: 'subtree_kinds', unitKinds: ['grassroots_committee'] }, validFrom: '2026-01-01',
    definition: { sections: [{ key: 'results', title: 'Kết quả', required: false }], indicators, rules: [] },
  });
  const period = await createPeriod(db, ctx, { templateId: template.id, kind: 'month', year: 2026, index: 10 });
  const units = await db.selectFrom('org_unit').select('id').where('code', 'like', 'BENCH-R-%-%').execute();
  const random = seededRandom(6);
  const sentAt = new Date('2026-10-18T03:00:00Z');
  const submissions = units.map((u) => ({
    id: newId(), period_id: period.id, unit_id: u.id, status: 'submitted', version: 3,
    values: JSON.stringify(Object.fromEntries(indicators.map((d) => [d.code, d.type === 'percentage' ? Math.round(random() * 100) : Math.floor(random() * 50)]))),
    narrative: JSON.stringify({ results: 'Hoàn thành các chỉ tiêu của tháng.' }),
    first_submitted_at: sentAt, submitted_at: sentAt, returned_comment: null, accepted_at: null, updated_by: null, updated_at: sentAt, created_at: sentAt,
  }));
  for (let i = 0; i < submissions.length; i += 1_000) await insertByColumns(db, 'report_submission', submissions.slice(i, i + 1_000));
  return { periodId: period.id, expected: units.length };
}

export async function demoPeriodId(db: BenchDb, startsOn: string): Promise<string> {
  const row = await db.selectFrom('report_period as p').innerJoin('report_template as t', 't.id', 'p.template_id').select('p.id').where('t.code', '=', 'BC-THANG').where('p.starts_on', '=', startsOn).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Periodic reporting: the tracking view ("N/M") of one period over the Centre's 40 units of
 * today and over 3,000 grassroots organisations of a province; the aggregation of 50
 * indicators over those 3,000 units as of the period; the consolidated Word report of a
 * 2024 month (67 units). Each call is the service a route runs (database read + compute).
 */
export const scenario: Scenario = {
  name: 'reporting',
  description:
    'Báo cáo định kỳ: theo dõi "N/M" của 40 và 3.000 đơn vị, tổng hợp 50 chỉ tiêu × 3.000 đơn vị, báo cáo tổng hợp Word 67 đơn vị. / ' +
    'Periodic reporting: tracking of 40 and 3,000 units, aggregation of 50 indicators × 3,000 units, consolidated Word report of 67 units.',
  async run(bench, target) {
    return withMigratedDatabase(target, async ({ db }) => {
      await seedDemo(db, ctx, 'none');
      const reportCount = Number((await db.selectFrom('report_submission').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      if (reportCount === 0) await seedDemoReports(db, ctx, '2026-11-25');
      const month40 = await demoPeriodId(db, '2026-10-01');
      const month67 = await demoPeriodId(db, '2024-10-01');
      const big = await seedProvinceReports(db);
      bench.progress(`seeded: demo months and ${big.expected} grassroots reports`);

      const runs = bench.runs ?? 30;
      const tracking40: number[] = [];
      const tracking3000: number[] = [];
      const aggregate: number[] = [];
      const word: number[] = [];
      for (let run = 0; run < runs + 2; run += 1) {
        const warm = run < 2;
        const a = await timed(tracking40, () => trackPeriod(db, ctx, month40, {}));
        const b = await timed(tracking3000, () => trackPeriod(db, ctx, big.periodId, {}));
        const c = await timed(aggregate, () => aggregatePeriod(db, ctx, big.periodId, { structure: 'period' }));
        if (a.expected !== 40 || b.expected !== big.expected || b.reported !== big.expected) throw new Error(`unexpected tracking ${a.expected} ${b.expected}/${b.reported}`);
        if (c.indicators.length !== indicatorCount || c.groups.length !== upperCount || c.reported !== big.expected) throw new Error(`unexpected aggregation ${c.indicators.length} ${c.groups.length} ${c.reported}`);
        if (run < Math.min(runs, 10) + 2) {
          const doc = await timed(word, () => consolidatedReport(db, ctx, month67, { structure: 'period', narrative: 'by_section' }));
          if (doc.buffer.length < 10_000) throw new Error('consolidated report too small');
          if (warm) word.pop();
        }
        if (warm) {
          tracking40.pop();
          tracking3000.pop();
          aggregate.pop();
        }
      }
      const metrics: Metric[] = [
        { name: 'tracking of a period, 40 units (today)', unit: 'ms', samples: tracking40, targetMax: 50 },
        { name: `tracking of a period, ${big.expected} grassroots units`, unit: 'ms', samples: tracking3000, targetMax: 50 },
        { name: `aggregation of ${indicatorCount} indicators × ${big.expected} units as of the period`, unit: 'ms', samples: aggregate, targetMax: 200 },
        { name: 'consolidated Word report of a 2024 month (67 units)', unit: 'ms', samples: word, targetMax: 3_000 },
      ];
      return metrics;
    });
  },
};
