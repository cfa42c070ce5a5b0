import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

const doc = { documentNumber: '15-QĐ/TU', confirmBackdated: false };
const post = (operation: Record<string, unknown>, preview = false) =>
  admin.request('POST', `/api/units/reorganisations${preview ? '/preview' : ''}`, { operation: { ...doc, ...operation } });

async function province(name: string) {
  const p = await buildUnit(t.database.db, { parent: root, name, kind: 'province' });
  const g = await buildUnit(t.database.db, { parent: p, name: `Đảng bộ xã thuộc ${name}`, kind: 'grassroots_committee' });
  const c = await buildUnit(t.database.db, { parent: g, name: `Chi bộ thôn thuộc ${name}`, kind: 'cell' });
  return { p, g, c };
}

describe('reorganisation operations through the API', () => {
  it('creates a unit under a parent with its deciding document in the timeline', async () => {
    const { p } = await province('Tỉnh ủy Tạo Mới');
    const res = await post({ type: 'create', effectiveDate: '2024-03-01', parentId: p.id, unit: { code: 'TM-01', name: 'Đảng bộ phường Mới', kind: 'grassroots_committee' } });
    expect(res.statusCode).toBe(201);
    const unitId = (await t.database.db.selectFrom('org_unit').select('id').where('code', '=', 'TM-01').executeTakeFirstOrThrow()).id;
    const detail = (await admin.request('GET', `/api/units/${unitId}?asOf=2024-03-01`)).json();
    expect(detail).toMatchObject({ name: 'Đảng bộ phường Mới', validFrom: '2024-03-01', ancestors: [{ id: root.id }, { id: p.id }] });
    expect(detail.timeline).toEqual([expect.objectContaining({ event: 'created', documentNumber: '15-QĐ/TU', date: '2024-03-01' })]);
    expect((await admin.request('GET', `/api/units/${unitId}?asOf=2024-02-29`)).json().existsAsOf).toBe(false);
  });

  it('previews a merge exactly, then commits it atomically with an audit row', async () => {
    const a = await province('Tỉnh ủy Sáp A');
    const b = await province('Tỉnh ủy Sáp B');
    const operation = { type: 'merge', effectiveDate: '2025-07-01', sourceIds: [a.p.id], target: { existingId: b.p.id } };
    const preview = (await post(operation, true)).json();
    expect(preview).toMatchObject({
      ok: true,
      refusals: [],
      endedUnits: [{ id: a.p.id, name: 'Tỉnh ủy Sáp A' }],
      movedChildren: [{ id: a.g.id, from: 'Tỉnh ủy Sáp A', to: 'Tỉnh ủy Sáp B' }],
      descendantsAffected: 1,
    });
    expect(preview.summary[0]).toBe('Sáp nhập Tỉnh ủy Sáp A vào Tỉnh ủy Sáp B từ ngày 01/07/2025 (15-QĐ/TU)');
    const unchanged = await t.database.db.selectFrom('org_unit').select('valid_to').where('id', '=', a.p.id).executeTakeFirstOrThrow();
    expect(unchanged.valid_to).toBeNull();
    const res = await post(operation);
    expect(res.statusCode).toBe(201);
    const cell = await t.database.db.selectFrom('org_unit').select('path').where('id', '=', a.c.id).executeTakeFirstOrThrow();
    const target = await t.database.db.selectFrom('org_unit').select('path').where('id', '=', b.p.id).executeTakeFirstOrThrow();
    expect(cell.path.startsWith(`${target.path}.`)).toBe(true);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'unit.merge').execute();
    expect(audit.map((r) => r.entity_id)).toContain(res.json().changeId);
    const before = (await admin.request('GET', `/api/units?parentId=${a.p.id}&asOf=2025-06-30`)).json();
    expect(before.map((u: { id: string }) => u.id)).toEqual([a.g.id]);
  });

  it('refuses with a clear message and writes nothing', async () => {
    const a = await province('Tỉnh ủy Từ Chối');
    const count = async () => Number((await t.database.db.selectFrom('org_unit_version').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const versionsBefore = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: 'move', effectiveDate: '2024-01-01', unitId: a.g.id, parentId: a.g.id }, 'cycle', 'trực thuộc chính nó'],
      [{ type: 'move', effectiveDate: '2024-01-01', unitId: a.p.id, parentId: a.c.id }, 'cycle', 'vòng lặp'],
      [{ type: 'move', effectiveDate: '2024-01-01', unitId: a.g.id, parentId: a.c.id }, 'kind_not_allowed', 'không thể có đơn vị trực thuộc'],
      [{ type: 'rename', effectiveDate: '2019-12-31', unitId: a.g.id, name: 'X' }, 'before_start', 'trước ngày thành lập'],
      [{ type: 'dissolve', effectiveDate: '2024-01-01', unitId: a.g.id }, 'has_children', 'còn 1 đơn vị trực thuộc'],
    ];
    for (const [operation, code, text] of cases) {
      const res = await post(operation);
      expect(res.statusCode, code).toBe(422);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(code);
      expect(res.json().error.message).toContain(text);
    }
    expect(await count()).toBe(versionsBefore);
  });

  it('refuses a move into a dissolved unit, and asks to confirm a back-dated change', async () => {
    const a = await province('Tỉnh ủy Giải Thể');
    expect((await post({ type: 'dissolve', effectiveDate: '2024-01-01', unitId: a.c.id })).statusCode).toBe(201);
    const x = await buildUnit(t.database.db, { parent: a.g, name: 'Chi bộ Khác', kind: 'cell' });
    const intoDissolved = await post({ type: 'move', effectiveDate: '2024-06-01', unitId: x.id, parentId: a.c.id });
    expect(intoDissolved.json().error.issues[0].path).toBe('ended');
    expect((await post({ type: 'rename', effectiveDate: '2024-05-01', unitId: a.g.id, name: 'Tên năm 2024' })).statusCode).toBe(201);
    const backdated = await post({ type: 'rename', effectiveDate: '2023-05-01', unitId: a.g.id, name: 'Tên năm 2023' });
    expect(backdated.json().error.issues[0].path).toBe('backdated');
    expect((await post({ type: 'rename', effectiveDate: '2023-05-01', unitId: a.g.id, name: 'Tên năm 2023', confirmBackdated: true })).statusCode).toBe(201);
    const names = await Promise.all(['2023-01-01', '2023-06-01', '2024-06-01'].map(async (d) => (await admin.request('GET', `/api/units/${a.g.id}?asOf=${d}`)).json().name));
    expect(names).toEqual(['Đảng bộ xã thuộc Tỉnh ủy Giải Thể', 'Tên năm 2023', 'Tên năm 2024']);
  });

  it('counts a later merge into a unit as a later change (back-dating needs confirmation)', async () => {
    const a = await province('Tỉnh ủy Nguồn Sau');
    const b = await province('Tỉnh ủy Đích Sau');
    expect((await post({ type: 'merge', effectiveDate: '2025-07-01', sourceIds: [a.p.id], target: { existingId: b.p.id } })).statusCode).toBe(201);
    const rename = await post({ type: 'rename', effectiveDate: '2024-03-01', unitId: b.p.id, name: 'Tên cũ hơn' }, true);
    expect(rename.json().refusals.map((r: { code: string }) => r.code)).toEqual(['backdated']);
  });

  it('splits a unit, each child going to the successor the user chose', async () => {
    const a = await province('Tỉnh ủy Chia Tách');
    const second = await buildUnit(t.database.db, { parent: a.p, name: 'Đảng bộ xã Thứ Hai', kind: 'grassroots_committee' });
    const res = await post({
      type: 'split',
      effectiveDate: '2025-01-01',
      unitId: a.p.id,
      successors: [
        { create: { code: 'CT-BAC', name: 'Tỉnh ủy Chia Tách Bắc', kind: 'province' }, parentId: root.id },
        { create: { code: 'CT-NAM', name: 'Tỉnh ủy Chia Tách Nam', kind: 'province' }, parentId: root.id },
      ],
      childAssignments: { [a.g.id]: 0, [second.id]: 1 },
      mainSuccessor: 0,
    });
    expect(res.statusCode).toBe(201);
    const nam = await t.database.db.selectFrom('org_unit').select('id').where('code', '=', 'CT-NAM').executeTakeFirstOrThrow();
    expect((await admin.request('GET', `/api/units?parentId=${nam.id}`)).json().map((u: { id: string }) => u.id)).toEqual([second.id]);
    const history = (await admin.request('GET', `/api/units/${a.p.id}`)).json();
    expect(history.timeline.at(-1)).toMatchObject({ event: 'split_into', detail: 'Chia tách thành Tỉnh ủy Chia Tách Bắc, Tỉnh ủy Chia Tách Nam' });
    expect(history.successor.name).toBe('Tỉnh ủy Chia Tách Bắc');
  });

  it('lists accounts granted on an ending unit in the preview (users module hook)', async () => {
    const a = await province('Tỉnh ủy Có Tài Khoản');
    const b = await province('Tỉnh ủy Nhận');
    await buildUser(t.database.db, [{ role: 'staff', unit: a.p }], { username: 'can.bo.a' });
    const preview = (await post({ type: 'merge', effectiveDate: '2025-07-01', sourceIds: [a.p.id], target: { existingId: b.p.id } }, true)).json();
    expect(preview.dependents).toEqual([expect.objectContaining({ kind: 'accounts', count: 1, examples: [expect.stringContaining('can.bo.a')] })]);
  });

  it('is refused for a user without structure.write on the units (404 outside the scope)', async () => {
    const a = await province('Tỉnh ủy Phạm Vi A');
    const b = await province('Tỉnh ủy Phạm Vi B');
    const staffA = await buildUser(t.database.db, [{ role: 'staff', unit: a.p }]);
    const viewerA = await buildUser(t.database.db, [{ role: 'viewer', unit: a.p }]);
    const staff = await signIn(t.app, staffA.username, staffA.password);
    const viewer = await signIn(t.app, viewerA.username, viewerA.password);
    const op = { operation: { ...doc, type: 'move', effectiveDate: '2024-01-01', unitId: a.g.id, parentId: b.p.id } };
    expect((await staff.request('POST', '/api/units/reorganisations', op)).statusCode).toBe(404);
    const own = { operation: { ...doc, type: 'rename', effectiveDate: '2024-01-01', unitId: a.g.id, name: 'Tên mới' } };
    expect((await viewer.request('POST', '/api/units/reorganisations', own)).statusCode).toBe(403);
    expect((await staff.request('POST', '/api/units/reorganisations', own)).statusCode).toBe(201);
  });
});
