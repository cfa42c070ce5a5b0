import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { createUnitsInBulk, type UnitRowInput, validateUnitRows } from '../modules/units/units.bulk.ts';
import { analyzeStructure, existingByCodes } from '../modules/units/units.repository.ts';
import { ensureRootUnit } from '../modules/units/units.service.ts';
import { type DemoScale, demoRows } from './demo-structure.ts';
import { seedEmulationCluster2 } from './emulation-seed.ts';
import { seedDemoMembers } from './demo-members.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoProgramme } from './demo-programme.ts';
import { seedDemoConferences } from './demo-conferences.ts';
import { todayVn } from '../platform/today.ts';
import { vacuumAnalyze } from '../db/maintenance.ts';
import { applyReference2025, historyStart, referenceTopRows, seedReferenceTop } from './reference.ts';

export type Progress = (label: string, done: number, total: number) => void;

/** Whether the structure holds only the root (a fresh database). */
export async function structureIsEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) <= 1;
}

/** Creates generated lower levels below the 67 reference units, in batches of one transaction each. */
async function seedLowerLevels(db: Kysely<DB>, ctx: Context, scale: DemoScale, progress?: Progress): Promise<void> {
  const tops = referenceTopRows();
  const batch: UnitRowInput[] = [];
  const all = [...demoRows(tops, scale, historyStart)];
  const perTop = all.length / tops.length;
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const parents = await existingByCodes(db, [...new Set(batch.map((r) => r.parentCode))]);
    const { errors, ordered } = validateUnitRows(batch, parents);
    if (errors.length > 0) throw new Error(`demo data invalid: ${JSON.stringify(errors.slice(0, 3))}`);
    await db.transaction().execute((trx) => createUnitsInBulk(trx, ctx, { documentNumber: 'Dữ liệu minh họa', note: `Quy mô ${scale}`, auditUnitId: null }, ordered, parents));
    done += batch.length;
    batch.length = 0;
    progress?.('Đơn vị / Units', done, all.length);
  };
  // One transaction per top unit keeps memory flat at national scale.
  for (const row of all) {
    batch.push(row);
    if (batch.length >= perTop) await flush();
  }
  await flush();
}

/**
 * The reference structure (67 units of 2021, then the real 2025 changes) with generated
 * lower levels that follow those changes. Runs on a fresh database only.
 */
export async function seedDemo(db: Kysely<DB>, ctx: Context, scale: DemoScale | 'none', progress?: Progress): Promise<void> {
  await ensureRootUnit(db, ctx);
  if (!(await structureIsEmpty(db))) return;
  await seedReferenceTop(db, ctx);
  if (scale !== 'none') await seedLowerLevels(db, ctx, scale, progress);
  await analyzeStructure(db);
  await seedEmulationCluster2(db, ctx);
  await applyReference2025(db, ctx, (done, total) => progress?.('Sắp xếp 2025 / 2025 changes', done, total));
  if (scale !== 'none') await seedDemoMembers(db, ctx, scale, todayVn(), (done, total) => progress?.('Đảng viên / Members (chi bộ / cells)', done, total));
  if (scale !== 'none') await seedDemoReports(db, ctx, todayVn());
  if (scale !== 'none') await seedDemoProgramme(db, ctx, todayVn());
  if (scale !== 'none') await seedDemoConferences(db, ctx);
  // Marks the bulk-loaded pages all-visible and gathers statistics (PGlite has no autovacuum).
  progress?.('Dọn dẹp và thống kê / Vacuum and analyse', 0, 1);
  await vacuumAnalyze(db);
  progress?.('Dọn dẹp và thống kê / Vacuum and analyse', 1, 1);
}
