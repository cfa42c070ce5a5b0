import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildMember, buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { memberListQuery } from '@tcxd/contract';
import { todayVn } from '../../platform/today.ts';
import { addDays, addMonths } from '../../rules/members/index.ts';
import * as repo from './members.repository.ts';

let t: TestApp;
let province: BuiltUnit;
let cellA: BuiltUnit;
let cellB: BuiltUnit;
let otherProvinceCell: BuiltUnit;
let staff: Agent;
let clerkA: Agent;
let clerkB: Agent;
let viewer: Agent;
const today = todayVn();

const fields = (over: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn Thành',
  sex: 'male',
  birthDate: '1995-04-12',
  ethnicity: 'Kinh',
  religion: 'Phật giáo',
  citizenId: '001095012345',
  cardNumber: '01234567',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = t.database.db;
  province = await buildUnit(db, { name: 'Đảng bộ tỉnh Quảng Ninh' });
  const grassroots = await buildUnit(db, { parent: province, name: 'Đảng bộ phường Hồng Gai', kind: 'grassroots_committee' });
  cellA = await buildUnit(db, { parent: grassroots, name: 'Chi bộ khu phố 1' });
  cellB = await buildUnit(db, { parent: grassroots, name: 'Chi bộ khu phố 2' });
  const other = await buildUnit(db, { name: 'Đảng bộ tỉnh Lạng Sơn' });
  otherProvinceCell = await buildUnit(db, { parent: other, name: 'Chi bộ thôn Khánh Khê' });
  const sign = async (role: 'staff' | 'clerk' | 'viewer', unit: BuiltUnit) => {
    const user = await buildUser(db, [{ role, unit }]);
    return signIn(t.app, user.username, user.password);
  };
  staff = await sign('staff', province);
  clerkA = await sign('clerk', cellA);
  clerkB = await sign('clerk', cellB);
  viewer = await sign('viewer', province);
}, 120_000);
afterAll(() => t.close());

async function admit(agent: Agent, over: { fields?: Record<string, unknown>; date?: string; cellId?: string } = {}) {
  return agent.request('POST', '/api/members', {
    fields: fields(over.fields),
    opening: { kind: 'admitted', date: over.date ?? addMonths(today, -13), cellId: over.cellId ?? cellA.id, documentNumber: '15-QĐ/ĐU' },
  });
}

async function record(agent: Agent, id: string, event: Record<string, unknown>, confirmBackdated = false) {
  const current = (await agent.request('GET', `/api/members/${id}`)).json();
  return agent.request('POST', `/api/members/${id}/events`, { event, rowVersion: current.rowVersion, confirmBackdated });
}

describe('member records', () => {
  it('admits a member and shows the record as probationary in the cell', async () => {
    const res = await admit(clerkA);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ status: 'probationary', cell: { id: cellA.id, name: 'Chi bộ khu phố 1' }, fields: { fullName: 'Nguyễn Văn Thành', cardNumber: '01234567' } });
    expect(view.probationEndsOn).toBe(addMonths(addMonths(today, -13), 12));
    expect(view.events.map((e: { sentence: string }) => e.sentence)).toEqual(['Kết nạp vào Đảng tại Chi bộ khu phố 1']);
    expect(view.allowedEvents).toContain('recognised');
  });

  it('refuses bad fields with a message naming the field, and writes nothing', async () => {
    const before = (await staff.request('GET', '/api/members?status=probationary')).json().total;
    const res = await admit(clerkA, { fields: { cardNumber: '1234', fullName: 'Trần Thị Lan' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('cardNumber'), message: expect.stringContaining('8 chữ số') })]));
    const young = await admit(clerkA, { fields: { birthDate: addMonths(today, -12 * 17), cardNumber: '07654321', citizenId: null } });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.issues[0].path).toBe('opening.admittedOn');
    const duplicate = await admit(clerkA, { fields: { citizenId: null } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.issues[0]).toMatchObject({ path: 'fields.cardNumber', message: 'Số thẻ 01234567 đã cấp cho đảng viên khác' });
    expect((await staff.request('GET', '/api/members?status=probationary')).json().total).toBe(before);
  });

  it('masks the citizen id and religion for a viewer and logs every read of a full record', async () => {
    const { items } = (await viewer.request('GET', '/api/members?q=nguyen van thanh')).json();
    const id = items[0].id;
    const masked = (await viewer.request('GET', `/api/members/${id}`)).json();
    expect(masked.masked).toEqual(['citizenId', 'religion']);
    expect(masked.fields).toMatchObject({ citizenId: '••••', religion: '••••' });
    const clear = (await clerkA.request('GET', `/api/members/${id}`)).json();
    expect(clear.fields).toMatchObject({ citizenId: '001095012345', religion: 'Phật giáo' });
    const exempted = await record(clerkA, id, { kind: 'exempted', date: today, reason: 'Điều trị bệnh dài ngày' });
    expect(exempted.statusCode, exempted.body).toBe(200);
    const sentence = (view: { events: { kind: string; sentence: string }[] }) => view.events.find((e) => e.kind === 'exempted')?.sentence;
    expect(sentence((await viewer.request('GET', `/api/members/${id}`)).json())).toBe('Miễn công tác và sinh hoạt đảng (lý do: ••••)');
    expect(sentence((await clerkA.request('GET', `/api/members/${id}`)).json())).toBe('Miễn công tác và sinh hoạt đảng (lý do: Điều trị bệnh dài ngày)');
    const reads = await t.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'member.read').where('entity_id', '=', id).execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a stale edit (two clerks on one record) with a conflict', async () => {
    const { items } = (await staff.request('GET', '/api/members?q=01234567')).json();
    const view = (await clerkA.request('GET', `/api/members/${items[0].id}`)).json();
    const first = await clerkA.request('PUT', `/api/members/${view.id}`, { fields: { ...fields(), occupation: 'Giáo viên' }, rowVersion: view.rowVersion });
    expect(first.statusCode, first.body).toBe(200);
    const second = await staff.request('PUT', `/api/members/${view.id}`, { fields: { ...fields(), occupation: 'Kỹ sư' }, rowVersion: view.rowVersion });
    expect(second.statusCode).toBe(409);
    expect((await clerkA.request('GET', `/api/members/${view.id}`)).json().fields.occupation).toBe('Giáo viên');
  });
});

describe('the lifecycle', () => {
  it('recognises a probationary member only after 12 months', async () => {
    const early = (await admit(clerkA, { fields: { fullName: 'Lê Thị Hạnh', cardNumber: '11111111', citizenId: null }, date: addMonths(today, -6) })).json();
    const refused = await record(clerkA, early.id, { kind: 'recognised', date: today, documentNumber: '20-QĐ/ĐU' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('12');
    const { items } = (await staff.request('GET', '/api/members?q=01234567')).json();
    const ok = await record(clerkA, items[0].id, { kind: 'recognised', date: today, documentNumber: '21-QĐ/ĐU' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'full', fullMemberDate: addMonths(addMonths(today, -13), 12) });
  });

  it('lists probationers due within 30 days', async () => {
    await admit(clerkA, { fields: { fullName: 'Phạm Quốc Hùng', cardNumber: '22222222', citizenId: null }, date: addDays(addMonths(today, -12), 10) });
    const due = (await staff.request('GET', '/api/members/due?days=30')).json();
    expect(due.probation.map((d: { member: { fullName: string } }) => d.member.fullName)).toContain('Phạm Quốc Hùng');
    expect(due.probation.map((d: { member: { fullName: string } }) => d.member.fullName)).not.toContain('Lê Thị Hạnh');
  });

  it('moves a member between cells: out, in transit (listed), arrival by the new cell', async () => {
    const member = await buildMember(t.database.db, cellA, { fullName: 'Đỗ Minh Tuấn' });
    const out = await record(clerkA, member.id, { kind: 'transfer_out', date: addDays(today, -60), to: { kind: 'cell', cellId: cellB.id }, documentNumber: '05-GGT/ĐU' });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ status: 'in_transit', cell: null, transitTo: { id: cellB.id } });
    const due = (await clerkB.request('GET', '/api/members/due')).json();
    const transit = due.transfers.find((d: { member: { id: string } }) => d.member.id === member.id);
    expect(transit).toMatchObject({ from: { id: cellA.id }, to: { id: cellB.id }, overdue: true });
    const arrival = await record(clerkB, member.id, { kind: 'transfer_in', date: today, cellId: cellB.id });
    expect(arrival.statusCode, arrival.body).toBe(200);
    expect(arrival.json()).toMatchObject({ status: 'full', cell: { id: cellB.id } });
    // The clerk of cell A no longer sees the member.
    expect((await clerkA.request('GET', `/api/members/${member.id}`)).statusCode).toBe(404);
  });

  it('does not count a temporary member in the host cell', async () => {
    const member = await buildMember(t.database.db, cellA, { fullName: 'Bùi Thu Trang' });
    const res = await record(clerkA, member.id, { kind: 'temporary_transfer_out', date: today, host: { kind: 'cell', cellId: cellB.id } });
    expect(res.json()).toMatchObject({ status: 'full', cell: { id: cellA.id }, temporaryAt: { id: cellB.id } });
    const inB = (await clerkB.request('GET', `/api/members?unitId=${cellB.id}`)).json().items.map((m: { fullName: string }) => m.fullName);
    expect(inB).not.toContain('Bùi Thu Trang');
    // The host cell can open the record (it hosts the member) but does not count it.
    expect((await clerkB.request('GET', `/api/members/${member.id}`)).statusCode).toBe(200);
  });

  it('refuses anything after removal from the rolls, with the reason', async () => {
    const member = await buildMember(t.database.db, cellA, { fullName: 'Hồ Văn Lợi' });
    expect((await record(clerkA, member.id, { kind: 'removed', date: today, documentNumber: '30-QĐ/ĐU' })).statusCode).toBe(200);
    const after = await record(clerkA, member.id, { kind: 'exempted', date: today });
    expect(after.statusCode).toBe(422);
    expect((await clerkA.request('GET', `/api/members/${member.id}`)).json()).toMatchObject({ status: 'removed', allowedEvents: [] });
  });

  it('refuses an event dated before a recorded one unless confirmed', async () => {
    const member = await buildMember(t.database.db, cellA, { fullName: 'Vũ Đức Cường' });
    await record(clerkA, member.id, { kind: 'exempted', date: today, reason: 'Tuổi cao' });
    const back = await record(clerkA, member.id, { kind: 'discipline', date: addDays(today, -30), form: 'reprimand' });
    expect(back.statusCode).toBe(422);
    const confirmed = await record(clerkA, member.id, { kind: 'discipline', date: addDays(today, -30), form: 'reprimand' }, true);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['record_opened', 'discipline', 'exempted']);
  });
});

describe('search and scope', () => {
  it('finds members without accents, by card number, in Vietnamese order', async () => {
    await buildMember(t.database.db, cellA, { fullName: 'Trần Thị Ánh' });
    await buildMember(t.database.db, cellA, { fullName: 'Ngô Văn Anh' });
    const byName = (await staff.request('GET', '/api/members?q=anh')).json().items.map((m: { fullName: string }) => m.fullName);
    expect(byName.slice(0, 2)).toEqual(['Ngô Văn Anh', 'Trần Thị Ánh']);
    const accentless = (await staff.request('GET', '/api/members?q=tran thi anh')).json();
    expect(accentless.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Trần Thị Ánh']);
    // Family and given name without the middle name, as officials often type it.
    const noMiddle = (await staff.request('GET', '/api/members?q=Trần Ánh')).json();
    expect(noMiddle.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Trần Thị Ánh']);
  });

  it('shows a clerk only the members of their cell', async () => {
    const foreign = await buildMember(t.database.db, otherProvinceCell, { fullName: 'Hoàng Văn Khánh' });
    const list = (await clerkB.request('GET', '/api/members?status=full')).json();
    expect(list.items.every((m: { cell: { id: string } }) => m.cell.id === cellB.id)).toBe(true);
    expect((await staff.request('GET', `/api/members/${foreign.id}`)).statusCode).toBe(404);
    expect((await staff.request('GET', '/api/members?q=hoang van khanh')).json().total).toBe(0);
  });

  it('counts matches up to a limit and says when more match', async () => {
    const db = t.database.db;
    for (const given of ['Bình', 'Cường', 'Dũng']) await buildMember(db, cellB, { fullName: `Kiều Văn ${given}` });
    const exact = (await staff.request('GET', '/api/members?q=kieu van')).json();
    expect(exact).toMatchObject({ total: 3, totalCapped: false });
    const query = memberListQuery.parse({ q: 'kieu van' });
    expect(await repo.listMembers(db, [''], query, null, false, today, 3)).toMatchObject({ total: 3, totalCapped: false });
    const capped = await repo.listMembers(db, [''], query, null, false, today, 2);
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    expect(capped.items).toHaveLength(3);
  });
});
