import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../test/app.ts';
import { buildUser } from '../../test/factories.ts';
import { systemContext } from '../platform/context.ts';
import { todayVn } from '../platform/today.ts';
import { seedDemoProgramme } from './demo-programme.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let centre: Agent;
let provinces2024 = 0;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // The reference structure only (scale none does not seed the programme), then the programme itself.
  await seedDemo(db, systemContext('test-seed'), 'none');
  await seedDemoProgramme(db, systemContext('test-seed'), todayVn());
  const root = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('code', '=', 'TW').executeTakeFirstOrThrow();
  provinces2024 = (await db.selectFrom('org_unit_version').select('id').where('parent_id', '=', root.id).where('valid_from', '<=', '2024-04-01').where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', '2024-04-01')])).execute()).length;
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
}, 240_000);
afterAll(() => t.close());

describe('demo work programme', () => {
  it('has the documents of the Q1 2024 review disseminated to the units of 1-4-2024, most reported', async () => {
    const list = (await centre.request('GET', '/api/documents?year=2023')).json();
    expect(list.map((d: { number: string }) => d.number).sort()).toEqual(['137-QĐ/TW', '138-QĐ/TW', '26-HD/BTCTW']);
    const qd137 = (await centre.request('GET', `/api/documents/${list.find((d: { number: string }) => d.number === '137-QĐ/TW').id}`)).json();
    expect(provinces2024).toBeGreaterThan(60);
    expect(qd137.disseminations[0]).toMatchObject({ asOf: '2024-04-01', total: provinces2024, done: provinces2024 - 4 });
    expect(qd137.relations).toEqual([expect.objectContaining({ kind: 'guides', direction: 'incoming' })]);
  });

  it('tracks Kết luận 21-KL/TW per province and the 17 projects of 2023, some overdue', async () => {
    const rollout = (await centre.request('GET', `/api/tasks?q=${encodeURIComponent('21-KL/TW')}`)).json();
    const view = (await centre.request('GET', `/api/tasks/${rollout[0].id}`)).json();
    expect(view.rollout).toMatchObject({ completed: view.rollout.total - 7 });
    expect(view.rollout.behind).toHaveLength(7);
    const projects = (await centre.request('GET', '/api/tasks?year=2023')).json();
    expect(projects).toHaveLength(17);
    expect(projects.filter((p: { status: string }) => p.status === 'done')).toHaveLength(12);
    expect(projects.filter((p: { overdue: boolean }) => p.overdue)).toHaveLength(5);
  });
});
