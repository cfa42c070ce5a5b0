import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories.ts';
import { systemContext } from '../../platform/context.ts';
import { monthlyDefinitionV1, monthlyDefinitionV2 } from '../../seed/demo-report-template.ts';
import { seedDemo } from '../../seed/seed.ts';
import { findByCode } from '../units/units.repository.ts';

/** The reference structure (67 units under the Centre in 2021–2024, 40 after 1-7-2025) with a monthly template of the Centre. */
let t: TestApp;
let centre: Agent;
let templateId = '';
const ids = new Map<string, string>();

const unitId = (code: string) => ids.get(code) ?? '';

async function period(year: number, month: number): Promise<string> {
  const res = await centre.request('POST', '/api/reports/periods', { templateId, kind: 'month', year, index: month });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemo(db, systemContext('test-seed'), 'none');
  for (const code of ['TW', '02', '08', '01']) ids.set(code, (await findByCode(db, code))?.id ?? '');
  const root = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('code', '=', 'TW').executeTakeFirstOrThrow();
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  const created = await centre.request('POST', '/api/reports/templates', { ownerUnitId: root.id, code: 'BC-THANG', name: 'Báo cáo tháng công tác tổ chức xây dựng Đảng', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2021-01-01', definition: monthlyDefinitionV1 });
  expect(created.statusCode, created.body).toBe(201);
  templateId = created.json<{ id: string }>().id;
  const v2 = await centre.request('POST', `/api/reports/templates/${templateId}/versions`, { validFrom: '2025-07-01', definition: monthlyDefinitionV2 });
  expect(v2.statusCode, v2.body).toBe(201);
}, 240_000);
afterAll(() => t.close());

/** Sends a report for a unit through the API (the centre's staff write for every unit). */
async function send(periodId: string, code: string, admitted: number) {
  // The period is long locked: the centre unlocks the unit for today, then it sends late.
  await centre.request('POST', `/api/reports/periods/${periodId}/unlocks`, { unitId: unitId(code), until: '2099-12-31', reason: 'Kiểm thử' });
  const opened = await centre.request('POST', `/api/reports/periods/${periodId}/submissions`, { unitId: unitId(code) });
  expect(opened.statusCode, opened.body).toBe(200);
  const { id, version } = opened.json<{ id: string; version: number }>();
  const saved = await centre.request('PUT', `/api/reports/submissions/${id}`, { version, values: { 'admitted.commune': admitted, removed: 0 }, narrative: { results: 'Hoàn thành kế hoạch', next_tasks: 'Tiếp tục' } });
  expect(saved.statusCode, saved.body).toBe(200);
  const sent = await centre.request('POST', `/api/reports/submissions/${id}/submit`, { version: saved.json<{ version: number }>().version });
  expect(sent.statusCode, sent.body).toBe(200);
}

describe('expected units across the 2025 reorganisation', () => {
  it('expects the 67 units of then in a 2024 month and the 40 of today in a 2026 month, with the version in force', async () => {
    const jan2024 = await period(2024, 1);
    const jan2026 = await period(2026, 1);
    const t2024 = (await centre.request('GET', `/api/reports/periods/${jan2024}/tracking`)).json<{ expected: number; rows: { unit: { code: string } }[]; period: { version: { version: number } } }>();
    const t2026 = (await centre.request('GET', `/api/reports/periods/${jan2026}/tracking`)).json<{ expected: number; rows: { unit: { code: string } }[]; period: { version: { version: number } } }>();
    expect(t2024.expected).toBe(67);
    expect(t2026.expected).toBe(40);
    expect(t2024.rows.map((r) => r.unit.code)).toContain('02');
    expect(t2026.rows.map((r) => r.unit.code)).not.toContain('02');
    expect(t2024.period.version.version).toBe(1);
    expect(t2026.period.version.version).toBe(2);
  });

  it('expects the units of the day before the merger in June 2025 and none that ended in July 2025', async () => {
    const jun = (await centre.request('GET', `/api/reports/periods/${await period(2025, 6)}/tracking`)).json<{ expected: number; rows: { unit: { code: string } }[] }>();
    const jul = (await centre.request('GET', `/api/reports/periods/${await period(2025, 7)}/tracking`)).json<{ expected: number }>();
    // 63 provinces, Quân đội, Công an and the four central committees of 3-2-2025.
    expect(jun.expected).toBe(69);
    expect(jun.rows.map((r) => r.unit.code)).toEqual(expect.arrayContaining(['02', 'QD', 'CP']));
    expect(jul.expected).toBe(40);
  });

  it('aggregates Hà Giang under Hà Giang as of the period and rolled into Tuyên Quang by today’s structure', async () => {
    const feb2024 = await period(2024, 2);
    await send(feb2024, '02', 7);
    await send(feb2024, '08', 5);
    await send(feb2024, '01', 40);
    const asOf = (await centre.request('GET', `/api/reports/periods/${feb2024}/aggregate?structure=period`)).json<{ groups: { unit: { code: string }; values: Record<string, number | null>; reported: number; expected: number }[]; total: Record<string, number | null>; reported: number; expected: number }>();
    const today = (await centre.request('GET', `/api/reports/periods/${feb2024}/aggregate?structure=today`)).json<{ groups: { unit: { code: string }; values: Record<string, number | null>; reported: number; expected: number }[]; total: Record<string, number | null> }>();
    const group = (list: typeof asOf.groups, code: string) => list.find((g) => g.unit.code === code);
    expect(group(asOf.groups, '02')?.values.admitted).toBe(7);
    expect(group(asOf.groups, '08')?.values.admitted).toBe(5);
    expect(asOf.groups).toHaveLength(67);
    expect(group(today.groups, '02')).toBeUndefined();
    expect(group(today.groups, '08')).toMatchObject({ reported: 2, values: { admitted: 12 } });
    expect(asOf.total.admitted).toBe(52);
    expect(today.total.admitted).toBe(52);
    expect(asOf).toMatchObject({ reported: 3, expected: 67 });
  });

  it('compares with the previous month and the same month last year', async () => {
    const feb2023 = await period(2023, 2);
    await send(feb2023, '01', 30);
    const mar2024 = await period(2024, 3);
    await send(mar2024, '01', 20);
    const view = (await centre.request('GET', `/api/reports/periods/${mar2024}/aggregate?indicators=admitted`)).json<{ total: Record<string, number | null>; previous: { label: string; values: Record<string, number | null> } | null; lastYear: { label: string; values: Record<string, number | null> } | null }>();
    expect(view.total).toEqual({ admitted: 20, 'admitted.commune': 20, 'admitted.enterprise': null, 'admitted.other': null });
    expect(view.previous).toMatchObject({ label: 'Tháng 2-2024', values: { admitted: 52 } });
    const feb = await centre.request('GET', `/api/reports/periods?templateId=${templateId}&year=2024`);
    const febId = feb.json<{ id: string; label: string }[]>().find((p) => p.label === 'Tháng 2-2024')?.id ?? '';
    const febView = (await centre.request('GET', `/api/reports/periods/${febId}/aggregate?indicators=admitted`)).json<{ lastYear: { label: string; values: Record<string, number | null> } | null }>();
    expect(febView.lastYear).toMatchObject({ label: 'Tháng 2-2023', values: { admitted: 30 } });
  });

  it('shows a year as a unit × month grid', async () => {
    const grid = (await centre.request('GET', `/api/reports/year-grid?templateId=${templateId}&year=2024`)).json<{ periods: { label: string; expected: number; reported: number }[]; rows: { unit: { code: string }; cells: string[] }[] }>();
    expect(grid.periods.map((p) => p.label)).toEqual(['Tháng 1-2024', 'Tháng 2-2024', 'Tháng 3-2024']);
    expect(grid.periods[1]).toMatchObject({ expected: 67, reported: 3 });
    expect(grid.rows.find((r) => r.unit.code === '02')?.cells).toEqual(['missing', 'late', 'missing']);
    const north = (await centre.request('GET', `/api/reports/year-grid?templateId=${templateId}&year=2024&region=north`)).json<{ rows: unknown[] }>();
    expect(north.rows.length).toBeGreaterThan(20);
    expect(north.rows.length).toBeLessThan(40);
  });
});
