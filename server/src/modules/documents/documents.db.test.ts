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
  for (const name of ['Hà Giang', 'Tuyên Quang', 'Lào Cai', 'Yên Bái']) provinces.push(await buildUnit(t.database.db, { parent: root, name: `Tỉnh ủy ${name}`, kind: 'province', validFrom: '2008-08-01' }));
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const register = (number: string, issuedOn: string, subject: string) => admin.request('POST', '/api/documents', { ownerUnitId: root.id, number, issuedOn, subject });
const province = (i: number): BuiltUnit => {
  const p = provinces[i];
  if (!p) throw new Error('setup');
  return p;
};

describe('register of Party documents', () => {
  it('parses the number, refuses a State-style number with a hint, and finds documents without accents', async () => {
    const created = await register('số 137 - qđ/tw', '2024-01-26', 'Quy định về phân cấp quản lý cán bộ');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ number: '137-QĐ/TW', type: 'QĐ', issuer: 'TW', status: 'in_force' });
    const state = await register('123/2025/NĐ-CP', '2025-01-01', 'Nghị định');
    expect(state.statusCode).toBe(400);
    expect(JSON.stringify(state.json())).toContain('nhà nước');
    expect((await register('137-QĐ/TW', '2024-01-26', 'Trùng')).statusCode).toBe(409);
    const found = (await admin.request('GET', `/api/documents?q=${encodeURIComponent('phan cap quan ly')}`)).json();
    expect(found.map((d: { number: string }) => d.number)).toEqual(['137-QĐ/TW']);
  });

  it('relates documents: a replacement marks the older one replaced; guidance is shown from both sides', async () => {
    const old = (await register('40-KL/TW', '2012-07-18', 'Kết luận cũ')).json();
    const next = (await register('21-KL/TW', '2021-10-25', 'Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng')).json();
    const guide = (await register('26-HD/BTCTW', '2024-03-01', 'Hướng dẫn thực hiện')).json();
    expect((await admin.request('POST', `/api/documents/${old.id}/relations`, { kind: 'replaces', targetId: next.id })).statusCode).toBe(422);
    expect((await admin.request('POST', `/api/documents/${next.id}/relations`, { kind: 'replaces', targetId: old.id })).statusCode).toBe(201);
    expect((await admin.request('POST', `/api/documents/${guide.id}/relations`, { kind: 'guides', targetId: next.id })).statusCode).toBe(201);
    const oldView = (await admin.request('GET', `/api/documents/${old.id}`)).json();
    expect(oldView.status).toBe('replaced');
    expect(oldView.relations).toEqual([expect.objectContaining({ kind: 'replaces', direction: 'incoming', document: expect.objectContaining({ number: '21-KL/TW' }) })]);
    const nextView = (await admin.request('GET', `/api/documents/${next.id}`)).json();
    expect(nextView.relations.map((r: { kind: string; direction: string }) => `${r.kind}:${r.direction}`)).toEqual(['replaces:outgoing', 'guides:incoming']);
    const inForce = (await admin.request('GET', '/api/documents?status=replaced')).json();
    expect(inForce.map((d: { number: string }) => d.number)).toEqual(['40-KL/TW']);
  });

  it('counts dissemination over the units of its date, across the 2025 merger', async () => {
    const doc = (await register('138-QĐ/TW', '2024-01-26', 'Quy định về kiểm tra, giám sát')).json();
    const sent = await admin.request('POST', `/api/documents/${doc.id}/disseminations`, { fromUnitId: root.id, asOf: '2024-04-01', unitIds: [] });
    expect(sent.statusCode).toBe(201);
    const dissemination = sent.json().disseminations[0];
    expect(dissemination).toMatchObject({ done: 0, total: 4 });
    const report = (i: number, on: string, implementing: string | null) =>
      admin.request('POST', `/api/documents/disseminations/${dissemination.id}/reports`, { unitId: province(i).id, disseminatedOn: on, implementingNumber: implementing });
    expect((await report(0, '2024-04-10', '15-KH/TU')).statusCode).toBe(200);
    expect((await report(1, '2024-04-12', '123/KH-UBND')).statusCode).toBe(400);
    expect((await report(1, '2024-04-12', null)).statusCode).toBe(200);
    // Hà Giang merges into Tuyên Quang on 1 July 2025; it still counts as one of the four that received the document.
    const merge = await admin.request('POST', '/api/units/reorganisations', {
      operation: { type: 'merge', effectiveDate: '2025-07-01', sourceIds: [province(0).id], target: { existingId: province(1).id }, documentNumber: '1686-QĐ/TW', confirmBackdated: false },
    });
    expect(merge.statusCode).toBe(201);
    const after = (await admin.request('GET', `/api/documents/${doc.id}`)).json().disseminations[0];
    expect(after).toMatchObject({ done: 2, total: 4 });
    expect(after.units.find((u: { unitId: string }) => u.unitId === province(0).id)).toMatchObject({ name: 'Tỉnh ủy Hà Giang', endedOn: '2025-07-01', implementingNumber: '15-KH/TU' });
    // A dissemination after the merger goes to the three provinces of that date.
    const later = await admin.request('POST', `/api/documents/${doc.id}/disseminations`, { fromUnitId: root.id, asOf: '2025-08-01', unitIds: [] });
    expect(later.json().disseminations[1]).toMatchObject({ done: 0, total: 3 });
  });

  it('shows a province the documents sent to it and only its own line of the rollout', async () => {
    const staff = await buildUser(t.database.db, [{ role: 'staff', unit: province(2) }]);
    const agent = await signIn(t.app, staff.username, staff.password);
    const list = (await agent.request('GET', '/api/documents')).json();
    expect(list.map((d: { number: string }) => d.number)).toEqual(['138-QĐ/TW']);
    const view = (await agent.request('GET', `/api/documents/${list[0].id}`)).json();
    expect(view.disseminations[0]).toMatchObject({ done: 2, total: 4, units: [expect.objectContaining({ name: 'Tỉnh ủy Lào Cai' })] });
    const other = (await admin.request('GET', '/api/documents?q=21-KL')).json()[0];
    expect((await agent.request('GET', `/api/documents/${other.id}`)).statusCode).toBe(404);
    const report = await agent.request('POST', `/api/documents/disseminations/${view.disseminations[0].id}/reports`, { unitId: province(3).id, disseminatedOn: '2024-05-01' });
    expect(report.statusCode).toBe(404);
  });
});
