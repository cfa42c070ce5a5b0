import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let province: BuiltUnit;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_LOCK_AFTER: '3', SESSION_IDLE_MINUTES: '30' });
  province = await buildUnit(t.database.db, { name: 'Đảng bộ tỉnh Lạng Sơn' });
});
afterAll(() => t.close());

function login(username: string, password: string, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
}

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite=Strict cookie and returns grants', async () => {
    const user = await buildUser(t.database.db, [{ role: 'staff', unit: province }]);
    const res = await login(user.username.toUpperCase(), user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tcxd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.user.username).toBe(user.username);
    expect(body.grants).toEqual([expect.objectContaining({ role: 'staff', unitId: province.id, unitName: 'Đảng bộ tỉnh Lạng Sơn' })]);
    expect(body.csrfToken).toHaveLength(32);
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    const wrong = await login(user.username, 'sai-mat-khau-roi');
    const unknown = await login('khong-ton-tai', 'sai-mat-khau-roi');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('answers in English when the browser prefers English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.json().error.message).toBe('Wrong username or password');
  });

  it('locks the account after repeated failures, with back-off, even for the right password', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    for (let i = 0; i < 2; i += 1) expect((await login(user.username, 'sai-mat-khau')).statusCode).toBe(401);
    const third = await login(user.username, 'sai-mat-khau');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('account_locked');
    expect(third.json().error.retryAfterSeconds).toBe(60);
    const right = await login(user.username, user.password);
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
    // The lock expires: simulate by moving it into the past; a further failure doubles the back-off.
    await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    const fourth = await login(user.username, 'sai-mat-khau');
    expect(fourth.json().error.retryAfterSeconds).toBe(120);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const limited = await createTestApp({ LOGIN_RATE_PER_IP: '3' });
    try {
      const attempt = () =>
        limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' }, remoteAddress: '10.9.9.9' });
      for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('rate_limited');
      const otherIp = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' }, remoteAddress: '10.9.9.10' });
      expect(otherIp.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    await t.database.db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
  });
});

describe('session', () => {
  it('requires the CSRF token on state-changing requests', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    const agent = await signIn(t.app, user.username, user.password);
    const me = await agent.request('GET', '/api/auth/me');
    const token = (await login(user.username, user.password)).cookies.find((c) => c.name === 'tcxd_session')?.value ?? '';
    const noCsrf = await t.app.inject({ method: 'PUT', url: '/api/auth/scope', cookies: { tcxd_session: token }, payload: { grantId: null } });
    expect(me.statusCode).toBe(200);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
  });

  it('logs out this session only, or everywhere', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    const a = await signIn(t.app, user.username, user.password);
    const b = await signIn(t.app, user.username, user.password);
    const c = await signIn(t.app, user.username, user.password);
    expect((await a.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const all = await b.request('POST', '/api/auth/logout-all');
    expect(all.json()).toEqual({ ended: 2 });
    expect((await c.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    const idle = await signIn(t.app, user.username, user.password);
    const old = await signIn(t.app, user.username, user.password);
    const db = t.database.db;
    const sessions = await db.selectFrom('user_session').select(['id', 'created_at']).where('user_id', '=', user.id).orderBy('created_at').execute();
    expect(sessions).toHaveLength(2);
    await db.updateTable('user_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('id', '=', sessions[0]?.id ?? '').execute();
    await db.updateTable('user_session').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', sessions[1]?.id ?? '').execute();
    expect((await idle.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await old.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const left = await db.selectFrom('user_session').select('id').where('user_id', '=', user.id).execute();
    expect(left).toHaveLength(0);
  });

  it('stores only a hash of the session token', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }]);
    const res = await login(user.username, user.password);
    const token = res.cookies.find((c) => c.name === 'tcxd_session')?.value ?? '';
    const stored = await t.database.db.selectFrom('user_session').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });
});

describe('password change', () => {
  it('forces a new password before anything else, then ends the other sessions', async () => {
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit: province }], { mustChangePassword: true });
    const agent = await signIn(t.app, user.username, user.password);
    const other = await signIn(t.app, user.username, user.password);
    const blocked = await agent.request('GET', '/api/home/summary');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const weak = await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'aaaaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('Mật khẩu mới quá yếu');
    const wrong = await agent.request('POST', '/api/auth/password', { currentPassword: 'khong-dung-dau', newPassword: 'Mot-mat-khau-moi-1' });
    expect(wrong.json().error.code).toBe('password_wrong');
    const ok = await agent.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'Mot-mat-khau-moi-1' });
    expect(ok.statusCode).toBe(200);
    expect((await agent.request('GET', '/api/home/summary')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(user.username, 'Mot-mat-khau-moi-1')).statusCode).toBe(200);
  });
});

describe('scope switcher', () => {
  it('narrows the scope to one grant, and refuses a grant of someone else', async () => {
    const other = await buildUnit(t.database.db, { name: 'Đảng bộ tỉnh Cao Bằng' });
    const user = await buildUser(t.database.db, [
      { role: 'staff', unit: province },
      { role: 'viewer', unit: other },
    ]);
    const agent = await signIn(t.app, user.username, user.password);
    const me = (await agent.request('GET', '/api/auth/me')).json();
    const grant = me.grants.find((g: { unitId: string }) => g.unitId === other.id);
    expect((await agent.request('GET', '/api/units')).json()).toHaveLength(2);
    expect((await agent.request('PUT', '/api/auth/scope', { grantId: grant.id })).statusCode).toBe(200);
    const units = (await agent.request('GET', '/api/units')).json();
    expect(units.map((u: { id: string }) => u.id)).toEqual([other.id]);
    const foreign = await buildUser(t.database.db, [{ role: 'viewer', unit: other }]);
    const foreignGrant = await t.database.db.selectFrom('user_grant').select('id').where('user_id', '=', foreign.id).executeTakeFirstOrThrow();
    expect((await agent.request('PUT', '/api/auth/scope', { grantId: foreignGrant.id })).statusCode).toBe(404);
  });
});
