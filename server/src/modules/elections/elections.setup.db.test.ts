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
});
