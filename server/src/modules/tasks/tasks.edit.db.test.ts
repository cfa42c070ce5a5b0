import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let a: BuiltUnit;
let b: BuiltUnit;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  a = await buildUnit(t.database.db, { parent: root, kind: 'province', validFrom: '2008-08-01' });
  b = await buildUnit(t.database.db, { parent: root, kind: 'province', validFrom: '2008-08-01' });
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const edit = (agent: Agent, id: string, body: Record<string, unknown>) => agent.request('PUT', `/api/tasks/${id}`, { title: 'Nhiệm vụ', leadUnitId: root.id, dueOn: '2030-12-31', ...body });

describe('editing a task', () => {
  it('changes title, lead, coordinating units and dates, and audits the edit', async () => {
    const created = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, title: 'Rà soát', dueOn: '2030-06-30', coordinatingUnitIds: [a.id] })).json();
    const res = await edit(admin, created.id, { title: 'Rà soát quy chế làm việc', leadUnitId: a.id, leadPerson: 'Nguyễn Văn An', coordinatingUnitIds: [b.id], startsOn: '2030-01-01', dueOn: '2030-09-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Rà soát quy chế làm việc', leadUnitId: a.id, leadPerson: 'Nguyễn Văn An', startsOn: '2030-01-01', dueOn: '2030-09-30', coordinatingUnits: [{ unitId: b.id, name: b.name }] });
    const found = (await admin.request('GET', '/api/tasks?q=quy che lam viec')).json();
    expect(found.map((x: { id: string }) => x.id)).toEqual([created.id]);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', created.id).where('action', '=', 'task.edited').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ title: 'Rà soát', dueOn: '2030-06-30' });
    const late = await edit(admin, created.id, { startsOn: '2031-01-01' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('Ngày bắt đầu sau hạn hoàn thành');
  });

  it('cancels a sub-task with a reason, leaving it out of the parent, and takes it back', async () => {
    const project = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, title: 'Đề án', dueOn: '2030-12-31' })).json();
    const done = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, parentId: project.id, title: 'Phần một', dueOn: '2030-12-31' })).json();
    const late = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, parentId: project.id, title: 'Phần hai', dueOn: '2030-12-31' })).json();
    await admin.request('POST', `/api/tasks/${done.id}/updates`, { status: 'done' });
    expect((await admin.request('GET', `/api/tasks/${project.id}`)).json()).toMatchObject({ progress: 50, status: 'in_progress' });
    const noReason = await edit(admin, late.id, { title: 'Phần hai', cancelled: true });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.message).toContain('Cần nêu lý do hủy nhiệm vụ');
    const cancelled = await edit(admin, late.id, { title: 'Phần hai', cancelled: true, cancelReason: 'Không còn phù hợp' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', updates: [expect.objectContaining({ status: 'cancelled', note: 'Không còn phù hợp' })] });
    expect((await admin.request('GET', `/api/tasks/${project.id}`)).json()).toMatchObject({ progress: 100, status: 'done' });
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', late.id).execute();
    expect(actions.map((x) => x.action)).toContain('task.cancelled');
    const reopened = await edit(admin, late.id, { title: 'Phần hai' });
    expect(reopened.json()).toMatchObject({ status: 'not_started' });
    expect((await admin.request('GET', `/api/tasks/${project.id}`)).json()).toMatchObject({ progress: 50, status: 'in_progress' });
  });

  it('lets only the assigning unit edit: the lead sees 403, another province 404, units outside the subtree 404', async () => {
    const created = (await admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: a.id, title: 'Giao cho tỉnh', dueOn: '2030-06-30' })).json();
    const lead = await buildUser(t.database.db, [{ role: 'staff', unit: a }]);
    const leadAgent = await signIn(t.app, lead.username, lead.password);
    expect((await edit(leadAgent, created.id, { leadUnitId: a.id })).statusCode).toBe(403);
    const other = await buildUser(t.database.db, [{ role: 'admin', unit: b }]);
    const otherAgent = await signIn(t.app, other.username, other.password);
    expect((await edit(otherAgent, created.id, { leadUnitId: b.id })).statusCode).toBe(404);
    const own = (await otherAgent.request('POST', '/api/tasks', { ownerUnitId: b.id, leadUnitId: b.id, title: 'Của tỉnh', dueOn: '2030-06-30' })).json();
    expect((await edit(otherAgent, own.id, { leadUnitId: a.id })).statusCode).toBe(404);
    expect((await edit(otherAgent, own.id, { title: 'Của tỉnh, đã sửa', leadUnitId: b.id })).statusCode).toBe(200);
  });
});
