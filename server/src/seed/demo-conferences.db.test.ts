import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app.ts';
import { signInCentreStaff } from '../../test/centre-staff.ts';
import { systemContext } from '../platform/context.ts';
import { todayVn } from '../platform/today.ts';
import { seedDemoConferences } from './demo-conferences.ts';
import { seedDemoProgramme } from './demo-programme.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let centre: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // The reference structure only, then the programme (its documents) and the conferences.
  await seedDemo(db, systemContext('test-seed'), 'none');
  await seedDemoProgramme(db, systemContext('test-seed'), todayVn());
  await seedDemoConferences(db, systemContext('test-seed'));
  centre = await signInCentreStaff(t);
}, 240_000);
afterAll(() => t.close());

describe('demo conferences', () => {
  it('has the 5-2-2021 briefing with its 67 points connected and February’s key tasks made tasks', async () => {
    const list = (await centre.request('GET', '/api/conferences?year=2021')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'monthly_briefing', points: 67, connected: 67 });
    const view = (await centre.request('GET', `/api/conferences/${list[0].id}`)).json();
    expect(view.conclusions).toHaveLength(3);
    expect(view.conclusions.every((c: { taskId: string | null }) => c.taskId !== null)).toBe(true);
    expect(view.agenda.some((a: { kind: string; unitName: string | null }) => a.kind === 'contribution' && a.unitName?.includes('Hà Nội'))).toBe(true);
  });

  it('has the 1-4-2024 Q1 review with 67 points and the three documents disseminated from the register', async () => {
    const list = (await centre.request('GET', '/api/conferences?year=2024')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'quarterly_review', points: 67 });
    const view = (await centre.request('GET', `/api/conferences/${list[0].id}`)).json();
    expect(view.agenda.filter((a: { kind: string }) => a.kind === 'document').map((a: { documentNumber: string }) => a.documentNumber).sort()).toEqual(['137-QĐ/TW', '138-QĐ/TW', '26-HD/BTCTW']);
    expect(view.conclusions).toHaveLength(2);
  });
});
