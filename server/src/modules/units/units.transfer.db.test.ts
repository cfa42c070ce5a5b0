import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

let t: TestApp;
let root: BuiltUnit;
let province: BuiltUnit;
let admin: Agent;
let token = '';

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Trung ương', kind: 'root', code: 'TW', validFrom: '1930-02-03' });
  province = await buildUnit(t.database.db, { parent: root, name: 'Đảng bộ tỉnh Lâm Đồng', kind: 'province', code: '68' });
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
  token = admin.token;
});
afterAll(() => t.close());

function upload(body: Buffer, format: 'csv' | 'xlsx', dryRun: boolean) {
  return t.app.inject({
    method: 'POST',
    url: `/api/units/import?format=${format}&dryRun=${dryRun}&documentNumber=${encodeURIComponent('12-QĐ/TU')}`,
    cookies: { tcxd_session: token },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    payload: body,
  });
}

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const header = 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến';

describe('structure import and export', () => {
  it('reports every error by row and column and writes nothing', async () => {
    const count = async () => Number((await t.database.db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await upload(
      csv([header, '68.X1,Đảng bộ xã Lạc Dương,grassroots_committee,68,01/01/2022,', '68.X1,Trùng mã,grassroots_committee,68,01/01/2022,', ',Thiếu mã,cell,68.X1,2022-01-01,', '68.X2,Sai loại,tỉnh ủy xã,68,2022-13-01,', '68.X3,Mồ côi,cell,KHONG-CO,01/01/2022,']),
      'csv',
      false,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:Mã đơn vị',
      '4:Mã đơn vị',
      '5:Loại',
      '5:Hiệu lực từ',
      '6:Mã đơn vị cấp trên',
    ]);
    expect(body.errors[3].message).toBe('Ngày "01/13/2022" không hợp lệ (dd/mm/yyyy)');
    expect(body.errors[0].message).toBe('Mã 68.X1 trùng với dòng 2');
    expect(await count()).toBe(before);
  });

  it('dry-runs, then creates all rows in one change (parents after children in the file is fine), and a re-import changes nothing', async () => {
    const file = csv([header, '68.X9.C1,Chi bộ thôn Đa Nhim,Chi bộ trực thuộc,68.X9,01/03/2022,', '68.X9,Đảng bộ xã Đa Nhim,Đảng bộ cơ sở,68,01/03/2022,']);
    const dry = (await upload(file, 'csv', true)).json();
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 2, errors: [] });
    expect(await t.database.db.selectFrom('org_unit').select('id').where('code', '=', '68.X9').executeTakeFirst()).toBeUndefined();
    expect((await upload(file, 'csv', false)).json()).toMatchObject({ ok: true, created: 2 });
    const cell = await t.database.db.selectFrom('org_unit').select(['path', 'kind']).where('code', '=', '68.X9.C1').executeTakeFirstOrThrow();
    expect(cell.kind).toBe('cell');
    expect(cell.path.startsWith(`${province.path}.`)).toBe(true);
    expect((await upload(file, 'csv', false)).json()).toMatchObject({ ok: true, created: 0, unchanged: 2 });
  });

  it('refuses a non-UTF-8 CSV clearly', async () => {
    const latin = Buffer.from([...Buffer.from('Mã,Tên\n', 'utf8'), 0x48, 0xe0, 0x20, 0x47, 0x69, 0x61, 0x6e, 0x67, 0x0a]);
    const res = (await upload(latin, 'csv', true)).json();
    expect(res.errors[0].message).toContain('không phải mã UTF-8');
  });

  it('exports a subtree as Excel, guards against formula injection, and the file imports back', async () => {
    await t.database.db.updateTable('org_unit').set({ name: '=HYPERLINK("x")' }).where('code', '=', '68.X9.C1').execute();
    await t.database.db.updateTable('org_unit_version').set({ name: '=HYPERLINK("x")' }).where('unit_id', '=', (await t.database.db.selectFrom('org_unit').select('id').where('code', '=', '68.X9.C1').executeTakeFirstOrThrow()).id).execute();
    const res = await admin.request('GET', `/api/units/export?rootId=${province.id}&format=xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (r: number) => (sheet?.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến']);
    expect(values(2).slice(0, 4)).toEqual(['68', 'Đảng bộ tỉnh Lâm Đồng', 'province', 'TW']);
    const flat = [2, 3, 4].map(values).flat().map(String);
    expect(flat).toContain(`'=HYPERLINK("x")`);
    expect(sheet?.getRow(4).getCell(2).formula).toBeUndefined();
    const again = await upload(Buffer.from(res.rawPayload), 'xlsx', true);
    expect(again.json()).toMatchObject({ ok: true, created: 0 });
  });
});
