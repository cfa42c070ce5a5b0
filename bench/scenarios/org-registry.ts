import { commitReorganisation } from '../../server/src/modules/units/units.reorg.service.ts';
import { ancestorsAsOf, childrenAsOf, isDescendantAsOf, subtreeAsOf } from '../../server/src/modules/units/units.repository.ts';
import { systemContext } from '../../server/src/platform/context.ts';
import { seedDemo } from '../../server/src/seed/seed.ts';
import { benchScale } from '../lib/scale.ts';
import { useSeededCopy } from '../lib/seeded-copy.ts';
import { timed, withMigratedDatabase } from '../lib/target-db.ts';
import type { Metric, Scenario } from '../lib/types.ts';

const scale = benchScale('national');

const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length] as T;

/**
 * The organisation registry at national scale (BENCH_SCALE, default national: ≈ 52,000
 * grassroots organisations and ≈ 260,000 cells, with the real 2025 changes applied):
 * as-of queries on random units, then a merge of two merged provinces with all descendants.
 */
export const scenario: Scenario = {
  name: 'org-registry',
  description:
    `Sổ đăng ký tổ chức ở quy mô ${scale}: truy vấn theo ngày và sáp nhập hai tỉnh với toàn bộ cấp dưới. / ` +
    `Organisation registry at ${scale} scale: as-of queries and a merge of two provinces with all descendants.`,
  async run(ctx, target) {
    const seeded = await useSeededCopy(target, ctx);
    return withMigratedDatabase(target, async ({ db }) => {
      const seedStarted = performance.now();
      let lastShown = 0;
      if (!seeded) {
        await seedDemo(db, systemContext('bench'), scale, (label, done, total) => {
          if (done === total || performance.now() - lastShown > 5_000) {
            lastShown = performance.now();
            ctx.progress(`${label}: ${done}/${total}`);
          }
        });
      }
      const seedMs = performance.now() - seedStarted;
      const total = Number((await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      ctx.progress(seeded ? `${total} units` : `seeded ${total} units in ${Math.round(seedMs / 1000)} s`);

      const cells = await db.selectFrom('org_unit').select('id').where('kind', '=', 'cell').limit(5_000).execute();
      const provinces = await db.selectFrom('org_unit').select(['id', 'code']).where('kind', '=', 'province').where('valid_to', 'is', null).orderBy('code').execute();
      const runs = ctx.runs ?? 200;
      const today = '2026-11-25';
      const dates = ['2024-06-01', today];
      const ancestor: number[] = [];
      const membership: number[] = [];
      const children: number[] = [];
      const subtree: number[] = [];
      const subtreeSizes: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const cell = pick(cells, i).id;
        const province = pick(provinces, i).id;
        const date = pick(dates, i);
        await timed(ancestor, () => ancestorsAsOf(db, cell, date));
        await timed(membership, () => isDescendantAsOf(db, cell, province, date));
        await timed(children, () => childrenAsOf(db, [''], province, date));
        if (i < Math.min(runs, 40)) {
          await timed(subtree, async () => subtreeSizes.push((await subtreeAsOf(db, [''], province, date)).length));
        }
      }
      ctx.progress(`queries done (${runs} runs; subtree sizes ${Math.min(...subtreeSizes)}–${Math.max(...subtreeSizes)})`);

      // Two provinces of today's structure (each already the result of the 2025 merger).
      const [a, b] = [provinces.find((p) => p.code === '08'), provinces.find((p) => p.code === '19')];
      if (!a || !b) throw new Error('provinces 08 and 19 missing');
      const moving = await subtreeAsOf(db, [''], a.id, '2027-01-01');
      const merge: number[] = [];
      await timed(merge, () =>
        commitReorganisation(db, systemContext('bench'), {
          type: 'merge',
          sourceIds: [a.id],
          target: { existingId: b.id },
          effectiveDate: '2027-01-01',
          documentNumber: 'bench',
          confirmBackdated: false,
        }),
      );
      ctx.progress(`merge of ${moving.length} units: ${Math.round(merge[0] ?? 0)} ms`);
      const metrics: Metric[] = [
        ...(seeded ? [] : [{ name: `seed ${scale} (${total} units)`, unit: 's', samples: [seedMs / 1000] }]),
        { name: 'ancestor chain as of date', unit: 'ms', samples: ancestor, targetMax: 5 },
        { name: 'subtree membership as of date', unit: 'ms', samples: membership, targetMax: 5 },
        { name: 'children of a province as of date', unit: 'ms', samples: children, targetMax: 50 },
        { name: `whole subtree of a province as of date (${Math.round(subtreeSizes.reduce((s, v) => s + v, 0) / Math.max(1, subtreeSizes.length))} units avg)`, unit: 'ms', samples: subtree, targetMax: 50 },
        { name: `merge two provinces, one transaction (${moving.length} units move)`, unit: 'ms', samples: merge, targetMax: 10_000 },
      ];
      return metrics;
    });
  },
};
