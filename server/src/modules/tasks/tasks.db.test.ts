import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let admin: Agent;
const provinces: BuiltUnit[] = [];

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  for (let i = 0; i < 6; i++) provinces.push(await buildUnit(t.database.db, { parent: root, kind: 'province', validFrom: '2008-08-01' }));
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const unit = (i: number): BuiltUnit => {
  const p = provinces[i];
  if (!p) throw new Error('setup');
  return p;
};
const task = (body: Record<string, unknown>) => admin.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, dueOn: '2030-12-31', ...body });

describe('tasks and projects', () => {
  it('derives a project’s progress from its sub-tasks, through two levels', async () => {
    const project = (await task({ title: 'Đề án số hóa hồ sơ đảng viên' })).json();
    const a = (await task({ title: 'Khảo sát', parentId: project.id })).json();
    const b = (await task({ title: 'Xây dựng phần mềm', parentId: project.id })).json();
    const b1 = (await task({ title: 'Thiết kế', parentId: b.id })).json();
    await task({ title: 'Lập trình', parentId: b.id });
    expect((await admin.request('POST', `/api/tasks/${a.id}/updates`, { status: 'done' })).statusCode).toBe(201);
    expect((await admin.request('POST', `/api/tasks/${b1.id}/updates`, { progress: 50 })).statusCode).toBe(201);
    const view = (await admin.request('GET', `/api/tasks/${project.id}`)).json();
    // b = (50 + 0) / 2 = 25; project = (100 + 25) / 2 = 62.5 → 63
    expect(view.subTasks.map((s: { title: string; progress: number }) => [s.title, s.progress])).toEqual([['Khảo sát', 100], ['Xây dựng phần mềm', 25]]);
    expect(view).toMatchObject({ progress: 63, status: 'in_progress' });
    const typed = await admin.request('POST', `/api/tasks/${project.id}/updates`, { progress: 90 });
    expect(typed.statusCode).toBe(422);
  });

  it('tracks a task given to many units per unit: completed of total and who is behind', async () => {
    const created = await task({ title: 'Quán triệt Kết luận 21-KL/TW', assignedUnitIds: provinces.map((p) => p.id), dueOn: '2020-06-30' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    for (const i of [0, 1, 2]) expect((await admin.request('POST', `/api/tasks/${id}/updates`, { unitId: unit(i).id, status: 'done', note: 'Đã quán triệt' })).statusCode).toBe(201);
    await admin.request('POST', `/api/tasks/${id}/updates`, { unitId: unit(3).id, progress: 40 });
    const view = (await admin.request('GET', `/api/tasks/${id}`)).json();
    expect(view.rollout).toMatchObject({ completed: 3, total: 6 });
    expect(view.rollout.behind.map((b: { unitId: string }) => b.unitId).slice(-1)).toEqual([unit(3).id]);
    expect(view).toMatchObject({ progress: Math.round((300 + 40) / 6), status: 'in_progress', overdue: true });
    const overdue = (await admin.request('GET', '/api/tasks?overdue=true')).json();
    expect(overdue.map((x: { id: string }) => x.id)).toEqual([id]);
    // A unit outside the tracked set cannot report on it.
    const stranger = await buildUnit(t.database.db, { parent: root, kind: 'province' });
    expect((await admin.request('POST', `/api/tasks/${id}/updates`, { unitId: stranger.id, progress: 10 })).statusCode).toBe(404);
  });

  it('shows a province its own tasks and its own line, and hides the others', async () => {
    const staff = await buildUser(t.database.db, [{ role: 'staff', unit: unit(4) }]);
    const agent = await signIn(t.app, staff.username, staff.password);
    const mine = (await agent.request('GET', '/api/tasks?view=mine')).json();
    expect(mine.map((x: { title: string }) => x.title)).toEqual(['Quán triệt Kết luận 21-KL/TW']);
    const view = (await agent.request('GET', `/api/tasks/${mine[0].id}`)).json();
    expect(view.rollout).toMatchObject({ completed: 3, total: 6, behind: [expect.objectContaining({ unitId: unit(4).id })] });
    expect((await agent.request('POST', `/api/tasks/${mine[0].id}/updates`, { unitId: unit(5).id, status: 'done' })).statusCode).toBe(404);
    expect((await agent.request('POST', `/api/tasks/${mine[0].id}/updates`, { unitId: unit(4).id, status: 'done' })).statusCode).toBe(201);
    const all = (await agent.request('GET', '/api/tasks')).json();
    expect(all.map((x: { title: string }) => x.title)).not.toContain('Đề án số hóa hồ sơ đảng viên');
    const ownTask = await agent.request('POST', '/api/tasks', { ownerUnitId: unit(4).id, leadUnitId: unit(0).id, title: 'Giao cho tỉnh khác', dueOn: '2030-01-01' });
    expect(ownTask.statusCode).toBe(404);
  });

  it('creates a task from a registered document and filters by it', async () => {
    const doc = (await admin.request('POST', '/api/documents', { ownerUnitId: root.id, number: '26-HD/BTCTW', issuedOn: '2024-03-01', subject: 'Hướng dẫn' })).json();
    const created = (await task({ title: 'Triển khai hướng dẫn', sourceDocumentId: doc.id, leadUnitId: unit(1).id, coordinatingUnitIds: [unit(2).id] })).json();
    expect(created).toMatchObject({ sourceKind: 'document', coordinatingUnits: [expect.objectContaining({ unitId: unit(2).id })] });
    const byDoc = (await admin.request('GET', `/api/tasks?documentId=${doc.id}`)).json();
    expect(byDoc.map((x: { id: string }) => x.id)).toEqual([created.id]);
  });
});
