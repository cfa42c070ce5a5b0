import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let admin: Agent;
const provinces: BuiltUnit[] = [];

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Trung ương', kind: 'root', validFrom: '1930-02-03' });
  for (const name of ['Quảng Ninh', 'Hải Phòng', 'Ninh Bình', 'Thái Bình']) {
    provinces.push(await buildUnit(t.database.db, { parent: root, name: `Đảng bộ tỉnh ${name}`, kind: 'province', validFrom: '2008-08-01' }));
  }
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const [qn, hp, nb, tb] = [0, 1, 2, 3];
const unit = (i: number) => provinces[i]?.id ?? '';

describe('emulation clusters', () => {
  it('creates a cluster, elects next year’s head and deputies, and lists by year', async () => {
    const created = await admin.request('POST', '/api/emulation-groups', {
      kind: 'cluster',
      name: 'Cụm thi đua số 2',
      year: 2021,
      members: [qn, hp, nb, tb].map((i) => ({ unitId: unit(i) })),
    });
    expect(created.statusCode).toBe(201);
    const next = await admin.request('POST', `/api/emulation-groups/${created.json().id}/next-year`, { headUnitId: unit(qn), deputyUnitIds: [unit(hp), unit(nb)] });
    expect(next.statusCode).toBe(201);
    expect(next.json().year).toBe(2022);
    expect(next.json().members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Đảng bộ tỉnh Quảng Ninh', 'head'],
      ['Đảng bộ tỉnh Hải Phòng', 'deputy'],
      ['Đảng bộ tỉnh Ninh Bình', 'deputy'],
      ['Đảng bộ tỉnh Thái Bình', 'member'],
    ]);
    const list2022 = (await admin.request('GET', '/api/emulation-groups?year=2022')).json();
    expect(list2022).toHaveLength(1);
  });

  it('refuses two heads, a duplicate name in the same year, and a unit that did not exist that year', async () => {
    const twoHeads = await admin.request('POST', '/api/emulation-groups', { kind: 'bloc', name: 'Khối A', year: 2023, members: [{ unitId: unit(qn), role: 'head' }, { unitId: unit(hp), role: 'head' }] });
    expect(twoHeads.statusCode).toBe(422);
    expect(twoHeads.json().error.message).toContain('chỉ có một cụm trưởng');
    const again = await admin.request('POST', '/api/emulation-groups', { kind: 'cluster', name: 'Cụm thi đua số 2', year: 2021, members: [{ unitId: unit(qn) }, { unitId: unit(tb) }] });
    expect(again.statusCode).toBe(409);
    const tooEarly = await admin.request('POST', '/api/emulation-groups', { kind: 'bloc', name: 'Khối B', year: 2005, members: [{ unitId: unit(qn) }, { unitId: unit(hp) }] });
    expect(tooEarly.statusCode).toBe(404);
  });

  it('shows a provincial user its own unit and counts the others', async () => {
    const p = provinces[tb];
    if (!p) throw new Error('setup');
    const staff = await buildUser(t.database.db, [{ role: 'staff', unit: p }]);
    const agent = await signIn(t.app, staff.username, staff.password);
    const [group] = (await agent.request('GET', '/api/emulation-groups?year=2022')).json();
    expect(group.members.map((m: { name: string }) => m.name)).toEqual(['Đảng bộ tỉnh Thái Bình']);
    expect(group.hiddenMembers).toBe(3);
    expect((await agent.request('PUT', `/api/emulation-groups/${group.id}`, { kind: 'cluster', name: 'X', year: 2022, members: [{ unitId: unit(tb) }, { unitId: unit(qn) }] })).statusCode).toBe(403);
  });
});
