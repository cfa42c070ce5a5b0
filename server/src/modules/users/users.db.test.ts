import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let province: BuiltUnit;
let cell: BuiltUnit;
let otherProvince: BuiltUnit;
let provincialAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Ban Chấp hành Trung ương', kind: 'root' });
  province = await buildUnit(db, { parent: root, name: 'Đảng bộ tỉnh Quảng Ninh', kind: 'province' });
  cell = await buildUnit(db, { parent: province, name: 'Chi bộ Phòng Tổ chức' });
  otherProvince = await buildUnit(db, { parent: root, name: 'Đảng bộ thành phố Hải Phòng', kind: 'province' });
  const admin = await buildUser(db, [{ role: 'admin', unit: province }]);
  provincialAdmin = await signIn(t.app, admin.username, admin.password);
});
afterAll(() => t.close());

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

describe('user administration within scope', () => {
  it('creates an account with a temporary password shown once, which must be changed', async () => {
    const res = await provincialAdmin.request('POST', '/api/users', {
      username: 'Van.Thu.QN',
      fullName: 'Nguyễn Thị Hạnh',
      grants: [{ role: 'clerk', unitId: cell.id }],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user.username).toBe('van.thu.qn');
    expect(user.grants).toEqual([expect.objectContaining({ role: 'clerk', unitId: cell.id, unitName: 'Chi bộ Phòng Tổ chức' })]);
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'van.thu.qn', password: temporaryPassword } });
    expect(login.json().user.mustChangePassword).toBe(true);
    expect(await auditActions(user.id)).toEqual(['user.created', 'auth.login']);
    const stored = await t.database.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate username and names the field on bad input', async () => {
    const body = { username: 'trung.lap', fullName: 'Trần Văn Lập', grants: [{ role: 'viewer', unitId: province.id }] };
    expect((await provincialAdmin.request('POST', '/api/users', body)).statusCode).toBe(201);
    const again = await provincialAdmin.request('POST', '/api/users', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Tên đăng nhập "trung.lap" đã tồn tại');
    const bad = await provincialAdmin.request('POST', '/api/users', { ...body, username: 'có dấu', grants: [] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.grants']));
  });

  it('cannot grant a unit outside its scope, nor see users of another province', async () => {
    const outside = await provincialAdmin.request('POST', '/api/users', {
      username: 'ngoai.pham.vi',
      fullName: 'Lê Văn Ngoại',
      grants: [{ role: 'viewer', unitId: otherProvince.id }],
    });
    expect(outside.statusCode).toBe(404);
    const stranger = await buildUser(t.database.db, [{ role: 'staff', unit: otherProvince }]);
    expect((await provincialAdmin.request('GET', `/api/users/${stranger.id}`)).statusCode).toBe(404);
    const list = (await provincialAdmin.request('GET', '/api/users?pageSize=200')).json();
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
  });

  it('shows only the grants inside its scope and keeps the others when setting grants', async () => {
    const shared = await buildUser(t.database.db, [
      { role: 'viewer', unit: cell },
      { role: 'staff', unit: otherProvince },
    ]);
    const seen = (await provincialAdmin.request('GET', `/api/users/${shared.id}`)).json();
    expect(seen.grants.map((g: { unitId: string }) => g.unitId)).toEqual([cell.id]);
    const set = await provincialAdmin.request('PUT', `/api/users/${shared.id}/grants`, { grants: [{ role: 'leader', unitId: province.id }] });
    expect(set.json().grants).toEqual([expect.objectContaining({ role: 'leader', unitId: province.id })]);
    const all = await t.database.db.selectFrom('user_grant').select(['role', 'unit_id']).where('user_id', '=', shared.id).orderBy('role').execute();
    expect(all).toEqual([
      { role: 'leader', unit_id: province.id },
      { role: 'staff', unit_id: otherProvince.id },
    ]);
    // An account partly outside the scope cannot be disabled from here.
    expect((await provincialAdmin.request('POST', `/api/users/${shared.id}/disable`)).statusCode).toBe(403);
  });

  it('disables an account (ending its sessions) and enables it again', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: cell }]);
    const session = await signIn(t.app, user.username, user.password);
    const disabled = await provincialAdmin.request('POST', `/api/users/${user.id}/disable`);
    expect(disabled.json().disabled).toBe(true);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await provincialAdmin.request('POST', `/api/users/${user.id}/enable`)).json().disabled).toBe(false);
    expect(await auditActions(user.id)).toEqual(['auth.login', 'user.disabled', 'user.enabled']);
  });

  it('resets a lost password: a new one shown once, old sessions end, change required', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: cell }]);
    const session = await signIn(t.app, user.username, user.password);
    const res = await provincialAdmin.request('POST', `/api/users/${user.id}/reset-password`);
    const { temporaryPassword } = res.json();
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const oldLogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: temporaryPassword } });
    expect(newLogin.json().user.mustChangePassword).toBe(true);
  });

  it('edits name and e-mail with before/after in the audit row', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: cell }]);
    const res = await provincialAdmin.request('PATCH', `/api/users/${user.id}`, { fullName: 'Phạm Thị Thu', email: 'thu@quangninh.dcs.vn' });
    expect(res.json()).toMatchObject({ fullName: 'Phạm Thị Thu', email: 'thu@quangninh.dcs.vn' });
    const row = await t.database.db.selectFrom('audit_log').select(['before', 'after', 'unit_id']).where('entity_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.after).toMatchObject({ fullName: 'Phạm Thị Thu' });
    expect(row.before).not.toMatchObject({ fullName: 'Phạm Thị Thu' });
    expect(row.unit_id).toBe(cell.id);
  });

  it('searches users by name without diacritics', async () => {
    await buildUser(t.database.db, [{ role: 'viewer', unit: cell }], { username: 'tim.kiem' });
    await t.database.db.updateTable('app_user').set({ full_name: 'Đặng Thùy Dương' }).where('username', '=', 'tim.kiem').execute();
    const res = (await provincialAdmin.request('GET', '/api/users?q=dang%20thuy')).json();
    expect(res.items.map((u: { username: string }) => u.username)).toEqual(['tim.kiem']);
  });
});

describe('system administrators', () => {
  it('cannot disable themselves or the last top-level administrator', async () => {
    const boss = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
    const agent = await signIn(t.app, boss.username, boss.password);
    const self = await agent.request('POST', `/api/users/${boss.id}/disable`);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('last_admin');
  });

  it('needs the users.manage permission', async () => {
    const staff = await buildUser(t.database.db, [{ role: 'staff', unit: province }]);
    const agent = await signIn(t.app, staff.username, staff.password);
    expect((await agent.request('GET', '/api/users')).statusCode).toBe(403);
  });
});
