import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit, type BuiltUser } from '../../../test/factories.ts';
import { setupBody } from './elections.fixtures.ts';

let t: TestApp;
let unit: BuiltUnit;
let h: BuiltUser;
let a: BuiltUser;
let b: BuiltUser;
let head: Agent;
let op1: Agent;
let op2: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  unit = await buildUnit(db, { name: 'Đảng bộ tỉnh Tuyên Quang' });
  [h, a, b] = await Promise.all([buildUser(db, [{ role: 'staff', unit }]), buildUser(db, [{ role: 'clerk', unit }]), buildUser(db, [{ role: 'clerk', unit }])]);
  [head, op1, op2] = await Promise.all([signIn(t.app, h.username, h.password), signIn(t.app, a.username, a.password), signIn(t.app, b.username, b.password)]);
});
afterAll(() => t.close());

/** 3 seats from 4 candidates, 10 convened, nobody excluded: 6 votes needed. */
async function smallElection(): Promise<string> {
  const res = await head.request('POST', '/api/elections', setupBody(unit.id, h.id, [a.id, b.id], {
    seats: 3, candidates: ['An', 'Bình', 'Cường', 'Dũng'].map((n) => ({ fullName: `Nguyễn Văn ${n}`, memberId: null })),
    convened: 10, votersPresent: 10, exclusions: [], acceptWarnings: true,
  }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Both operators key the same ballots (numbered from 1), then the figures reconcile. */
async function keyAll(id: string, ballots: readonly (readonly number[])[]): Promise<void> {
  for (const [i, struck] of ballots.entries()) {
    for (const agent of [op1, op2]) {
      const res = await agent.request('POST', `/api/elections/${id}/entries`, { ballotNumber: i + 1, ballot: { kind: 'marked', struck } });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  const n = ballots.length;
  expect((await head.request('PUT', `/api/elections/${id}/figures`, { issued: n, returned: n, notReturned: 0 })).statusCode).toBe(200);
}

describe('further rounds', () => {
  it('flags a tie at the last seat and prepares a further round among the tied only', async () => {
    const id = await smallElection();
    // Struck: Cường on 3 ballots, Dũng on 3, An on 2, Bình on 2 -> An 8, Bình 8, Cường 7, Dũng 7 (all over half of 10).
    await keyAll(id, [[2], [2], [2], [3], [3], [3], [0], [0], [1], [1]]);
    const results = (await head.request('GET', `/api/elections/${id}/results`)).json();
    expect(results.candidates.map((c: { votes: number }) => c.votes)).toEqual([8, 8, 7, 7]);
    expect(results.elected).toEqual([0, 1]);
    expect(results.candidates.filter((c: { standing: string }) => c.standing === 'tied').map((c: { position: number }) => c.position)).toEqual([2, 3]);
    expect(results.outcome).toMatchObject({ status: 'tie', tied: [2, 3], nextRound: { reason: 'tie', seats: 1, candidates: [2, 3] } });
    // A further round is only prepared from finalised results.
    expect((await head.request('POST', `/api/elections/${id}/next-round`, {})).statusCode).toBe(422);
    const final = await head.request('POST', `/api/elections/${id}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    const next = await head.request('POST', `/api/elections/${id}/next-round`, {});
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ round: 2, previousId: id, seats: 1, status: 'open' });
    expect(next.json().candidates.map((c: { fullName: string }) => c.fullName)).toEqual(['Nguyễn Văn Cường', 'Nguyễn Văn Dũng']);
    expect(next.json().base).toMatchObject({ base: 10, votesNeeded: 6 });
  });

  it('with too few elected, prepares the next round for the seats left with the remaining candidates', async () => {
    const id = await smallElection();
    // Ballots 1–5 strike Bình and Dũng, 6–10 Cường and Dũng: An 10, Bình 5, Cường 5 (exactly half: not elected), Dũng 0.
    await keyAll(id, [...Array.from({ length: 5 }, () => [1, 3]), ...Array.from({ length: 5 }, () => [2, 3])]);
    const results = (await head.request('GET', `/api/elections/${id}/results`)).json();
    expect(results.candidates.map((c: { votes: number }) => c.votes)).toEqual([10, 5, 5, 0]);
    expect(results.elected).toEqual([0]);
    expect(results.outcome.status).toBe('short');
    expect(results.outcome.nextRound).toMatchObject({ reason: 'too_few_elected', seats: 2 });
    expect(results.outcome.nextRound.candidates).not.toContain(0);
    expect((await head.request('POST', `/api/elections/${id}/finalise`)).statusCode).toBe(200);
    const next = await head.request('POST', `/api/elections/${id}/next-round`, {});
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ round: 2, seats: 2 });
    expect(next.json().candidates.map((c: { fullName: string }) => c.fullName)).not.toContain('Nguyễn Văn An');
  });
});

describe('accounts for the setup', () => {
  it('lists the active accounts that may key ballots of the unit, and hides other subtrees', async () => {
    const res = await head.request('GET', `/api/elections/accounts?unitId=${unit.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((u: { id: string }) => u.id).sort()).toEqual([h.id, a.id, b.id].sort());
    const other = await buildUnit(t.database.db, { name: 'Đảng bộ tỉnh Cao Bằng' });
    expect((await head.request('GET', `/api/elections/accounts?unitId=${other.id}`)).statusCode).toBe(404);
  });
});
