import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { ancestorsAsOf, childrenAsOf, findByCode } from '../modules/units/units.repository.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';
import { demoScales } from './demo-structure.ts';
import { seedDemo } from './seed.ts';
import { tablesBehind } from '../db/maintenance.ts';

let t: TestApp;
const everywhere = [''];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, systemContext('test-seed'), 'small');
}, 240_000);
afterAll(() => t.close());

const unitId = async (code: string) => (await findByCode(t.database.db, code))?.id ?? '';

describe('the small demo below the reference structure', () => {
  it('has districts under the provinces until 30-6-2025 and none from 1-7-2025 (60-NQ/TW)', async () => {
    const haGiang = await unitId('02');
    const before = await childrenAsOf(t.database.db, everywhere, haGiang, '2025-06-30');
    expect(before).toHaveLength(demoScales.small.upper);
    expect(new Set(before.map((c) => c.kind))).toEqual(new Set(['upper_grassroots']));

    const tuyenQuang = await unitId('08');
    const after = await childrenAsOf(t.database.db, everywhere, tuyenQuang, '2025-07-01');
    // Tuyên Quang and Hà Giang: every grassroots organisation of both, directly under the new province.
    expect(after).toHaveLength(2 * demoScales.small.upper * demoScales.small.grassroots);
    expect(new Set(after.map((c) => c.kind))).toEqual(new Set(['grassroots_committee']));

    const districtsToday = await t.database.db
      .selectFrom('org_unit_version as v')
      .innerJoin('org_unit as parent', 'parent.id', 'v.parent_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('v.kind', '=', 'upper_grassroots')
      .where('parent.kind', '=', 'province')
      .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', '2025-07-01')]))
      .executeTakeFirstOrThrow();
    // Upper levels of the central committees stay; no district remains under a province.
    expect(Number(districtsToday.n)).toBe(0);
  });

  it('keeps the true chain of a commune in 2024 and today', async () => {
    const commune = await unitId('02.H1.X1');
    const in2024 = await ancestorsAsOf(t.database.db, commune, '2024-06-01');
    expect(in2024.map((a) => a.code)).toEqual(['TW', '02', '02.H1']);
    const today = await ancestorsAsOf(t.database.db, commune, '2026-11-25');
    expect(today.map((a) => a.code)).toEqual(['TW', '08']);
  });

  it('records the end of each district in its history with the deciding document', async () => {
    const district = await unitId('02.H1');
    const events = await t.database.db.selectFrom('org_unit_event as e').innerJoin('org_change as c', 'c.id', 'e.change_id').select(['e.event', 'e.effective_date', 'c.document_number']).where('e.unit_id', '=', district).orderBy('e.effective_date').execute();
    expect(events.map((e) => [e.event, e.effective_date, e.document_number])).toEqual([
      ['created', '2021-01-01', 'Dữ liệu minh họa'],
      ['merged_into', '2025-07-01', '60-NQ/TW'],
    ]);
  });

  it('leaves no empty or overlapping version and a valid audit chain', async () => {
    const empty = await sql<{ n: number }>`select count(*)::int as n from org_unit_version where valid_to is not null and valid_to <= valid_from`.execute(t.database.db);
    expect(empty.rows[0]?.n).toBe(0);
    const overlapping = await sql<{ n: number }>`
      select count(*)::int as n from org_unit_version a join org_unit_version b on a.unit_id = b.unit_id and a.id < b.id
      where a.valid_from < coalesce(b.valid_to, '9999-12-31') and b.valid_from < coalesce(a.valid_to, '9999-12-31')`.execute(t.database.db);
    expect(overlapping.rows[0]?.n).toBe(0);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('keeps every materialised path under its parent (or, once ended, under its successor)', async () => {
    const misplaced = await sql<{ code: string }>`
      select u.code from org_unit u
      left join org_unit a on a.id = case when u.valid_to is not null then coalesce(u.successor_id, u.parent_id) else u.parent_id end
      where u.path <> coalesce(a.path, ''::ltree) || text2ltree(replace(u.id::text, '-', ''))`.execute(t.database.db);
    expect(misplaced.rows.map((r) => r.code)).toEqual([]);
  });

  it('ends with the bulk-loaded tables vacuumed (PGlite has no autovacuum to mark their pages all-visible)', async () => {
    const unmarked = (await tablesBehind(t.database.db)).filter((lag) => lag.unmarkedPages > 128);
    expect(unmarked).toEqual([]);
  });
});
