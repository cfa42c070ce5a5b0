import { memberListQuery } from '@tcxd/contract';
import { buildUser } from '../../server/test/factories.ts';
import type { Database } from '../../server/src/db/connect.ts';
import { listMembers } from '../../server/src/modules/members/members.service.ts';
import { memberStatistics } from '../../server/src/modules/members/members.stats.ts';
import { type Context, systemContext } from '../../server/src/platform/context.ts';
import { loadGrants } from '../../server/src/platform/sessions.ts';
import { todayVn } from '../../server/src/platform/today.ts';
import { seedDemo } from '../../server/src/seed/seed.ts';
import { breakdownDifferences, plainBreakdown, type SearchKind, searchMix } from '../lib/member-queries.ts';
import { benchScale } from '../lib/scale.ts';
import { useSeededCopy } from '../lib/seeded-copy.ts';
import { type BenchDb, timed, withMigratedDatabase } from '../lib/target-db.ts';
import type { BenchContext, Metric, Scenario } from '../lib/types.ts';

const scale = benchScale('medium');

const count = async (db: BenchDb, table: 'party_member' | 'org_unit') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** `tcxd demo --scale …` in-process; the member phase runs from the end of the structure's progress to the last member batch. */
async function seed(db: BenchDb, ctx: BenchContext) {
  const started = performance.now();
  let structureDone = started;
  let membersDone = started;
  let lastShown = 0;
  await seedDemo(db, systemContext('bench'), scale, (label, done, total) => {
    const now = performance.now();
    // Labels after the members (the closing VACUUM) belong to neither phase.
    if (label.includes('Members')) membersDone = now;
    else if (membersDone === started) structureDone = now;
    if (done === total || now - lastShown > 10_000) {
      lastShown = now;
      ctx.progress(`${label}: ${done}/${total} (${Math.round((now - started) / 1000)} s)`);
    }
  });
  return { totalMs: performance.now() - started, membersMs: membersDone - structureDone };
}

/** An administrator whose grant is the whole country (the root unit), as a signed-in request would carry. */
async function nationalAdmin(db: BenchDb): Promise<Context> {
  const root = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('kind', '=', 'root').executeTakeFirstOrThrow();
  const user = await buildUser(db, [{ role: 'admin', unit: root }], { username: 'bench.admin' });
  const grants = await loadGrants(db, user.id);
  return { actor: { kind: 'user', userId: user.id, username: user.username, fullName: 'Quản trị toàn quốc', grants, activeGrantId: null }, requestId: null, ip: null, locale: 'vi' };
}

/** The member list's first page for each query of the mix, by kind, after one unmeasured pass. */
async function searchSamples(db: BenchDb, admin: Context, ctx: BenchContext, runs: number) {
  const byKind = new Map<SearchKind, { samples: number[]; hits: number[] }>();
  const all: number[] = [];
  const search = (q: string) => listMembers(db, admin, memberListQuery.parse({ q }));
  for (const { q } of searchMix) await search(q);
  for (let i = 0; i < runs; i += 1) {
    const { kind, q } = searchMix[i % searchMix.length] ?? { kind: 'partial name', q: 'Nguyễn' };
    const entry = byKind.get(kind) ?? { samples: [], hits: [] };
    byKind.set(kind, entry);
    const page = await timed(all, () => search(q));
    const ms = all.at(-1) ?? Number.NaN;
    entry.samples.push(ms);
    if (i < searchMix.length) {
      entry.hits.push(page.total);
      ctx.progress(`search "${q}": ${page.total} hits, ${Math.round(ms)} ms`);
    }
  }
  return { all, byKind };
}

/** The service's national statistics (tallies, then counted from the records) beside a plain GROUP BY, interleaved. */
async function statsSamples({ db, pool }: Database, admin: Context, ctx: BenchContext, runs: number) {
  const year = Number(todayVn().slice(0, 4));
  const tallies: number[] = [];
  const fromScratch: number[] = [];
  const plain: number[] = [];
  let differences: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const stats = await timed(tallies, () => memberStatistics(db, admin, {}));
    if (i >= Math.min(runs, 5)) continue;
    const rows = await timed(plain, () => plainBreakdown(pool, year));
    await timed(fromScratch, () => memberStatistics(db, admin, {}, { fromScratch: true }));
    if (i === 0) {
      differences = breakdownDifferences(stats, rows);
      ctx.progress(`statistics: ${stats.total} members in ${stats.byChild.length} units under the Centre; GROUP BY ${rows.length} groups; ${differences.length === 0 ? 'same figures' : `DIFFERENT: ${differences.slice(0, 5).join('; ')}`}`);
    }
  }
  return { tallies, fromScratch, plain, same: differences.length === 0 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
const average = (values: readonly number[]) => Math.round(values.reduce((s, v) => s + v, 0) / Math.max(1, values.length));

/**
 * The member registry at a demo scale (BENCH_SCALE, default medium; national is ≈ 5.6
 * million members in ≈ 265,000 cells): generation by `tcxd demo`, name search over the whole
 * country as a national administrator (first page, p95 target), and the national statistics
 * from the trigger-kept tallies against a plain GROUP BY over the records.
 */
export const scenario: Scenario = {
  name: 'members',
  description:
    `Sổ đảng viên ở quy mô ${scale}: sinh dữ liệu (tcxd demo), tìm theo tên trên toàn quốc (trang đầu, quản trị toàn quốc) và thống kê toàn quốc từ bảng đếm so với GROUP BY trên bảng đảng viên. / ` +
    `Member registry at ${scale} scale: generation (tcxd demo), name search over the whole country (first page, national admin; one unmeasured warm-up pass) ` +
    'and national statistics from the trigger-kept tallies against a plain GROUP BY over the member table (province × status × sex × age band).',
  async run(ctx, target) {
    const seeded = await useSeededCopy(target, ctx);
    return withMigratedDatabase(target, async (database) => {
      const { db } = database;
      const seeding = seeded ? null : await seed(db, ctx);
      const members = await count(db, 'party_member');
      const units = await count(db, 'org_unit');
      ctx.progress(seeding ? `seeded ${units} units and ${members} members in ${Math.round(seeding.totalMs / 1000)} s (members ${Math.round(seeding.membersMs / 1000)} s)` : `${units} units, ${members} members`);
      const admin = await nationalAdmin(db);

      const search = await searchSamples(db, admin, ctx, ctx.runs ?? searchMix.length * 5);
      const stats = await statsSamples(database, admin, ctx, ctx.runs ?? 20);
      const ratio = median(stats.plain) / median(stats.tallies);
      ctx.progress(`statistics p50: tallies ${Math.round(median(stats.tallies))} ms, GROUP BY ${Math.round(median(stats.plain))} ms (${ratio.toFixed(1)}×)`);
      const metrics: Metric[] = [
        ...(seeding
          ? [
              { name: `tcxd demo --scale ${scale}, whole (${units} units, ${members} members)`, unit: 's', samples: [seeding.totalMs / 1000] },
              { name: 'members generated', unit: 'members', samples: [members] },
              { name: 'member phase of the demo (generate and insert)', unit: 's', samples: [seeding.membersMs / 1000] },
              { name: 'member insert rate', unit: 'members/s', samples: [members / (seeding.membersMs / 1000)] },
            ]
          : [{ name: `members in the seeded copy (${units} units)`, unit: 'members', samples: [members] }]),
        { name: `name search, whole country, first page (mix of ${searchMix.length} queries)`, unit: 'ms', samples: search.all, targetMax: 100, targetStat: 'p95' },
        ...[...search.byKind].map(([kind, { samples, hits }]): Metric => ({ name: `… ${kind} (≈ ${average(hits)} hits)`, unit: 'ms', samples })),
        { name: 'national statistics, memberStatistics (tallies)', unit: 'ms', samples: stats.tallies, targetMax: 100 },
        { name: `plain GROUP BY province × status × sex × age band${stats.same ? ' (same figures)' : ' (FIGURES DIFFER)'}`, unit: 'ms', samples: stats.plain },
        { name: 'GROUP BY p50 / tallies p50', unit: '×', samples: [ratio] },
        { name: 'memberStatistics fromScratch (records, all dimensions)', unit: 'ms', samples: stats.fromScratch },
      ];
      return metrics;
    });
  },
};
