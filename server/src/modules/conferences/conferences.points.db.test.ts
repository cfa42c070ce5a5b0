import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let centre: Agent;
let participant: Agent;
let root: BuiltUnit;
let provinces: BuiltUnit[];
let other: BuiltUnit;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Trung ương (thử điểm cầu)', kind: 'root' });
  provinces = [];
  for (const name of ['Đảng bộ tỉnh Hà Giang', 'Đảng bộ tỉnh Tuyên Quang', 'Đảng bộ tỉnh Cao Bằng']) provinces.push(await buildUnit(db, { parent: root, name, kind: 'province' }));
  other = await buildUnit(db, { name: 'Đảng bộ tỉnh ngoài cuộc' });
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  const clerk = await buildUser(db, [{ role: 'clerk', unit: provinces[0] ?? root }]);
  participant = await signIn(t.app, clerk.username, clerk.password);
});
afterAll(() => t.close());

const unit = (i: number): string => provinces[i]?.id ?? '';
const pointIds = (view: { pointList: { unitId: string }[] }) => view.pointList.map((p) => p.unitId).sort();

describe('changing the connection points of a conference', () => {
  it('adds and removes points until the conclusion, keeps a connected one, audits, and lets only the host change them', async () => {
    const created = await centre.request('POST', '/api/conferences', { hostUnitId: root.id, kind: 'thematic', title: 'Hội nghị chuyên đề', startsAt: '2030-02-05T01:30:00.000Z', hostPoint: 'Hà Nội', mode: 'online', unitIds: [unit(0), unit(1)] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const changed = await centre.request('POST', `/api/conferences/${id}/points`, { add: [unit(2)], remove: [unit(1)] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(pointIds(changed.json())).toEqual([unit(0), unit(2)].sort());
    expect(changed.json().points).toBe(2);
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', id).where('action', '=', 'conference.points_changed').execute();
    expect(audit).toEqual([{ after: { added: [unit(2)], removed: [unit(1)] } }]);

    // Adding an existing point again changes nothing; a unit outside the host's subtree is refused like a missing one.
    expect(pointIds((await centre.request('POST', `/api/conferences/${id}/points`, { add: [unit(0)] })).json())).toEqual([unit(0), unit(2)].sort());
    expect((await centre.request('POST', `/api/conferences/${id}/points`, { add: [other.id] })).statusCode).toBe(404);
    expect((await centre.request('POST', `/api/conferences/${id}/points`, { remove: [unit(1)] })).statusCode).toBe(404);
    expect((await centre.request('POST', `/api/conferences/${id}/points`, {})).statusCode).toBe(400);
    expect((await participant.request('POST', `/api/conferences/${id}/points`, { remove: [unit(0)] })).statusCode).toBe(403);

    await centre.request('POST', `/api/conferences/${id}/check-ins`, { unitId: unit(0) });
    const connected = await centre.request('POST', `/api/conferences/${id}/points`, { remove: [unit(0)] });
    expect(connected.statusCode).toBe(422);
    expect(connected.json().error.message).toContain('Điểm cầu đã kết nối, không bớt được');

    await centre.request('PUT', `/api/conferences/${id}/conclusion`, { summary: 'Hội nghị thống nhất', items: [] });
    const late = await centre.request('POST', `/api/conferences/${id}/points`, { add: [unit(1)] });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('Hội nghị đã có kết luận');
  });
});
