import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditEntryView, auditVerifyView, pageOf, userView } from '@tcxd/contract';
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

// SIGKILL the server while many account-creating transactions are in flight, several times,
// then check on the next start that every transaction is either wholly there or wholly absent.
const slow = 600_000;
const rounds = 3;
const workers = 8;
const newPassword = 'Bền-vững-sau-sự-cố-2025!';
const pgUrl = testDatabaseUrl();
const prefix = 'dur';

const unitList = z.array(z.object({ id: z.uuid(), parentId: z.uuid().nullable() }));
const userPage = pageOf(userView);
const auditPage = pageOf(auditEntryView);

interface Burst {
  readonly acknowledged: readonly string[];
  readonly inFlightAtKill: number;
}

async function rootUnitId(session: HttpSession): Promise<string> {
  const units = unitList.parse((await session.request('GET', '/api/units')).body);
  const root = units.find((u) => u.parentId === null);
  if (!root) throw new Error('no root unit');
  return root.id;
}

/** Creates accounts from several concurrent workers and SIGKILLs the server mid-stream. */
async function writeThenKill(server: ServerProcess, session: HttpSession, round: number, target: number): Promise<Burst> {
  const unitId = await rootUnitId(session);
  const acknowledged: string[] = [];
  let inFlight = 0;
  let killed = false;
  let next = 0;
  const worker = async () => {
    while (!killed) {
      const username = `${prefix}${round}-${next++}`;
      inFlight += 1;
      try {
        const response = await session.request('POST', '/api/users', { username, fullName: `Người thử ${username}`, grants: [{ role: 'viewer', unitId }] });
        if (response.status === 201 && !killed) acknowledged.push(username);
        else if (!killed) throw new Error(`create ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      } catch (error) {
        if (!killed) throw error;
      } finally {
        inFlight -= 1;
      }
    }
  };
  const running = Array.from({ length: workers }, worker);
  while (acknowledged.length < target) await new Promise((resolve) => setTimeout(resolve, 5));
  // An odd delay so the kill does not line up with a response boundary.
  await new Promise((resolve) => setTimeout(resolve, 7 + round * 11));
  const inFlightAtKill = inFlight;
  killed = true;
  const exit = await server.stop('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  await Promise.all(running);
  return { acknowledged, inFlightAtKill };
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

/** Every account is whole (row + grant + audit row), every acknowledged one survived, the chain holds. */
async function checkConsistent(session: HttpSession, acknowledged: readonly string[]): Promise<number> {
  const users = (await allPages(session, '/api/users', (b) => userPage.parse(b))).filter((u) => u.username.startsWith(prefix));
  const created = await allPages(session, '/api/audit?action=user.created', (b) => auditPage.parse(b));
  const auditedIds = new Set(created.map((row) => row.entityId));
  const usernames = new Set(users.map((u) => u.username));
  for (const user of users) {
    expect(user.grants, `${user.username} has its grant`).toEqual([expect.objectContaining({ role: 'viewer' })]);
    expect(auditedIds.has(user.id), `${user.username} has its user.created audit row`).toBe(true);
  }
  const userIds = new Set(users.map((u) => u.id));
  const orphans = created.filter((row) => row.actorName === 'admin' && !userIds.has(row.entityId ?? ''));
  expect(orphans, 'no user.created audit row without its account').toEqual([]);
  expect(acknowledged.filter((name) => !usernames.has(name)), 'every acknowledged account survived').toEqual([]);
  const verify = auditVerifyView.parse((await session.request('GET', '/api/audit/verify')).body);
  expect(verify, 'audit chain').toMatchObject({ ok: true });
  return users.length;
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
    const burst = await writeThenKill(server, session, round, 12);
    acknowledged.push(...burst.acknowledged);
    console.log(`round ${round}: ${burst.acknowledged.length} acknowledged, ${burst.inFlightAtKill} in flight at SIGKILL`);
    expect(burst.inFlightAtKill).toBeGreaterThan(0);
    server = await startServer(env);
    session = await signInHttp(server.baseUrl, 'admin', newPassword);
    const count = await checkConsistent(session, acknowledged);
    console.log(`after restart ${round}: ${count} accounts, all whole`);
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
