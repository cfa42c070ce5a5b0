import type { MemberImportJob } from '@tcxd/contract';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { firstSheetRows, loadWorkbook } from '../../../test/workbook.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { systemContext } from '../../platform/context.ts';
import { ensureRootUnit } from '../units/units.service.ts';
import { importsSettled } from './members.import-jobs.ts';

let t: TestApp;
let province: BuiltUnit;
let cellA: BuiltUnit;
let endedCell: BuiltUnit;
let staff: Agent;
let viewer: Agent;

const header = 'Họ và tên,Giới tính,Ngày sinh,Dân tộc,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Số định danh cá nhân,Mã chi bộ';
const line = (name: string, card: string, cell: string, over: { birth?: string; citizen?: string; sex?: string } = {}) =>
  `${name},${over.sex ?? 'Nam'},${over.birth ?? '12/04/1985'},Kinh,03/02/2010,03/02/2011,${card},${over.citizen ?? ''},${cell}`;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = t.database.db;
  const rootId = await ensureRootUnit(db, systemContext('test'));
  const root = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('id', '=', rootId).executeTakeFirstOrThrow();
  province = await buildUnit(db, { parent: root, kind: 'province', name: 'Đảng bộ tỉnh Ninh Bình' });
  cellA = await buildUnit(db, { parent: province, name: 'Chi bộ thôn Yên Thành', code: 'NB-CB-01' });
  await buildUnit(db, { parent: province, name: 'Chi bộ thôn Đông Hội', code: 'NB-CB-02' });
  endedCell = await buildUnit(db, { parent: province, name: 'Chi bộ thôn cũ', code: 'NB-CB-09' });
  await db.updateTable('org_unit').set({ valid_to: '2025-07-01' }).where('id', '=', endedCell.id).execute();
  const other = await buildUnit(db, { parent: root, kind: 'province', name: 'Đảng bộ tỉnh Thanh Hóa' });
  await buildUnit(db, { parent: other, name: 'Chi bộ thôn Hoằng Hóa', code: 'TH-CB-01' });
  const sign = async (role: 'staff' | 'viewer') => {
    const user = await buildUser(db, [{ role, unit: province }]);
    return signIn(t.app, user.username, user.password);
  };
  staff = await sign('staff');
  viewer = await sign('viewer');
}, 120_000);
afterAll(() => t.close());

async function upload(agent: Agent, body: string | Buffer, format: 'csv' | 'xlsx', dryRun: boolean) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/members/imports?format=${format}&dryRun=${String(dryRun)}&fileName=so-dang-vien.${format}`,
    cookies: { tcxd_session: agent.token },
    headers: { 'x-csrf-token': agent.csrfToken, 'content-type': format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    payload: body,
  });
  return res;
}

/** Uploads, waits for the background job and answers its final state. */
async function runImport(agent: Agent, body: string | Buffer, format: 'csv' | 'xlsx' = 'csv', dryRun = false): Promise<MemberImportJob> {
  const res = await upload(agent, body, format, dryRun);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json<MemberImportJob>();
  await importsSettled();
  const done = await agent.request('GET', `/api/members/imports/${started.id}`);
  expect(done.statusCode).toBe(200);
  return done.json<MemberImportJob>();
}

async function memberCount(): Promise<number> {
  const row = await t.database.db.selectFrom('party_member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function readReport(agent: Agent, jobId: string): Promise<string[][]> {
  const res = await agent.request('GET', `/api/members/imports/${jobId}/report`);
  expect(res.statusCode).toBe(200);
  return firstSheetRows(await loadWorkbook(res.rawPayload)).map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
}

describe('member import', () => {
  const good = [line('Trần Văn Bình', '10000001', 'NB-CB-01'), line('Lê Thị Hoa', '10000002', 'NB-CB-02', { sex: 'Nữ' }), line('Phạm Đức Long', '10000003', 'NB-CB-01')];

  it('a dry run reports every bad row by row and column, writes nothing, and offers the report with an error column', async () => {
    const before = await memberCount();
    const file = [header, good[0], line('Ngô Văn Sai', '123', 'NB-CB-01', { birth: '31/02/1990' }), good[1], line('Đỗ Văn Lạ', '10000009', 'TH-CB-01')].join('\n');
    const job = await runImport(staff, file, 'csv', true);
    expect(job.status).toBe('done');
    expect(job.fileName).toBe('so-dang-vien.csv');
    expect(job.result?.ok).toBe(false);
    expect(job.result?.rows).toBe(4);
    const errors = job.result?.errors ?? [];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Ngày sinh' }),
        expect.objectContaining({ row: 3, column: 'Số thẻ đảng viên' }),
        expect.objectContaining({ row: 5, column: 'Mã chi bộ', message: expect.stringContaining('TH-CB-01') }),
      ]),
    );
    expect(await memberCount()).toBe(before);
    const report = await readReport(staff, job.id);
    expect(report[0]?.slice(0, 3)).toEqual(['Lỗi', 'Dòng gốc', 'Họ và tên']);
    expect(report).toHaveLength(3);
    expect(report[1]?.[1]).toBe('3');
    expect(report[1]?.[0]).toContain('Ngày sinh');
    expect(report[2]?.[2]).toBe('Đỗ Văn Lạ');
  });

  it('a real run with a bad row writes nothing at all', async () => {
    const before = await memberCount();
    const job = await runImport(staff, [header, ...good, line('Vũ Văn Thiếu', '10000004', '')].join('\n'));
    expect(job.result).toMatchObject({ ok: false, created: 0, dryRun: false });
    expect(job.result?.errors).toEqual([expect.objectContaining({ row: 5, column: 'Mã chi bộ', message: 'Chưa nhập mã chi bộ' })]);
    expect(await memberCount()).toBe(before);
  });

  it('imports a clean file in one audited step; importing it again changes nothing', async () => {
    const before = await memberCount();
    const file = [header, ...good].join('\r\n');
    const first = await runImport(staff, file);
    expect(first.result).toMatchObject({ ok: true, created: 3, unchanged: 0, errorCount: 0 });
    expect(await memberCount()).toBe(before + 3);
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'member.import').execute();
    expect(audit.at(-1)?.after).toMatchObject({ created: 3, rows: 3 });
    const list = (await staff.request('GET', '/api/members?q=tran van binh')).json<{ items: { fullName: string; cell: { id: string } }[] }>();
    expect(list.items.map((m) => m.fullName)).toEqual(['Trần Văn Bình']);
    expect(list.items[0]?.cell.id).toBe(cellA.id);

    const again = await runImport(staff, file);
    expect(again.result).toMatchObject({ ok: true, created: 0, unchanged: 3 });
    expect(await memberCount()).toBe(before + 3);
  });

  it('reports duplicates inside the file and against the registry', async () => {
    const file = [header, line('Hồ Văn Nam', '10000020', 'NB-CB-01'), line('Hồ Văn Bắc', '10000020', 'NB-CB-02'), line('Khác Người', '10000001', 'NB-CB-02', { birth: '01/01/1970' })].join('\n');
    const job = await runImport(staff, file, 'csv', true);
    expect(job.result?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Số thẻ đảng viên', message: expect.stringContaining('trùng với dòng 2') }),
        expect.objectContaining({ row: 4, column: 'Số thẻ đảng viên', message: expect.stringContaining('đã cấp cho một đảng viên khác') }),
      ]),
    );
  });

  it('refuses a cell that has ended and a viewer without the right to write', async () => {
    const job = await runImport(staff, [header, line('Bùi Văn Cũ', '10000030', 'NB-CB-09')].join('\n'), 'csv', true);
    expect(job.result?.errors[0]?.message).toContain('không còn hoạt động');
    const res = await upload(viewer, [header, good[0]].join('\n'), 'csv', true);
    expect(res.statusCode).toBe(403);
  });

  it('never evaluates formulas in an Excel file and names the cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sổ');
    sheet.addRow(header.split(','));
    sheet.addRow(['Đinh Văn Công', 'Nam', '12/04/1985', 'Kinh', '03/02/2010', '03/02/2011', '10000040', '', 'NB-CB-01']);
    sheet.addRow([{ formula: 'CONCAT("Đinh"," Văn Thức")', result: 'Đinh Văn Thức' }, 'Nam', '12/04/1985', 'Kinh', '03/02/2010', '03/02/2011', '10000041', '', 'NB-CB-01']);
    const job = await runImport(staff, Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', true);
    expect(job.result?.rows).toBe(2);
    expect(job.result?.errors).toEqual([expect.objectContaining({ row: 3, column: 'Họ và tên', message: expect.stringContaining('công thức') })]);
  });

  it('fails a file that is not a sheet with a message, and keeps nothing', async () => {
    const job = await runImport(staff, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)]), 'csv', true);
    expect(job.status).toBe('failed');
    expect(job.result).toBeNull();
    expect(job.failure).toBeTruthy();
  });

  it('exports a filtered list in the import layout, and the export imports back unchanged', async () => {
    const res = await staff.request('GET', `/api/members/export?unitId=${cellA.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('danh-sach-dang-vien.xlsx');
    const job = await runImport(staff, res.rawPayload, 'xlsx', false);
    expect(job.result).toMatchObject({ ok: true, created: 0, unchanged: 2 });
    const register = await staff.request('GET', `/api/members/export?unitId=${cellA.id}&layout=register`);
    const headers = firstSheetRows(await loadWorkbook(register.rawPayload))[0];
    expect(headers).toContain('Số thẻ đảng viên');
    expect(headers).not.toContain('Số định danh cá nhân');
  });

  it('exports the statistics as a workbook with the figures', async () => {
    const res = await staff.request('GET', `/api/members/stats/export?unitId=${province.id}`);
    expect(res.statusCode).toBe(200);
    const rows = firstSheetRows(await loadWorkbook(res.rawPayload));
    expect(rows).toContainEqual(['Tổng số', 'Tổng số đảng viên', 3]);
    expect(rows).toContainEqual(['Theo giới tính', 'Nữ', 1]);
  });

  it("shows a job only to the user who started it", async () => {
    const job = await runImport(staff, [header, good[0]].join('\n'), 'csv', true);
    expect((await viewer.request('GET', `/api/members/imports/${job.id}`)).statusCode).toBe(404);
    expect((await viewer.request('GET', `/api/members/imports/${job.id}/report`)).statusCode).toBe(404);
  });
});
