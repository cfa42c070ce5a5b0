import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser } from '../../../test/factories.ts';
import { verifyElection } from './elections.verify.ts';
import { setupBody } from './elections.fixtures.ts';

let t: TestApp;
let head: Agent;
let op1: Agent;
let op2: Agent;
let electionId = '';

/** Ballot n strikes the last three names, except every fifth which strikes the first and the last two. */
const struckFor = (n: number) => (n % 5 === 0 ? [0, 16, 17] : [15, 16, 17]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const unit = await buildUnit(db, { name: 'Đảng bộ tỉnh Lào Cai' });
  const users = await Promise.all([buildUser(db, [{ role: 'staff', unit }]), buildUser(db, [{ role: 'clerk', unit }]), buildUser(db, [{ role: 'clerk', unit }])]);
  const [h, a, b] = users;
  if (!h || !a || !b) throw new Error('users');
  [head, op1, op2] = await Promise.all([signIn(t.app, h.username, h.password), signIn(t.app, a.username, a.password), signIn(t.app, b.username, b.password)]);
  // 30 convened, 29 in the base: 15 votes needed.
  const res = await head.request('POST', '/api/elections', setupBody(unit.id, h.id, [a.id, b.id], { convened: 30, votersPresent: 29 }));
  expect(res.statusCode, res.body).toBe(201);
  electionId = res.json().id;
});
afterAll(() => t.close());

const key = (agent: Agent, ballotNumber: number, ballot: unknown) => agent.request('POST', `/api/elections/${electionId}/entries`, { ballotNumber, ballot });

describe('double entry, reconciliation, results and finalisation', () => {
  it('judges ballots by the rules and refuses a third or repeated entry', async () => {
    const tooMany = await key(op1, 1, { kind: 'marked', struck: [17] });
    expect(tooMany.statusCode, tooMany.body).toBe(201);
    expect(tooMany.json()).toMatchObject({ judgement: { valid: false, reason: 'more_names_than_seats' }, status: 'single' });
    const again = await key(op1, 1, { kind: 'marked', struck: [15, 16, 17] });
    expect(again.statusCode).toBe(422);
    const outOfRange = await key(op2, 1, { kind: 'marked', struck: [40] });
    expect(outOfRange.statusCode).toBe(400);
    const notOperator = await key(head, 1, { kind: 'marked', struck: [17] });
    expect(notOperator.statusCode).toBe(422);
  });

  it('lists discrepancies side by side and lets only the head resolve them', async () => {
    // Ballot 1: op2 reads it differently from op1.
    expect((await key(op2, 1, { kind: 'marked', struck: [15, 16, 17] })).json().status).toBe('discrepancy');
    for (let n = 2; n <= 25; n += 1) {
      expect((await key(op1, n, { kind: 'marked', struck: struckFor(n) })).statusCode).toBe(201);
      // Ballot 7 keyed differently by the second operator; ballot 9 ruled invalid by one only.
      const second = n === 7 ? { kind: 'marked', struck: [14, 16, 17] } : n === 9 ? { kind: 'invalid', reason: 'no_seal' } : { kind: 'marked', struck: struckFor(n) };
      expect((await key(op2, n, second)).statusCode).toBe(201);
    }
    const list = await head.request('GET', `/api/elections/${electionId}/discrepancies`);
    const rows = list.json();
    expect(rows.map((d: { ballotNumber: number }) => d.ballotNumber)).toEqual([1, 7, 9]);
    expect(rows[1].differingPositions).toEqual([14, 15]);
    expect(rows[1].entries).toHaveLength(2);

    const byOperator = await op1.request('POST', `/api/elections/${electionId}/resolutions`, { ballotNumber: 7, ballot: { kind: 'marked', struck: [15, 16, 17] }, note: 'Đối chiếu phiếu gốc' });
    expect(byOperator.statusCode).toBe(422);
    const early = await head.request('POST', `/api/elections/${electionId}/finalise`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('chênh lệch');

    for (const [ballotNumber, struck] of [[1, [15, 16, 17]], [7, [15, 16, 17]], [9, struckFor(9)]] as const) {
      const res = await head.request('POST', `/api/elections/${electionId}/resolutions`, { ballotNumber, ballot: { kind: 'marked', struck }, note: 'Đối chiếu phiếu gốc' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await head.request('POST', `/api/elections/${electionId}/resolutions`, { ballotNumber: 7, ballot: { kind: 'marked', struck: [] }, note: 'x' });
    expect(again.statusCode).toBe(422);
    // The originals are still there beneath the resolutions.
    const entries = (await head.request('GET', `/api/elections/${electionId}/entries`)).json();
    expect(entries.filter((e: { ballotNumber: number }) => e.ballotNumber === 7)).toHaveLength(3);
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', electionId).where('action', '=', 'election.ballot_resolved').execute();
    expect(audited).toHaveLength(3);
  });

  it('refuses to finalise while the figures do not reconcile', async () => {
    await head.request('PUT', `/api/elections/${electionId}/figures`, { issued: 29, returned: 26, notReturned: 3 });
    const refused = await head.request('POST', `/api/elections/${electionId}/finalise`);
    expect(refused.statusCode).toBe(422);
    const results = (await head.request('GET', `/api/elections/${electionId}/results`)).json();
    expect(results.reconciliation.finalisable).toBe(false);
    expect(results.ballots).toMatchObject({ counted: 25, valid: 25, invalid: 0, single: 0, discrepancies: 0 });
  });

  it('computes the results by the base and finalises, locking them', async () => {
    await head.request('PUT', `/api/elections/${electionId}/figures`, { issued: 29, returned: 25, notReturned: 4 });
    const results = (await head.request('GET', `/api/elections/${electionId}/results`)).json();
    // 25 valid ballots, base 29: candidate 1 struck on ballots 5,10,15,20,25 -> 20 votes; 16–18 struck everywhere.
    expect(results.candidates[0]).toMatchObject({ votes: 20, ofBase: { percent: 68.97 }, ofValid: { percent: 80 }, standing: 'elected' });
    expect(results.candidates[15]).toMatchObject({ votes: 5, standing: 'not_elected' });
    expect(results.elected).toHaveLength(15);
    const final = await head.request('POST', `/api/elections/${electionId}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().status).toBe('finalised');
    expect((await key(op1, 26, { kind: 'marked', struck: [15, 16, 17] })).statusCode).toBe(422);
    expect((await head.request('PUT', `/api/elections/${electionId}/figures`, { issued: 30, returned: 25, notReturned: 5 })).statusCode).toBe(422);
    const minutes = await head.request('GET', `/api/elections/${electionId}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-disposition']).toContain('bien-ban-kiem-phieu');
    expect((await head.request('GET', `/api/elections/${electionId}/announcement.docx`)).statusCode).toBe(200);
  });

  it('verifies the chain and the tally, and detects a tampered entry', async () => {
    const db = t.database.db;
    const first = await verifyElection(db, electionId);
    expect(first, first.problems.join('; ')).toMatchObject({ ok: true, finalised: true });
    await expect(db.updateTable('election_ballot_entry').set({ note: 'x' }).where('election_id', '=', electionId).execute()).rejects.toThrow(/append-only/);
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update election_ballot_entry set ballot = '{"kind":"marked","struck":[0,1,2]}' where election_id = ${electionId} and seq = 5`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    const check = await verifyElection(db, electionId);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toContain('seq 5');
  });
});
