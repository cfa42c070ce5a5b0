import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.ts';
import { buildUnit, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health: database reachable and migrations current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true }, migrations: { current: true, pending: 0 } });
  });

  it('serves the OpenAPI document with every module', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users/{id}', '/api/units/{id}', '/api/audit', '/api/units/reorganisations']));
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'abc12345-test' } });
    expect(given.headers['x-request-id']).toBe('abc12345-test');
    const made = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with a JSON 404 and refuses oversized bodies with 413', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/khong-co' })).statusCode).toBe(401);
    const unit = await buildUnit(t.database.db);
    const user = await buildUser(t.database.db, [{ role: 'viewer', unit }]);
    const agent = await signIn(t.app, user.username, user.password);
    const missing = await agent.request('GET', '/api/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', message: 'Không tìm thấy' });
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y'.repeat(2_000_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('Dữ liệu gửi lên quá lớn');
  });

  it('names the field of malformed JSON input without leaking internals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.body).not.toContain('at ');
  });
});
