import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays } from '../../rules/reports/report-periods.ts';
import { monthlyDefinitionV2 } from '../../seed/demo-report-template.ts';

let t: TestApp;
let centreUnit: BuiltUnit;
let provinceA: BuiltUnit;
let provinceB: BuiltUnit;
let centre: Agent;
let clerkA: Agent;
let clerkA2: Agent;
let clerkB: Agent;
let templateId = '';
const today = todayVn();

interface Submission {
  id: string;
  version: number;
  status: string;
  late: boolean;
  window: string;
  issues: { code: string; severity: string }[];
  values: Record<string, number | null>;
  can: { edit: boolean; submit: boolean; review: boolean };
}

async function adHoc(label: string, dates: { opensOn: string; dueOn: string; locksOn: string }): Promise<string> {
  const res = await centre.request('POST', '/api/reports/periods', { templateId, kind: 'ad_hoc', label, startsOn: addDays(today, -30), endsOn: addDays(today, -1), ...dates });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function open(agent: Agent, periodId: string, unit: BuiltUnit): Promise<Submission> {
  const res = await agent.request('POST', `/api/reports/periods/${periodId}/submissions`, { unitId: unit.id });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Submission>();
}

const goodValues = { 'admitted.commune': 12, 'admitted.enterprise': 3, admitted_private: 1, removed: 0, rollout_rate: 95 };
const goodNarrative = { results: 'Hoàn thành các nhiệm vụ trọng tâm của tháng', next_tasks: 'Chuẩn bị đại hội chi bộ' };

async function fillAndSend(agent: Agent, periodId: string, unit: BuiltUnit): Promise<Submission> {
  const draft = await open(agent, periodId, unit);
  const saved = await agent.request('PUT', `/api/reports/submissions/${draft.id}`, { version: draft.version, values: goodValues, narrative: goodNarrative });
  expect(saved.statusCode, saved.body).toBe(200);
  const sent = await agent.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: saved.json<Submission>().version });
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json<Submission>();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  centreUnit = await buildUnit(db, { name: 'Ban Chấp hành Trung ương (thử)', kind: 'root' });
  provinceA = await buildUnit(db, { parent: centreUnit, name: 'Đảng bộ tỉnh Lào Cai', kind: 'province' });
  provinceB = await buildUnit(db, { parent: centreUnit, name: 'Đảng bộ tỉnh Yên Bái', kind: 'province' });
  const staff = await buildUser(db, [{ role: 'staff', unit: centreUnit }]);
  const a = await buildUser(db, [{ role: 'clerk', unit: provinceA }]);
  const a2 = await buildUser(db, [{ role: 'clerk', unit: provinceA }]);
  const b = await buildUser(db, [{ role: 'clerk', unit: provinceB }]);
  centre = await signIn(t.app, staff.username, staff.password);
  clerkA = await signIn(t.app, a.username, a.password);
  clerkA2 = await signIn(t.app, a2.username, a2.password);
  clerkB = await signIn(t.app, b.username, b.password);
  const created = await centre.request('POST', '/api/reports/templates', { ownerUnitId: centreUnit.id, code: `BC-${centreUnit.code}`, name: 'Báo cáo chuyên đề', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2020-01-01', definition: monthlyDefinitionV2 });
  expect(created.statusCode, created.body).toBe(201);
  templateId = created.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('templates', () => {
  it('refuses a formula with an unknown indicator or a cycle, in Vietnamese', async () => {
    const definition = { sections: [], indicators: [{ code: 'a', label: 'A', type: 'integer', formula: 'b + khong_co' }, { code: 'b', label: 'B', type: 'integer', formula: 'a * 2' }] };
    const res = await centre.request('POST', '/api/reports/templates', { ownerUnitId: centreUnit.id, code: 'X-LOI', name: 'Lỗi', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2020-01-01', definition });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('khong_co');
    expect(res.body).toContain('vòng tròn');
    // The same messages while editing, without storing anything; none once the formula is right.
    const check = await centre.request('POST', '/api/reports/templates/check', definition);
    expect(check.statusCode, check.body).toBe(200);
    const issues = check.json<{ issues: { path: string; message: string }[] }>().issues;
    expect(issues.some((i) => i.message.includes('khong_co'))).toBe(true);
    expect(issues.some((i) => i.message.includes('vòng tròn'))).toBe(true);
    const fixed = await centre.request('POST', '/api/reports/templates/check', { ...definition, indicators: [definition.indicators[0], { code: 'khong_co', label: 'C', type: 'integer' }, { code: 'b', label: 'B', type: 'integer' }] });
    expect(fixed.json<{ issues: unknown[] }>().issues).toEqual([]);
  });

  it('lets a province see the Centre template but not manage it', async () => {
    const list = (await clerkA.request('GET', '/api/reports/templates')).json<{ id: string; manages: boolean }[]>();
    expect(list.find((x) => x.id === templateId)?.manages).toBe(false);
    const res = await clerkA.request('POST', '/api/reports/periods', { templateId, kind: 'month', year: 2024, index: 5 });
    expect(res.statusCode).toBe(403);
  });
});

describe('submission workflow', () => {
  it('sends on time, blocks invalid figures, and locks sent figures', async () => {
    const periodId = await adHoc('Đúng hạn', { opensOn: addDays(today, -5), dueOn: addDays(today, 5), locksOn: addDays(today, 15) });
    const draft = await open(clerkA, periodId, provinceA);
    expect(draft).toMatchObject({ status: 'draft', window: 'open', can: { edit: true, submit: true, review: false } });
    const bad = await clerkA.request('PUT', `/api/reports/submissions/${draft.id}`, { version: draft.version, values: { 'admitted.enterprise': 1, admitted_private: 2, removed: 1.5, rollout_rate: 120 }, narrative: {} });
    expect(bad.statusCode).toBe(200);
    const issues = bad.json<Submission>().issues.map((i) => i.code).sort();
    expect(issues).toEqual(['not_integer', 'percent_range', 'rule.private_within_enterprise', 'section_required', 'section_required'].sort());
    const refused = await clerkA.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: bad.json<Submission>().version });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('doanh nghiệp tư nhân');
    const saved = await clerkA.request('PUT', `/api/reports/submissions/${draft.id}`, { version: bad.json<Submission>().version, values: goodValues, narrative: goodNarrative });
    expect(saved.json<Submission>().values).toMatchObject({ admitted: 15, members_at_end: 0, admission_rate: null });
    const sent = await clerkA.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: saved.json<Submission>().version });
    expect(sent.json<Submission>()).toMatchObject({ status: 'submitted', late: false, can: { edit: false } });
    const edit = await clerkA.request('PUT', `/api/reports/submissions/${draft.id}`, { version: sent.json<Submission>().version, values: {}, narrative: {} });
    expect(edit.statusCode).toBe(422);
    expect(edit.body).toContain('đã khóa');
    const tracking = (await centre.request('GET', `/api/reports/periods/${periodId}/tracking`)).json<{ expected: number; reported: number; onTime: number; missing: number }>();
    expect(tracking).toMatchObject({ expected: 2, reported: 1, onTime: 1, missing: 1 });
  });

  it('counts a report sent after the due date as late, and refuses it after the lock until the centre unlocks the unit', async () => {
    const late = await adHoc('Muộn', { opensOn: addDays(today, -20), dueOn: addDays(today, -1), locksOn: addDays(today, 5) });
    expect((await fillAndSend(clerkA, late, provinceA)).late).toBe(true);
    expect((await centre.request('GET', `/api/reports/periods/${late}/tracking`)).json<{ late: number }>().late).toBe(1);

    const locked = await adHoc('Đã khóa', { opensOn: addDays(today, -25), dueOn: addDays(today, -10), locksOn: addDays(today, -1) });
    const draft = await open(clerkA, locked, provinceA);
    expect(draft).toMatchObject({ window: 'locked', can: { edit: false, submit: false } });
    const refused = await clerkA.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: draft.version });
    expect(refused.statusCode).toBe(422);
    expect((await clerkA.request('POST', `/api/reports/periods/${locked}/unlocks`, { unitId: provinceA.id, until: today, reason: 'Tự mở' })).statusCode).toBe(403);
    const unlock = await centre.request('POST', `/api/reports/periods/${locked}/unlocks`, { unitId: provinceA.id, until: addDays(today, 2), reason: 'Đơn vị đề nghị do sự cố mạng' });
    expect(unlock.statusCode, unlock.body).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'unit_id']).where('entity_id', '=', locked).where('action', '=', 'report.unlock').execute();
    expect(audit).toEqual([{ action: 'report.unlock', unit_id: provinceA.id }]);
    expect((await fillAndSend(clerkA, locked, provinceA))).toMatchObject({ status: 'submitted', late: true });
    // Province B was not unlocked: still locked.
    expect((await open(clerkB, locked, provinceB)).window).toBe('locked');
  });

  it('returns with comments, lets the unit correct and resend, keeps every version, and accepts', async () => {
    const periodId = await adHoc('Trả lại', { opensOn: addDays(today, -5), dueOn: addDays(today, 5), locksOn: addDays(today, 15) });
    const sent = await fillAndSend(clerkB, periodId, provinceB);
    const received = (await centre.request('GET', '/api/notifications')).json<{ items: { kind: string; title: string; body: string; link: string | null }[] }>();
    expect(received.items[0]).toMatchObject({ kind: 'report.submitted', title: `${provinceB.name} đã gửi báo cáo Trả lại`, body: 'Gửi đúng hạn', link: `/reports/submissions/${sent.id}` });
    expect((await clerkA.request('GET', '/api/notifications')).json<{ items: { kind: string }[] }>().items.some((n) => n.kind === 'report.submitted')).toBe(false);
    expect((await clerkB.request('POST', `/api/reports/submissions/${sent.id}/return`, { version: sent.version, comment: 'x' })).statusCode).toBe(403);
    const returned = await centre.request('POST', `/api/reports/submissions/${sent.id}/return`, { version: sent.version, comment: 'Số kết nạp trong doanh nghiệp chưa khớp với báo cáo quý' });
    expect(returned.json<Submission>()).toMatchObject({ status: 'returned' });
    const tracking = (await centre.request('GET', `/api/reports/periods/${periodId}/tracking`)).json<{ returned: number; reported: number }>();
    expect(tracking).toMatchObject({ returned: 1, reported: 0 });
    const notes = (await clerkB.request('GET', '/api/notifications')).json<{ items: { kind: string; body: string }[]; unread: number }>();
    expect(notes.items[0]).toMatchObject({ kind: 'report.returned', body: 'Số kết nạp trong doanh nghiệp chưa khớp với báo cáo quý' });
    const fixed = await clerkB.request('PUT', `/api/reports/submissions/${sent.id}`, { version: returned.json<Submission>().version, values: { ...goodValues, 'admitted.enterprise': 4 }, narrative: goodNarrative });
    const resent = await clerkB.request('POST', `/api/reports/submissions/${sent.id}/submit`, { version: fixed.json<Submission>().version });
    expect(resent.json<Submission>()).toMatchObject({ status: 'submitted', late: false });
    expect((await centre.request('GET', '/api/notifications')).json<{ items: { kind: string }[] }>().items[0]?.kind).toBe('report.resubmitted');
    const accepted = await centre.request('POST', `/api/reports/submissions/${sent.id}/accept`, { version: resent.json<Submission>().version });
    expect(accepted.json<Submission>().status).toBe('accepted');
    const versions = (await clerkB.request('GET', `/api/reports/submissions/${sent.id}/versions`)).json<{ event: string; values: Record<string, number | null>; comment: string | null }[]>();
    expect(versions.map((v) => v.event)).toEqual(['submitted', 'returned', 'resubmitted', 'accepted']);
    expect(versions[0]?.values['admitted.enterprise']).toBe(3);
    expect(versions[2]?.values['admitted.enterprise']).toBe(4);
    expect(versions[1]?.comment).toContain('chưa khớp');
  });

  it('does not let two clerks overwrite each other silently', async () => {
    const periodId = await adHoc('Đồng thời', { opensOn: addDays(today, -5), dueOn: addDays(today, 5), locksOn: addDays(today, 15) });
    const first = await open(clerkA, periodId, provinceA);
    const second = await open(clerkA2, periodId, provinceA);
    expect(second.id).toBe(first.id);
    const a = await clerkA.request('PUT', `/api/reports/submissions/${first.id}`, { version: first.version, values: { removed: 1 }, narrative: {} });
    expect(a.statusCode).toBe(200);
    const b = await clerkA2.request('PUT', `/api/reports/submissions/${second.id}`, { version: second.version, values: { removed: 2 }, narrative: {} });
    expect(b.statusCode).toBe(409);
    expect(b.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'edit_conflict' });
    expect(b.body).toContain('Thay đổi của bạn chưa được lưu');
    expect((await clerkA.request('GET', `/api/reports/submissions/${first.id}`)).json<Submission>().values.removed).toBe(1);
  });
});

describe('scope', () => {
  it('lets a province see and send only its own report', async () => {
    const periodId = await adHoc('Phạm vi', { opensOn: addDays(today, -5), dueOn: addDays(today, 5), locksOn: addDays(today, 15) });
    expect((await clerkA.request('POST', `/api/reports/periods/${periodId}/submissions`, { unitId: provinceB.id })).statusCode).toBe(404);
    const bReport = await open(clerkB, periodId, provinceB);
    expect((await clerkA.request('GET', `/api/reports/submissions/${bReport.id}`)).statusCode).toBe(404);
    expect((await clerkA.request('PUT', `/api/reports/submissions/${bReport.id}`, { version: bReport.version, values: {}, narrative: {} })).statusCode).toBe(404);
    expect((await clerkA.request('POST', `/api/reports/submissions/${bReport.id}/submit`, { version: bReport.version })).statusCode).toBe(404);
    const tracking = (await clerkA.request('GET', `/api/reports/periods/${periodId}/tracking`)).json<{ expected: number; rows: { unit: { id: string } }[] }>();
    expect(tracking.expected).toBe(1);
    expect(tracking.rows.map((r) => r.unit.id)).toEqual([provinceA.id]);
    const inbox = (await clerkA.request('GET', '/api/reports/inbox')).json<{ unit: { id: string } }[]>();
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((i) => i.unit.id === provinceA.id)).toBe(true);
  });
});

describe('attachments', () => {
  it('accepts PDF, Word and Excel by their content, refuses others, and serves them to readers only', async () => {
    const periodId = await adHoc('Đính kèm', { opensOn: addDays(today, -5), dueOn: addDays(today, 5), locksOn: addDays(today, 15) });
    const draft = await open(clerkA, periodId, provinceA);
    const upload = (agent: Agent, type: string, bytes: Buffer, name: string) =>
      t.app.inject({ method: 'POST', url: `/api/reports/submissions/${draft.id}/attachments?fileName=${encodeURIComponent(name)}`, cookies: { tcxd_session: agent.token }, headers: { 'x-csrf-token': agent.csrfToken, 'content-type': type }, payload: bytes });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
    const ok = await upload(clerkA, 'application/pdf', pdf, 'Phụ lục số liệu.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = await upload(clerkA, 'application/pdf', Buffer.from('MZ not a pdf'), 'virus.pdf');
    expect(fake.statusCode).toBe(400);
    const exe = await upload(clerkA, 'application/x-msdownload', Buffer.from('MZ'), 'a.exe');
    expect([400, 415]).toContain(exe.statusCode);
    expect(fake.body).toContain('Chỉ nhận tệp PDF, Word hoặc Excel');
    const big = await upload(clerkA, 'application/pdf', Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]), 'lon.pdf');
    expect(big.statusCode).toBe(413);
    const id = ok.json<{ id: string }>().id;
    const download = await clerkA.request('GET', `/api/reports/attachments/${id}`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await clerkB.request('GET', `/api/reports/attachments/${id}`)).statusCode).toBe(404);
    expect((await centre.request('GET', `/api/reports/attachments/${id}`)).statusCode).toBe(200);
  });
});
