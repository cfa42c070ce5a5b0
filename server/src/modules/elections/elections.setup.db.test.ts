import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit, type BuiltUser } from '../../../test/factories.ts';
import { setupBody } from './elections.fixtures.ts';

let t: TestApp;
let unit: BuiltUnit;
let head: BuiltUser;
let op1: BuiltUser;
let op2: BuiltUser;
let headAgent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  unit = await buildUnit(db, { name: 'Đảng bộ tỉnh Thái Nguyên' });
  head = await buildUser(db, [{ role: 'staff', unit }]);
  op1 = await buildUser(db, [{ role: 'clerk', unit }]);
  op2 = await buildUser(db, [{ role: 'clerk', unit }]);
  headAgent = await signIn(t.app, head.username, head.password);
});
afterAll(() => t.close());

describe('election setup', () => {
  it('creates an election with the base, admitted floor nominations and the rules check', async () => {
    const res = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], {
      seats: 15,
      candidates: Array.from({ length: 17 }, (_, i) => ({ fullName: `Ứng Cử Viên ${i + 1}`, memberId: null })),
      floorNominations: [{ fullName: 'Đề Cử Tại Chỗ Một', agreeing: 29 }, { fullName: 'Đề Cử Tại Chỗ Hai', agreeing: 28 }],
    }));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    // 95 present: 29 agreeing is 30.5% (admitted), 28 is 29.5% (not).
    expect(view.floorNominations.map((n: { admitted: boolean }) => n.admitted)).toEqual([true, false]);
    expect(view.candidates).toHaveLength(18);
    expect(view.candidates[17]).toMatchObject({ fullName: 'Đề Cử Tại Chỗ Một', source: 'floor' });
    expect(view.base).toMatchObject({ convened: 100, excluded: 1, base: 99, votesNeeded: 50 });
    expect(view.candidateCheck.verdict).toBe('ok');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', view.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['election.created']);
  });

  it('refuses a surplus over 30%', async () => {
    const res = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], { candidates: Array.from({ length: 20 }, (_, i) => ({ fullName: `Người ${i + 1}`, memberId: null })) }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('30%');
  });

  it('asks to accept a warning (surplus below 10%) and goes ahead when accepted', async () => {
    const list = Array.from({ length: 16 }, (_, i) => ({ fullName: `Người ${i + 1}`, memberId: null }));
    const warned = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], { candidates: list }));
    expect(warned.statusCode).toBe(422);
    const accepted = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], { candidates: list, acceptWarnings: true }));
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('refuses a candidate on the counting committee, an exclusion without reason, and an operator outside the unit', async () => {
    const clash = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], { committee: [{ fullName: 'Ứng cử viên 3', role: 'head' }] }));
    expect(clash.statusCode).toBe(422);
    expect(clash.json().error.message).toContain('Ban kiểm phiếu');
    const noReason = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id], { exclusions: [{ kind: 'suspended', person: 'A', reason: '' }] }));
    expect(noReason.statusCode).toBe(400);
    const other = await buildUnit(t.database.db, { name: 'Đảng bộ tỉnh Bắc Ninh' });
    const outsider = await buildUser(t.database.db, [{ role: 'clerk', unit: other }]);
    const foreignOperator = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, outsider.id]));
    expect(foreignOperator.statusCode).toBe(400);
  });

  it('edits the setup while no ballot is keyed (judged again, audited) and refuses once one is', async () => {
    const created = await headAgent.request('POST', '/api/elections', setupBody(unit.id, head.id, [op1.id, op2.id]));
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const changed = setupBody(unit.id, head.id, [op1.id, op2.id], {
      title: 'Bầu Ban Chấp hành (sửa)',
      exclusions: [{ kind: 'suspended', person: 'Trần Văn Đình', reason: 'Đang bị đình chỉ sinh hoạt' }, { kind: 'detained', person: 'Lê Văn Giam', reason: 'Đang bị tạm giam' }],
      floorNominations: [{ fullName: 'Đề Cử Tại Chỗ Ba', agreeing: 30 }],
    });
    const refusedClash = await headAgent.request('PUT', `/api/elections/${id}`, { ...changed, committee: [{ fullName: 'Ứng cử viên 2', role: 'head' }] });
    expect(refusedClash.statusCode).toBe(422);
    expect(refusedClash.json().error.message).toContain('Ban kiểm phiếu');
    const edited = await headAgent.request('PUT', `/api/elections/${id}`, changed);
    expect(edited.statusCode, edited.body).toBe(200);
    const view = edited.json();
    expect(view.title).toBe('Bầu Ban Chấp hành (sửa)');
    expect(view.base).toMatchObject({ convened: 100, excluded: 2, base: 98 });
    expect(view.base.exclusions.map((x: { reason: string }) => x.reason)).toEqual(['Đang bị đình chỉ sinh hoạt', 'Đang bị tạm giam']);
    expect(view.floorNominations).toEqual([{ fullName: 'Đề Cử Tại Chỗ Ba', agreeing: 30, present: 95, admitted: true }]);
    const moved = await headAgent.request('PUT', `/api/elections/${id}`, setupBody((await buildUnit(t.database.db, { parent: unit })).id, head.id, [op1.id, op2.id]));
    expect(moved.statusCode).toBe(422);

    const op1Agent = await signIn(t.app, op1.username, op1.password);
    const keyed = await op1Agent.request('POST', `/api/elections/${id}/entries`, { ballotNumber: 1, ballot: { kind: 'marked', struck: [0, 1, 2] } });
    expect(keyed.statusCode, keyed.body).toBe(201);
    const late = await headAgent.request('PUT', `/api/elections/${id}`, changed);
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('Đã có phiếu được nhập');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['election.created', 'election.updated', 'election.ballot_entered']);
  });
});
