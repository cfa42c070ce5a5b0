import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays } from '../../rules/reports/report-periods.ts';
import { monthlyDefinitionV2 } from '../../seed/demo-report-template.ts';

const run = promisify(execFile);
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

let t: TestApp;
let centre: Agent;
let units: BuiltUnit[];
let periodId = '';
const today = todayVn();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const root = await buildUnit(db, { name: 'Trung ương (thử văn bản)', kind: 'root' });
  units = [];
  for (const name of ['Đảng bộ tỉnh Hà Giang', 'Đảng bộ tỉnh Tuyên Quang', 'Đảng bộ tỉnh Cao Bằng', 'Đảng bộ tỉnh Bắc Kạn']) units.push(await buildUnit(db, { parent: root, name, kind: 'province' }));
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  const template = await centre.request('POST', '/api/reports/templates', { ownerUnitId: root.id, code: `VB-${root.code}`, name: 'Báo cáo tháng', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2020-01-01', definition: monthlyDefinitionV2 });
  const period = await centre.request('POST', '/api/reports/periods', { templateId: template.json<{ id: string }>().id, kind: 'ad_hoc', label: 'Tháng 11-2026', startsOn: addDays(today, -30), endsOn: addDays(today, -1), opensOn: addDays(today, -10), dueOn: addDays(today, 5), locksOn: addDays(today, 10) });
  periodId = period.json<{ id: string }>().id;
  for (const [i, unit] of units.slice(0, 3).entries()) {
    const draft = (await centre.request('POST', `/api/reports/periods/${periodId}/submissions`, { unitId: unit.id })).json<{ id: string; version: number }>();
    const saved = await centre.request('PUT', `/api/reports/submissions/${draft.id}`, { version: draft.version, values: { 'admitted.commune': 10 * (i + 1), 'admitted.enterprise': 2, removed: i, rollout_rate: 90 }, narrative: { results: `Kết quả nổi bật của ${unit.name}`, next_tasks: 'Chuẩn bị đại hội' } });
    await centre.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: saved.json<{ version: number }>().version });
  }
});
afterAll(() => t.close());

describe('consolidated report', () => {
  it('is a Party-format Word document with the totals, the narrative by section, the missing units and the signature', async () => {
    const res = await centre.request('GET', `/api/reports/periods/${periodId}/consolidated.docx?narrative=by_section&number=125-BC%2FBTCTW&signerName=Nguy%E1%BB%85n%20V%C4%83n%20A`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] ?? new Uint8Array());
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN TỔ CHỨC TRUNG ƯƠNG', 'Số 125-BC/BTCTW', 'BÁO CÁO', '3/4 đơn vị đã gửi báo cáo', 'Kết quả nổi bật của Đảng bộ tỉnh Tuyên Quang', 'ĐƠN VỊ CHƯA BÁO CÁO (1)', 'Đảng bộ tỉnh Bắc Kạn', 'Nguyễn Văn A', 'Nơi nhận']) expect(text).toContain(expected);
    // 10 + 20 + 30 by commune, 2 each by enterprise.
    expect(text).toContain('66');
  });

  it('opens in LibreOffice: converted to PDF, the text is there', async (context) => {
    if (!soffice) {
      console.warn('LibreOffice (soffice) is not installed: the PDF conversion check is skipped');
      context.skip();
      return;
    }
    const res = await centre.request('GET', `/api/reports/periods/${periodId}/consolidated.docx?narrative=per_unit`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-report-'));
    const file = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(file, res.rawPayload);
    await run(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    const pdf = path.join(dir, 'bao-cao.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.statSync(pdf).size).toBeGreaterThan(5_000);
    // The text as LibreOffice reads the document (no PDF text extractor is assumed on the machine).
    await run(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { timeout: 120_000 });
    const text = fs.readFileSync(path.join(dir, 'bao-cao.txt'), 'utf8');
    for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đảng bộ tỉnh Cao Bằng', 'Kết quả nổi bật của Đảng bộ tỉnh Hà Giang', 'Nơi nhận']) expect(text).toContain(expected);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 150_000);

  it('comes with an Excel workbook of every indicator by unit', async () => {
    const res = await centre.request('GET', `/api/reports/periods/${periodId}/indicators.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values ?? []) as unknown[];
    expect(header).toContain('Kết nạp đảng viên mới — Doanh nghiệp');
    const rows = [2, 3, 4, 5].map((n) => (sheet?.getRow(n).values ?? []) as unknown[]);
    const bacKan = rows.find((r) => r.includes('Đảng bộ tỉnh Bắc Kạn'));
    expect(bacKan).toContain('Chưa báo cáo');
    const caoBang = rows.find((r) => r.includes('Đảng bộ tỉnh Cao Bằng'));
    expect(caoBang).toContain(32);
  });
});
