import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { genesisHash, recordAudit, verifyAuditChain } from '../../platform/audit.ts';
import { systemContext } from '../../platform/context.ts';

let t: TestApp;
let root: BuiltUnit;
let province: BuiltUnit;
let other: BuiltUnit;
let rootAdmin: Agent;
let provinceAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Ban Chấp hành Trung ương', kind: 'root' });
  province = await buildUnit(db, { parent: root, name: 'Đảng bộ tỉnh Nghệ An' });
  other = await buildUnit(db, { parent: root, name: 'Đảng bộ tỉnh Hà Tĩnh' });
  const a = await buildUser(db, [{ role: 'admin', unit: root }]);
  const b = await buildUser(db, [{ role: 'admin', unit: province }]);
  rootAdmin = await signIn(t.app, a.username, a.password);
  provinceAdmin = await signIn(t.app, b.username, b.password);
});
afterAll(() => t.close());

const ctx = systemContext('test');

describe('audit chain', () => {
  it('links each row to the previous one and verifies', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctx, { action: 'test.one', entityType: 'thing', entityId: '1', unitId: province.id, after: { b: 2, a: [1, { d: 'đ', c: null }] } });
      await recordAudit(trx, ctx, { action: 'test.two', entityType: 'thing', entityId: '2', unitId: null, before: { at: new Date('2025-07-01T00:00:00Z') } });
    });
    const rows = await t.database.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('is rolled back with the mutation it belongs to', async () => {
    const before = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx, { action: 'test.rolled_back', entityType: 'thing', entityId: '3', unitId: null });
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    const after = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const db = t.database.db;
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link when a row is tampered with behind the triggers', async () => {
    const db = t.database.db;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) await recordAudit(trx, ctx, { action: 'test.bulk', entityType: 'thing', entityId: String(i), unitId: null });
    });
    const target = await db.selectFrom('audit_log').select('seq').where('action', '=', 'test.bulk').orderBy('seq').limit(1).offset(1).executeTakeFirstOrThrow();
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update audit_log set after = '{"forged":true}' where seq = ${target.seq}`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: target.seq, reason: 'content does not match its hash' });
    const api = await rootAdmin.request('GET', '/api/audit/verify');
    expect(api.json()).toMatchObject({ ok: false, brokenAtSeq: target.seq });
  });
});

describe('audit log API', () => {
  it('lists rows in scope only; system-wide rows only for top-level administrators', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctx, { action: 'test.scoped', entityType: 'thing', entityId: 'in', unitId: province.id });
      await recordAudit(trx, ctx, { action: 'test.scoped', entityType: 'thing', entityId: 'out', unitId: other.id });
      await recordAudit(trx, ctx, { action: 'test.scoped', entityType: 'thing', entityId: 'system', unitId: null });
    });
    const ids = async (agent: Agent) =>
      (await agent.request('GET', '/api/audit?action=test.scoped')).json().items.map((r: { entityId: string }) => r.entityId);
    expect((await ids(rootAdmin)).sort()).toEqual(['in', 'out', 'system']);
    expect(await ids(provinceAdmin)).toEqual(['in']);
    expect((await provinceAdmin.request('GET', '/api/audit/verify')).statusCode).toBe(403);
  });

  it('filters by entity, actor and date', async () => {
    const res = await rootAdmin.request('GET', `/api/audit?entityType=thing&entityId=in&from=2020-01-01&to=2100-01-01`);
    expect(res.json().items).toHaveLength(1);
    const none = await rootAdmin.request('GET', `/api/audit?entityType=thing&to=2000-01-01`);
    expect(none.json().total).toBe(0);
    const bad = await rootAdmin.request('GET', `/api/audit?from=01/07/2025`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('querystring.from');
  });

  it('is refused without the audit.read permission', async () => {
    const viewer = await buildUser(t.database.db, [{ role: 'viewer', unit: root }]);
    const agent = await signIn(t.app, viewer.username, viewer.password);
    expect((await agent.request('GET', '/api/audit')).statusCode).toBe(403);
  });
});
