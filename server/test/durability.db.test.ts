import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditEntryView, auditVerifyView, pageOf, userView, userWithPassword } from '@tcxd/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseUrl } from '../src/config.ts';
import {
  createScratchPostgres,
  type EnvOverrides,
  firstAdminPassword,
  type HttpSession,
  runCli,
  type ServerProcess,
  signInHttp,
  startServer,
} from './cli-process.ts';

// SIGKILL the server while many writing transactions (account creations, renames) are in flight,
// several times; on each next start every transaction must be wholly there or wholly absent.
const slow = 600_000;
const rounds = 3;
const creators = 2;
const renamers = 6;
const newPassword = 'Bền-vững-sau-sự-cố-2025!';
const pgUrl = testDatabaseUrl();
const prefix = 'dur';

const unitList = z.array(z.object({ id: z.uuid(), parentId: z.uuid().nullable() }));
const userPage = pageOf(userView);
const auditPage = pageOf(auditEntryView);

interface Burst {
  readonly acknowledged: readonly string[];
  readonly renamed: number;
  readonly inFlightAtKill: number;
}

async function rootUnitId(session: HttpSession): Promise<string> {
  const units = unitList.parse((await session.request('GET', '/api/units')).body);
  const root = units.find((u) => u.parentId === null);
  if (!root) throw new Error('no root unit');
  return root.id;
}

/**
 * Several workers create accounts (user row + grant + audit row per transaction) while others
 * rename them (update + audit row, no password hashing, so many short transactions); then the
 * server is SIGKILLed mid-stream.
 */
async function writeThenKill(server: ServerProcess, session: HttpSession, round: number, target: { creates: number; renames: number }): Promise<Burst> {
  const unitId = await rootUnitId(session);
  const acknowledged: string[] = [];
  const ids: string[] = [];
  let renamed = 0;
  let inFlight = 0;
  let killed = false;
  let next = 0;
  const call = async (method: 'POST' | 'PATCH', url: string, body: unknown, expected: number) => {
    inFlight += 1;
    try {
      const response = await session.request(method, url, body);
      if (killed) return null;
      if (response.status !== expected) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    } catch (error) {
      if (killed) return null;
      throw error;
    } finally {
      inFlight -= 1;
    }
  };
  const creator = async () => {
    while (!killed) {
      const username = `${prefix}${round}-${next++}`;
      const body = await call('POST', '/api/users', { username, fullName: `Người thử ${username}`, grants: [{ role: 'viewer', unitId }] }, 201);
      if (body === null) continue;
      acknowledged.push(username);
      ids.push(userWithPassword.parse(body).user.id);
    }
  };
  const renamer = async () => {
    while (!killed) {
      const id = ids[next % Math.max(1, ids.length)];
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      else if ((await call('PATCH', `/api/users/${id}`, { fullName: `Đổi tên ${round}-${next++}` }, 200)) !== null) renamed += 1;
    }
  };
  const running = [...Array.from({ length: creators }, creator), ...Array.from({ length: renamers }, renamer)];
  while (acknowledged.length < target.creates || renamed < target.renames) await new Promise((resolve) => setTimeout(resolve, 5));
  // An odd delay so the kill does not line up with a response boundary.
  await new Promise((resolve) => setTimeout(resolve, 7 + round * 11));
  const inFlightAtKill = inFlight;
  killed = true;
  const exit = await server.stop('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  await Promise.all(running);
  return { acknowledged, renamed, inFlightAtKill };
}

async function allPages<T>(session: HttpSession, url: string, parse: (body: unknown) => { items: T[]; total: number }): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const response = await session.request('GET', `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=200`);
    expect(response.status).toBe(200);
    const result = parse(response.body);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/**
 * Every account is whole (row + grant + audit row), its name is the one its latest audit row
 * recorded, every acknowledged account survived, and the audit chain holds.
 */
async function checkConsistent(session: HttpSession, acknowledged: readonly string[]): Promise<{ accounts: number; renames: number }> {
  const users = (await allPages(session, '/api/users', (b) => userPage.parse(b))).filter((u) => u.username.startsWith(prefix));
  const created = await allPages(session, '/api/audit?action=user.created', (b) => auditPage.parse(b));
  const auditedIds = new Set(created.map((row) => row.entityId));
  const usernames = new Set(users.map((u) => u.username));
  for (const user of users) {
    expect(user.grants, `${user.username} has its grant`).toEqual([expect.objectContaining({ role: 'viewer' })]);
    expect(auditedIds.has(user.id), `${user.username} has its user.created audit row`).toBe(true);
  }
  const updated = await allPages(session, '/api/audit?action=user.updated', (b) => auditPage.parse(b));
  for (const user of users) {
    const latest = [...created, ...updated].filter((row) => row.entityId === user.id).sort((a, b) => b.seq - a.seq)[0];
    expect(latest?.after, `${user.username}: its name matches its latest audit row`).toMatchObject({ fullName: user.fullName });
  }
  const userIds = new Set(users.map((u) => u.id));
  const orphans = created.filter((row) => row.actorName === 'admin' && !userIds.has(row.entityId ?? ''));
  expect(orphans, 'no user.created audit row without its account').toEqual([]);
  expect(acknowledged.filter((name) => !usernames.has(name)), 'every acknowledged account survived').toEqual([]);
  const verify = auditVerifyView.parse((await session.request('GET', '/api/audit/verify')).body);
  expect(verify, 'audit chain').toMatchObject({ ok: true });
  return { accounts: users.length, renames: updated.length };
}

async function crashCycle(env: EnvOverrides): Promise<void> {
  let server = await startServer(env);
  const password = firstAdminPassword(server.output());
  expect(password, server.output()).toBeTruthy();
  const first = await signInHttp(server.baseUrl, 'admin', password ?? '');
  expect((await first.request('POST', '/api/auth/password', { currentPassword: password, newPassword })).status).toBe(200);
  let session = first;
  const acknowledged: string[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const burst = await writeThenKill(server, session, round, { creates: 8, renames: 60 });
    acknowledged.push(...burst.acknowledged);
    console.log(`round ${round}: ${burst.acknowledged.length} accounts and ${burst.renamed} renames acknowledged, ${burst.inFlightAtKill} requests in flight at SIGKILL`);
    expect(burst.inFlightAtKill).toBeGreaterThan(0);
    server = await startServer(env);
    session = await signInHttp(server.baseUrl, 'admin', newPassword);
    const { accounts, renames } = await checkConsistent(session, acknowledged);
    console.log(`after restart ${round}: ${accounts} accounts and ${renames} renames, all whole`);
  }
  const exit = await server.stop('SIGTERM');
  expect(exit.code, server.output()).toBe(0);
  const verify = await runCli(['audit', 'verify'], env);
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toContain('Audit chain intact');
}

describe('durability: SIGKILL during writes', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-durability-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('PGlite data directory stays readable and consistent', async () => {
    await crashCycle({ DATA_DIR: path.join(tmp, 'data'), LOGIN_RATE_PER_IP: '1000' });
  }, slow);

  it.skipIf(!pgUrl)(`PostgreSQL stays consistent${pgUrl ? '' : ' — skipped: TEST_DATABASE_URL is not set'}`, async () => {
    if (!pgUrl) return;
    const scratch = await createScratchPostgres(pgUrl, 'tcxd_durability');
    try {
      await crashCycle({ DATABASE_URL: scratch.url, LOGIN_RATE_PER_IP: '1000' });
    } finally {
      await scratch.drop();
    }
  }, slow);
});
