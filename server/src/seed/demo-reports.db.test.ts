import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app.ts';
import { signInCentreStaff } from '../../test/centre-staff.ts';
import { systemContext } from '../platform/context.ts';
import { todayVn } from '../platform/today.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let centre: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemo(db, systemContext('test-seed'), 'none');
  const started = performance.now();
  await seedDemoReports(db, systemContext('test-seed'), todayVn());
  console.log(`demo reports seeded in ${Math.round(performance.now() - started)} ms`);
  centre = await signInCentreStaff(t);
}, 240_000);
afterAll(() => t.close());

describe('demo reports', () => {
  it('has January 2021 with 60 of 67 reports, all with the 2020 reviews done', async () => {
    const periods = (await centre.request('GET', '/api/reports/periods?year=2021')).json<{ id: string; label: string }[]>();
    const jan = periods.find((p) => p.label === 'Tháng 1-2021');
    const tracking = (await centre.request('GET', `/api/reports/periods/${jan?.id}/tracking`)).json<{ expected: number; reported: number }>();
    expect(tracking).toMatchObject({ expected: 67, reported: 60 });
    const aggregate = (await centre.request('GET', `/api/reports/periods/${jan?.id}/aggregate?indicators=reviews_done`)).json<{ total: Record<string, number> }>();
    expect(aggregate.total.reviews_done).toBe(60);
  });

  it('has a year of 2024 months expecting 67, with late and missing reports, and this year expecting 40', async () => {
    const grid2024 = (await centre.request('GET', `/api/reports/year-grid?templateId=${(await centre.request('GET', '/api/reports/templates')).json<{ id: string }[]>()[0]?.id}&year=2024`)).json<{ periods: { expected: number; reported: number }[]; rows: { cells: string[] }[] }>();
    expect(grid2024.periods).toHaveLength(12);
    expect(grid2024.periods.every((p) => p.expected === 67 && p.reported < 67 && p.reported > 50)).toBe(true);
    const cells = grid2024.rows.flatMap((r) => r.cells);
    expect(cells).toContain('late');
    expect(cells).toContain('on_time');
    const thisYear = (await centre.request('GET', `/api/reports/periods?year=${todayVn().slice(0, 4)}`)).json<{ id: string }[]>();
    const latest = (await centre.request('GET', `/api/reports/periods/${thisYear[0]?.id}/tracking`)).json<{ expected: number }>();
    expect(latest.expected).toBe(40);
  });
});
