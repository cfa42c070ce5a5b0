import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildMember, buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays, addMonths } from '../../rules/members/index.ts';

// Every lifecycle event through the API, with the state it leads to and the refusals after it.
let t: TestApp;
let cell: BuiltUnit;
let otherCell: BuiltUnit;
let clerk: Agent;
const today = todayVn();

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'silent' });
  const db = t.database.db;
  const province = await buildUnit(db, { name: 'Đảng bộ tỉnh Cao Bằng' });
  cell = await buildUnit(db, { parent: province, name: 'Chi bộ xóm Nà Mạ' });
  otherCell = await buildUnit(db, { parent: province, name: 'Chi bộ xóm Bản Giốc' });
  const user = await buildUser(db, [{ role: 'staff', unit: province }]);
  clerk = await signIn(t.app, user.username, user.password);
}, 120_000);
afterAll(() => t.close());

interface View {
  readonly status: string;
  readonly exempted: boolean;
  readonly rowVersion: number;
  readonly allowedEvents: readonly string[];
  readonly events: readonly { readonly kind: string }[];
}

async function view(id: string): Promise<View> {
  return (await clerk.request('GET', `/api/members/${id}`)).json<View>();
}

async function record(id: string, event: Record<string, unknown>) {
  const current = await view(id);
  return clerk.request('POST', `/api/members/${id}/events`, { event, rowVersion: current.rowVersion });
}

let seq = 0;
/** A member admitted `months` ago in the cell (probationary), through the API. */
async function admitted(months: number): Promise<string> {
  seq += 1;
  const res = await clerk.request('POST', '/api/members', {
    fields: { fullName: `Nông Văn Thử ${String.fromCharCode(64 + seq)}`, sex: 'male', birthDate: '1996-06-0' + String((seq % 9) + 1), ethnicity: 'Tày' },
    opening: { kind: 'admitted', date: addMonths(today, -months), cellId: cell.id, documentNumber: '12-QĐ/ĐU' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('probation', () => {
  it('postpones recognition to a new due date, then recognises', async () => {
    const id = await admitted(13);
    const postponed = await record(id, { kind: 'recognition_postponed', date: addDays(today, -10), newDueDate: addMonths(today, 2), documentNumber: '20-NQ/CB' });
    expect(postponed.statusCode, postponed.body).toBe(200);
    expect(postponed.json()).toMatchObject({ status: 'probationary' });
    const recognised = await record(id, { kind: 'recognised', date: today, documentNumber: '21-QĐ/ĐU' });
    expect(recognised.statusCode, recognised.body).toBe(200);
    expect(recognised.json()).toMatchObject({ status: 'full' });
  });

  it('removes from the rolls when not recognised, and refuses recognition afterwards', async () => {
    const id = await admitted(13);
    const res = await record(id, { kind: 'not_recognised', date: today, documentNumber: '22-QĐ/ĐU' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'removed', allowedEvents: [] });
    expect((await record(id, { kind: 'recognised', date: today })).statusCode).toBe(422);
  });
});

describe('full members', () => {
  it('exempts from work and activities, and ends the exemption', async () => {
    const { id } = await buildMember(t.database.db, cell, { fullName: 'Hoàng Thị Miện' });
    const exempted = await record(id, { kind: 'exempted', date: addDays(today, -5), reason: 'Tuổi cao, sức yếu' });
    expect(exempted.json()).toMatchObject({ status: 'full', exempted: true });
    expect(exempted.json<View>().allowedEvents).toContain('exemption_ended');
    const ended = await record(id, { kind: 'exemption_ended', date: today });
    expect(ended.json()).toMatchObject({ status: 'full', exempted: false });
  });

  it('records a discipline without ending membership; expulsion ends it', async () => {
    const { id } = await buildMember(t.database.db, cell, { fullName: 'Lục Văn Kỷ' });
    const warned = await record(id, { kind: 'discipline', date: addDays(today, -3), form: 'warning', documentNumber: '05-QĐ/UBKT' });
    expect(warned.statusCode, warned.body).toBe(200);
    expect(warned.json()).toMatchObject({ status: 'full' });
    const expelled = await record(id, { kind: 'expelled', date: today, documentNumber: '06-QĐ/UBKT' });
    expect(expelled.json()).toMatchObject({ status: 'expelled', allowedEvents: [] });
    expect((await record(id, { kind: 'exempted', date: today })).statusCode).toBe(422);
  });

  it('records a death as final', async () => {
    const { id } = await buildMember(t.database.db, cell, { fullName: 'Bế Văn Vĩnh' });
    const res = await record(id, { kind: 'died', date: today });
    expect(res.json()).toMatchObject({ status: 'deceased', allowedEvents: [] });
  });

  it('transfers out of the system and back from a temporary host', async () => {
    const { id: leaving } = await buildMember(t.database.db, cell, { fullName: 'Đàm Văn Đi' });
    const out = await record(leaving, { kind: 'transfer_out', date: today, to: { kind: 'outside', destination: 'Đảng bộ Quân sự tỉnh' }, documentNumber: '07-GGT/ĐU' });
    expect(out.json()).toMatchObject({ status: 'transferred_outside' });

    const { id: visiting } = await buildMember(t.database.db, cell, { fullName: 'Đàm Thị Về' });
    await record(visiting, { kind: 'temporary_transfer_out', date: addDays(today, -20), host: { kind: 'cell', cellId: otherCell.id } });
    const back = await record(visiting, { kind: 'temporary_return', date: today });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'full', temporaryAt: null, cell: { id: cell.id } });
  });

  it('refuses a second arrival for someone who is not in transit', async () => {
    const { id } = await buildMember(t.database.db, cell, { fullName: 'Ma Văn Đến' });
    const res = await record(id, { kind: 'transfer_in', date: today, cellId: otherCell.id });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'refused', message: expect.stringMatching(/\S/) });
    expect((await view(id)).events.map((e) => e.kind)).toEqual(['record_opened']);
  });
});
