import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { verifyConfidenceVote } from './confidence.verify.ts';

let t: TestApp;
let unit: BuiltUnit;
let head: Agent;
let op1: Agent;
let op2: Agent;
let ids: { head: string; op1: string; op2: string };
let voteId = '';
let finalHead = '';

type Level = 'high' | 'normal' | 'low' | null;

const setup = (overrides: Record<string, unknown> = {}) => ({
  unitId: unit.id,
  title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025',
  heldOn: '2025-06-10',
  persons: [
    { fullName: 'Nguyễn Văn An', post: 'Bí thư Đảng ủy' },
    { fullName: 'Trần Thị Bình', post: 'Phó Bí thư Đảng ủy' },
    { fullName: 'Lê Văn Cường', post: 'Ủy viên Ban Thường vụ' },
  ],
  convened: 12,
  present: 10,
  committee: [{ fullName: 'Phạm Thị Dung', role: 'head' }, { fullName: 'Hoàng Văn Em', role: 'member' }],
  headUserId: ids.head,
  operatorIds: [ids.op1, ids.op2],
  ...overrides,
});

/**
 * Ballots 1–8 as on paper (ballot 9 is ruled invalid): An high except a blank on 8;
 * Bình low on 1–5 (5 of 9 participants: over 1/2, under 2/3); Cường low on 1–6 (6 of 9: 2/3).
 */
const paper = (n: number): Level[] => [n === 8 ? null : 'high', n <= 5 ? 'low' : 'normal', n <= 6 ? 'low' : 'high'];

const key = (agent: Agent, id: string, ballotNumber: number, ballot: unknown) => agent.request('POST', `/api/confidence-votes/${id}/entries`, { ballotNumber, ballot });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  unit = await buildUnit(db, { name: 'Đảng bộ xã Tả Van' });
  const [h, a, b] = await Promise.all([buildUser(db, [{ role: 'staff', unit }]), buildUser(db, [{ role: 'clerk', unit }]), buildUser(db, [{ role: 'clerk', unit }])]);
  if (!h || !a || !b) throw new Error('users');
  ids = { head: h.id, op1: a.id, op2: b.id };
  [head, op1, op2] = await Promise.all([signIn(t.app, h.username, h.password), signIn(t.app, a.username, a.password), signIn(t.app, b.username, b.password)]);
});
afterAll(() => t.close());

describe('confidence vote setup', () => {
  it('refuses more present than convened, a committee without one head, and an assessed person counting', async () => {
    const tooMany = await head.request('POST', '/api/confidence-votes', setup({ present: 13 }));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.message).toContain('lớn hơn số được triệu tập');
    const noHead = await head.request('POST', '/api/confidence-votes', setup({ committee: [{ fullName: 'Hoàng Văn Em', role: 'member' }] }));
    expect(noHead.json().error.message).toContain('đúng một Trưởng ban');
    const clash = await head.request('POST', '/api/confidence-votes', setup({ committee: [{ fullName: 'Trần Thị Bình', role: 'head' }] }));
    expect(clash.json().error.message).toContain('Trần Thị Bình');
    const before = await head.request('POST', '/api/confidence-votes', setup({ heldOn: '2022-01-01' }));
    expect(before.statusCode).toBe(422);
  });

  it('sets a vote up with the persons in ballot order and audits it', async () => {
    const res = await head.request('POST', '/api/confidence-votes', setup());
    expect(res.statusCode, res.body).toBe(201);
    voteId = res.json().id;
    expect(res.json()).toMatchObject({ convened: 12, present: 10, rulesVersion: 'qd-96-2023', status: 'open' });
    expect(res.json().persons.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', voteId).execute();
    expect(audited.map((a) => a.action)).toEqual(['confidence.created']);
  });
});

describe('double entry, reconciliation, thresholds and finalisation', () => {
  it('refuses a ballot of the wrong length, a repeated entry and a non-operator', async () => {
    expect((await key(op1, voteId, 1, { kind: 'marked', levels: ['high', 'low'] })).statusCode).toBe(400);
    const first = await key(op1, voteId, 1, { kind: 'marked', levels: paper(1) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'single', blank: [] });
    expect((await key(op1, voteId, 1, { kind: 'marked', levels: paper(1) })).statusCode).toBe(422);
    expect((await key(head, voteId, 1, { kind: 'marked', levels: paper(1) })).statusCode).toBe(422);
  });

  it('lists discrepancies side by side; only the head resolves them, on top of the originals', async () => {
    expect((await key(op2, voteId, 1, { kind: 'marked', levels: paper(1) })).json().status).toBe('agreed');
    for (let n = 2; n <= 8; n += 1) {
      const blank = await key(op1, voteId, n, { kind: 'marked', levels: paper(n) });
      if (n === 8) expect(blank.json().blank).toEqual([0]);
      // The second operator reads Bình's mark on ballot 3 as "tín nhiệm".
      const second = n === 3 ? ['high', 'normal', 'low'] : paper(n);
      expect((await key(op2, voteId, n, { kind: 'marked', levels: second })).statusCode).toBe(201);
    }
    await key(op1, voteId, 9, { kind: 'invalid', reason: 'no_seal' });
    expect((await key(op2, voteId, 9, { kind: 'marked', levels: ['high', 'high', 'high'] })).json().status).toBe('discrepancy');

    const rows = (await head.request('GET', `/api/confidence-votes/${voteId}/discrepancies`)).json();
    expect(rows.map((d: { ballotNumber: number }) => d.ballotNumber)).toEqual([3, 9]);
    expect(rows[0].differingPositions).toEqual([1]);
    expect(rows[1].differingPositions).toEqual([0, 1, 2]);
    expect(rows[0].entries).toHaveLength(2);

    const early = await head.request('POST', `/api/confidence-votes/${voteId}/finalise`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('chênh lệch');
    const byOperator = await op1.request('POST', `/api/confidence-votes/${voteId}/resolutions`, { ballotNumber: 3, ballot: { kind: 'marked', levels: paper(3) }, note: 'Đối chiếu phiếu gốc' });
    expect(byOperator.statusCode).toBe(422);
    const r3 = await head.request('POST', `/api/confidence-votes/${voteId}/resolutions`, { ballotNumber: 3, ballot: { kind: 'marked', levels: paper(3) }, note: 'Đối chiếu phiếu gốc' });
    expect(r3.statusCode, r3.body).toBe(201);
    const r9 = await head.request('POST', `/api/confidence-votes/${voteId}/resolutions`, { ballotNumber: 9, ballot: { kind: 'invalid', reason: 'no_seal' }, note: 'Phiếu không có dấu' });
    expect(r9.statusCode, r9.body).toBe(201);
    expect((await head.request('POST', `/api/confidence-votes/${voteId}/resolutions`, { ballotNumber: 1, ballot: { kind: 'marked', levels: paper(1) }, note: 'x' })).statusCode).toBe(422);

    const entries = (await head.request('GET', `/api/confidence-votes/${voteId}/entries`)).json();
    expect(entries.filter((e: { ballotNumber: number }) => e.ballotNumber === 3)).toHaveLength(3);
    expect(entries.find((e: { ballotNumber: number; kind: string; ballot: { levels?: string[] } }) => e.ballotNumber === 3 && e.kind === 'entry' && e.ballot.levels?.[1] === 'normal')).toBeDefined();
    const resolved = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', voteId).where('action', '=', 'confidence.ballot_resolved').execute();
    expect(resolved).toHaveLength(2);
  });

  it('refuses to finalise while the figures are missing or do not reconcile', async () => {
    const missing = await head.request('POST', `/api/confidence-votes/${voteId}/finalise`);
    expect(missing.json().error.message).toContain('Chưa nhập số phiếu');
    await head.request('PUT', `/api/confidence-votes/${voteId}/figures`, { issued: 10, returned: 9, notReturned: 0 });
    const mismatch = await head.request('POST', `/api/confidence-votes/${voteId}/finalise`);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.message).toContain('Số phiếu phát ra (10) khác');
    await head.request('PUT', `/api/confidence-votes/${voteId}/figures`, { issued: 10, returned: 10, notReturned: 0 });
    const counted = await head.request('POST', `/api/confidence-votes/${voteId}/finalise`);
    expect(counted.json().error.message).toContain('Số phiếu đã kiểm (9');
  });

  it('flags the thresholds per person and finalises, locking the results', async () => {
    await head.request('PUT', `/api/confidence-votes/${voteId}/figures`, { issued: 10, returned: 9, notReturned: 1 });
    const results = (await head.request('GET', `/api/confidence-votes/${voteId}/results`)).json();
    expect(results).toMatchObject({ participants: 9, quorumMet: true, finalisable: true, ballots: { valid: 8, invalid: 1, counted: 9, single: 0, discrepancies: 0 } });
    const [an, binh, cuong] = results.persons;
    // An: 7 high, one blank and one invalid ballot not rating him.
    expect(an).toMatchObject({ high: 7, normal: 0, low: 0, notRated: 2, consequence: 'none' });
    expect(binh).toMatchObject({ high: 0, normal: 3, low: 5, notRated: 1, consequence: 'remove_from_planning_consider_reassignment', shares: { low: { percent: 55.56 } } });
    expect(cuong).toMatchObject({ high: 2, low: 6, notRated: 1, consequence: 'consider_dismissal' });
    expect(cuong.message).toContain('từ 2/3 trở lên');

    expect((await op1.request('POST', `/api/confidence-votes/${voteId}/finalise`)).statusCode).toBe(422);
    const final = await head.request('POST', `/api/confidence-votes/${voteId}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().status).toBe('finalised');
    const vote = (await head.request('GET', `/api/confidence-votes/${voteId}`)).json();
    expect(vote.chainHead).toBe(final.json().chainHead);
    finalHead = vote.chainHead;
    expect((await key(op1, voteId, 10, { kind: 'marked', levels: paper(1) })).statusCode).toBe(422);
    expect((await head.request('PUT', `/api/confidence-votes/${voteId}/figures`, { issued: 11, returned: 9, notReturned: 2 })).statusCode).toBe(422);
  });

  it('writes the counting minutes in Word with the figures, each person and the thresholds', async () => {
    const res = await head.request('GET', `/api/confidence-votes/${voteId}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bien-ban-kiem-phieu-tin-nhiem');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] ?? new Uint8Array());
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Kiểm phiếu lấy phiếu tín nhiệm');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Trần Thị Bình, Phó Bí thư Đảng ủy');
    expect(text).toContain('5 (55,56%)');
    expect(text).toContain('Lê Văn Cường: Từ 2/3 trở lên tín nhiệm thấp: xem xét miễn nhiệm');
    expect(text).toContain('Phạm Thị Dung');
    expect(text).toContain(finalHead);
  });

  it('verifies the chain and the tally, and detects a tampered entry', async () => {
    const db = t.database.db;
    const first = await verifyConfidenceVote(db, voteId);
    expect(first, first.problems.join('; ')).toMatchObject({ ok: true, finalised: true, entries: 20 });
    await expect(db.updateTable('confidence_ballot_entry').set({ note: 'x' }).where('vote_id', '=', voteId).execute()).rejects.toThrow(/append-only/);
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await sql`update confidence_ballot_entry set ballot = '{"kind":"marked","levels":["high","high","high"]}' where vote_id = ${voteId} and seq = 4`.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
    const check = await verifyConfidenceVote(db, voteId);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toContain('seq 4');
  });
});

describe('quorum', () => {
  it('refuses to finalise when fewer than 2/3 of those convened took part, saying why', async () => {
    const res = await head.request('POST', '/api/confidence-votes', setup({ title: 'Lấy phiếu thiếu người', present: 8 }));
    const id: string = res.json().id;
    for (let n = 1; n <= 7; n += 1) {
      await key(op1, id, n, { kind: 'marked', levels: paper(n) });
      await key(op2, id, n, { kind: 'marked', levels: paper(n) });
    }
    await head.request('PUT', `/api/confidence-votes/${id}/figures`, { issued: 8, returned: 7, notReturned: 1 });
    const results = (await head.request('GET', `/api/confidence-votes/${id}/results`)).json();
    expect(results).toMatchObject({ participants: 7, quorumMet: false, finalisable: false });
    const refused = await head.request('POST', `/api/confidence-votes/${id}/finalise`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('Chỉ có 7/12 người tham gia');
    expect(refused.json().error.message).toContain('chưa đủ 2/3');
  });
});

describe('scope', () => {
  it('answers 404 to a user of another subtree, as for a missing record', async () => {
    const other = await buildUnit(t.database.db, { name: 'Đảng bộ xã Bản Hồ' });
    const stranger = await buildUser(t.database.db, [{ role: 'admin', unit: other }]);
    const agent = await signIn(t.app, stranger.username, stranger.password);
    expect((await agent.request('GET', `/api/confidence-votes/${voteId}`)).statusCode).toBe(404);
    expect((await agent.request('GET', `/api/confidence-votes/${voteId}/minutes.docx`)).statusCode).toBe(404);
    expect((await agent.request('GET', '/api/confidence-votes')).json()).toEqual([]);
    expect((await agent.request('POST', '/api/confidence-votes', setup({ unitId: unit.id }))).statusCode).toBe(404);
  });
});
