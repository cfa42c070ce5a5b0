import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildUnit, type BuiltUnit } from '../../../test/factories.ts';
import { systemContext } from '../../platform/context.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays } from '../../rules/members/index.ts';
import { seededRandom } from '../../seed/demo-structure.ts';
import { demoMember } from '../../seed/demo-members.ts';
import { commitReorganisation } from '../units/units.reorg.service.ts';
import { ensureRootUnit } from '../units/units.service.ts';
import { insertMembersInBulk } from './members.bulk.ts';
import { recordEvent } from './members.service.ts';
import { memberStatistics, summarise } from './members.stats.ts';
import { currentFacts, factsAsOf } from './members.stats.repository.ts';

let t: TestApp;
let root: BuiltUnit;
const provinces: BuiltUnit[] = [];
const cells: BuiltUnit[] = [];
const ctx = systemContext('test');
const today = todayVn();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const rootId = await ensureRootUnit(db, ctx);
  const rootRow = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('id', '=', rootId).executeTakeFirstOrThrow();
  root = rootRow;
  for (const name of ['Đảng bộ tỉnh Hà Giang', 'Đảng bộ tỉnh Tuyên Quang', 'Đảng bộ tỉnh Cao Bằng']) {
    const province = await buildUnit(db, { parent: root, name, kind: 'province', validFrom: '2000-01-01' });
    provinces.push(province);
    const grassroots = await buildUnit(db, { parent: province, name: `Đảng bộ xã của ${name}`, kind: 'grassroots_committee', validFrom: '2000-01-01' });
    for (let c = 0; c < 3; c += 1) cells.push(await buildUnit(db, { parent: grassroots, name: `Chi bộ thôn ${c + 1}`, validFrom: '2000-01-01' }));
  }
  // Random members in random cells, then random lifecycle events (deterministic seed).
  const random = seededRandom(2026);
  const members = Array.from({ length: 240 }, (_, i) => demoMember(random, cells[Math.floor(random() * cells.length)]?.id ?? '', 900_000 + i, today));
  const ids = await db.transaction().execute((trx) => insertMembersInBulk(trx, members, null));
  for (const [i, id] of ids.entries()) {
    const roll = random();
    const view = await db.selectFrom('party_member').select(['row_version', 'status', 'admission_date']).where('id', '=', id).executeTakeFirstOrThrow();
    const date = addDays(today, -Math.floor(random() * 20));
    if (date <= view.admission_date) continue;
    const target = cells[(i * 7) % cells.length]?.id ?? '';
    const event =
      roll < 0.15
        ? { kind: 'transfer_out' as const, date, to: { kind: 'cell' as const, cellId: target }, note: null }
        : roll < 0.22
          ? { kind: 'removed' as const, date, note: null }
          : roll < 0.27
            ? { kind: 'died' as const, date, note: null }
            : null;
    if (!event) continue;
    try {
      await recordEvent(db, ctx, id, { event, rowVersion: view.row_version, confirmBackdated: true });
      if (event.kind === 'transfer_out' && random() < 0.6) {
        const after = await db.selectFrom('party_member').select('row_version').where('id', '=', id).executeTakeFirstOrThrow();
        await recordEvent(db, ctx, id, { event: { kind: 'transfer_in', date: today, cellId: target, note: null }, rowVersion: after.row_version, confirmBackdated: true });
      }
    } catch {
      // A refused transition (e.g. a probationer expelled) is part of random data; nothing was written.
    }
  }
}, 180_000);
afterAll(() => t.close());

const strip = ({ period: _period, ...rest }: Awaited<ReturnType<typeof memberStatistics>>) => rest;

describe('member statistics', () => {
  it('gives the same national figures from the tallies and from the records', async () => {
    // The whole history as the period, so that every random event is counted both ways.
    const query = { unitId: root.id, from: '1945-01-01', to: today };
    const fromTally = await memberStatistics(t.database.db, ctx, query);
    const fromScratch = await memberStatistics(t.database.db, ctx, query, { fromScratch: true });
    expect(fromTally.total).toBeGreaterThan(150);
    expect(fromTally.period.admitted).toBeGreaterThan(20);
    expect(fromTally).toEqual(fromScratch);
    expect(fromTally.byChild.map((c) => c.name).sort()).toEqual(provinces.map((p) => p.name).sort());
  });

  it('counts today the same from the periods (as-of path) as from the records', async () => {
    const db = t.database.db;
    for (const unit of [root, ...provinces]) {
      const viaRecords = summarise(await currentFacts(db, [''], unit.path), 2026);
      const viaPeriods = summarise(await factsAsOf(db, [''], unit.id, today), 2026);
      expect(viaPeriods).toEqual(viaRecords);
    }
  });

  it('keeps the tallies right after a merge of provinces, and the past stays under the old province', async () => {
    const db = t.database.db;
    const [haGiang, tuyenQuang] = provinces;
    if (!haGiang || !tuyenQuang) throw new Error('fixture');
    const yesterday = addDays(today, -1);
    const before = await memberStatistics(db, ctx, { unitId: haGiang.id, asOf: yesterday });
    await commitReorganisation(db, ctx, { type: 'merge', sourceIds: [haGiang.id], target: { existingId: tuyenQuang.id }, effectiveDate: today, documentNumber: '60-NQ/TW', confirmBackdated: false });
    const fromTally = await memberStatistics(db, ctx, { unitId: root.id, from: '1945-01-01', to: today });
    const fromScratch = await memberStatistics(db, ctx, { unitId: root.id, from: '1945-01-01', to: today }, { fromScratch: true });
    expect(fromTally).toEqual(fromScratch);
    expect(fromTally.byChild.map((c) => c.name)).not.toContain('Đảng bộ tỉnh Hà Giang');
    // Yesterday's figures of Hà Giang are still Hà Giang's.
    const past = await memberStatistics(db, ctx, { unitId: haGiang.id, asOf: yesterday });
    expect(strip(past)).toEqual(strip(before));
    expect(past.total).toBeGreaterThan(0);
  });

  it('counts the lifecycle events of a period', async () => {
    const stats = await memberStatistics(t.database.db, ctx, { unitId: root.id, from: addDays(today, -30), to: today });
    const recorded = await t.database.db.selectFrom('party_member_event').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'died').where('effective_date', '>=', addDays(today, -30)).executeTakeFirstOrThrow();
    expect(stats.period.died).toBe(Number(recorded.n));
    expect(stats.period.died).toBeGreaterThan(0);
  });
});
