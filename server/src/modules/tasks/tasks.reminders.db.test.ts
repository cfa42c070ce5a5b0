import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit, type BuiltUser } from '../../../test/factories.ts';
import { sendTaskReminders } from './tasks.reminders.ts';

let t: TestApp;
let root: BuiltUnit;
let admin: Agent;
const provinces: BuiltUnit[] = [];
const staff: BuiltUser[] = [];

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  for (let i = 0; i < 3; i++) {
    const p = await buildUnit(t.database.db, { parent: root, kind: 'province' });
    provinces.push(p);
    staff.push(await buildUser(t.database.db, [{ role: 'staff', unit: p }]));
  }
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const notesOf = (userId: string) => t.database.db.selectFrom('notification').select(['kind', 'title', 'body']).where('user_id', '=', userId).orderBy('kind').execute();

describe('task reminders', () => {
  it('reminds the tracked units not done, once, of overdue and soon-due tasks', async () => {
    const ids = provinces.map((p) => p.id);
    const late = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, title: 'Sơ kết Quy định 137-QĐ/TW', assignedUnitIds: ids, dueOn: '2026-03-31' })).json();
    await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, title: 'Báo cáo quý II', assignedUnitIds: ids.slice(0, 1), dueOn: '2026-04-03' });
    await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, title: 'Còn xa', assignedUnitIds: ids, dueOn: '2026-06-30' });
    await admin.request('POST', `/api/tasks/${late.id}/updates`, { unitId: provinces[1]?.id, status: 'done' });
    expect(await sendTaskReminders(t.database.db, '2026-04-01')).toEqual({ dueSoon: 1, overdue: 2 });
    expect(await notesOf(staff[0]?.id ?? '')).toEqual([
      { kind: 'task.due_soon', title: 'Nhiệm vụ sắp đến hạn', body: 'Báo cáo quý II — hạn 03/04/2026' },
      { kind: 'task.overdue', title: 'Nhiệm vụ quá hạn', body: 'Sơ kết Quy định 137-QĐ/TW — hạn 31/03/2026' },
    ]);
    expect(await notesOf(staff[1]?.id ?? '')).toEqual([]);
    expect(await sendTaskReminders(t.database.db, '2026-04-01')).toEqual({ dueSoon: 0, overdue: 0 });
  });
});
