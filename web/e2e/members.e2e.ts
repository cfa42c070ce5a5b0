import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
/** The administrator's password once startAdminSession has changed it. */
const adminPassword = 'Quan-tri-vien-2026!';

/**
 * The users are in Việt Nam, and the server's "today" is Việt Nam's: the browser runs in
 * that time zone, so that the dates the pages propose agree with the server at any hour.
 */
const timezoneId = 'Asia/Ho_Chi_Minh';
const vietnamNow = () => new Date(Date.now() + 7 * 3_600_000);
const todayIso = vietnamNow().toISOString().slice(0, 10);
/** A date some days back, as a register writes it (dd/mm/yyyy). */
const daysAgo = (days: number) => {
  const [year, month, day] = new Date(vietnamNow().getTime() - days * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
};

interface Cell {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/** The cell the file imports into and the cell the member moves to (real ones, asked of the API). */
let home: Cell;
let target: Cell;
/** Members of the home cell before the import. */
let homeCountBefore: number;

beforeAll(async () => {
  const session = await startAdminSession();
  ({ server, browser } = session);
  await session.admin.context().close();
  admin = await (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', timezoneId })).newPage();
  admin.setDefaultTimeout(20_000);
  await admin.goto(`${server.baseUrl}/login`);
  await signIn(admin, 'admin', adminPassword);
  await admin.waitForURL(`${server.baseUrl}/`);
  const response = await admin.request.get(`${server.baseUrl}/api/units/search`, { params: { kind: 'cell', asOf: todayIso, limit: 50 } });
  expect(response.status()).toBe(200);
  const cells = (await response.json()) as Cell[];
  // Two cells whose names no other cell of the answer shares, so that a name on the page points at one cell.
  const unique = cells.filter((c) => cells.filter((o) => o.name === c.name).length === 1);
  expect(unique.length).toBeGreaterThanOrEqual(2);
  [home, target] = unique as [Cell, Cell];
  const members = await admin.request.get(`${server.baseUrl}/api/members`, { params: { unitId: home.id, pageSize: 20 } });
  homeCountBefore = ((await members.json()) as { total: number }).total;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const header = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Mã chi bộ'];

/** The imported members: the second has a date that does not exist, the third a card number too short. */
function importRows(fixed: boolean): string[][] {
  return [
    ['Trần Thị Thu Huyền', 'Nữ', '12/03/1988', 'Kinh', '15/05/2015', '15/05/2016', '98765431', home.code],
    ['Lê Văn Khải Hoàn', 'Nam', fixed ? '28/02/1990' : '31/02/1990', 'Kinh', '02/09/2018', '02/09/2019', '98765432', home.code],
    ['Phạm Minh Quốc Bảo', 'Nam', '07/11/1985', 'Tày', '19/05/2012', '19/05/2013', fixed ? '98765433' : '1234', home.code],
    ['Nguyễn Thị Hồng Nhung', 'Nữ', '25/12/1995', 'Kinh', daysAgo(100), '', '', home.code],
  ];
}
const importedNames = ['Trần Thị Thu Huyền', 'Lê Văn Khải Hoàn', 'Phạm Minh Quốc Bảo', 'Nguyễn Thị Hồng Nhung'];

/** A register sheet as Excel: the header row then the rows, every cell as text (as clerks type them). */
async function workbookOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách đảng viên');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row.map((v) => (v === '' ? null : v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens a page of the side menu's "Đảng viên" group. */
async function openMenu(page: Page, item: 'Danh sách' | 'Đến hạn xử lý' | 'Thống kê'): Promise<void> {
  await page.getByRole('menuitem', { name: item }).click();
}

/** Chooses a unit in a search-select: types its code, picks the option "name (code)". */
async function chooseUnit(page: Page, select: Locator, unit: Cell): Promise<void> {
  await select.click();
  await page.keyboard.type(unit.code);
  await page.locator('.ant-select-item-option', { hasText: `${unit.name} (${unit.code})` }).click();
}

/** The value shown beside a label of the member's summary card. */
function summaryValue(page: Page, label: string): Locator {
  return page
    .locator('.ant-card')
    .filter({ has: page.getByText('Tình trạng đảng viên', { exact: true }) })
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-descriptions-item-content');
}

/** The members table's rows. */
const memberRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

describe('member registry', () => {
  it('imports an Excel register after a dry run that lists the bad rows and an Excel error report', async () => {
    await openMenu(admin, 'Danh sách');
    await admin.getByRole('heading', { name: 'Đảng viên', exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Nhập đảng viên từ Excel/CSV').waitFor();

    const fileInput = dialog.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'dang-vien.xlsx', mimeType: xlsxType, buffer: await workbookOf(importRows(false)) });
    await dialog.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await dialog.getByText('Tệp có 2 lỗi; hãy sửa tệp rồi kiểm tra lại. Chưa có gì được ghi.').waitFor({ timeout: 60_000 });
    const result = dialog.getByTestId('member-import-result');
    const errors = result.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => errors.count()).toBe(2);
    const cellsOf = async (row: Locator) => (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    const [birth, card] = [await cellsOf(errors.nth(0)), await cellsOf(errors.nth(1))];
    expect(birth.slice(0, 2)).toEqual(['3', 'Ngày sinh']);
    expect(birth[2]).toContain('31/02/1990');
    expect(card.slice(0, 2)).toEqual(['4', 'Số thẻ đảng viên']);
    expect(card[2]).toContain('1234');
    expect(await dialog.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).toBe(true);
    await admin.screenshot({ path: '/tmp/tcxd-members-import-errors.png' });

    // The error report: the uploaded bad rows with a "Lỗi" column first.
    const [download] = await Promise.all([admin.waitForEvent('download'), result.getByRole('button', { name: 'Tải báo cáo lỗi (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(await download.path());
    const sheet = report.worksheets[0];
    expect(sheet).toBeDefined();
    const texts: string[][] = [];
    sheet?.eachRow((row) => texts.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const headerIndex = texts.findIndex((r) => r[0] === 'Lỗi');
    expect(headerIndex).toBeGreaterThanOrEqual(0);
    const reportHeader = texts[headerIndex] ?? [];
    const nameColumn = reportHeader.indexOf('Họ và tên');
    expect(nameColumn).toBeGreaterThan(0);
    const reported = texts.slice(headerIndex + 1).filter((r) => (r[nameColumn] ?? '') !== '');
    expect(reported.map((r) => r[nameColumn])).toEqual(['Lê Văn Khải Hoàn', 'Phạm Minh Quốc Bảo']);
    expect(reported[0]?.[0]).toContain('Ngày sinh');
    expect(reported[0]?.[0]).toContain('31/02/1990');
    expect(reported[1]?.[0]).toContain('Số thẻ đảng viên');
    expect(reported[1]?.[0]).toContain('1234');

    // The corrected file checks clean, then imports.
    await fileInput.setInputFiles({ name: 'dang-vien.xlsx', mimeType: xlsxType, buffer: await workbookOf(importRows(true)) });
    await dialog.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await dialog.getByText('Tệp hợp lệ: 4 dòng, không có lỗi. Nhấn “Nhập” để ghi vào hệ thống.').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await admin.locator('.ant-message-notice', { hasText: 'Đã nhập 4 đảng viên; 0 không thay đổi' }).waitFor({ timeout: 60_000 });
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The home cell's list now holds the four new members.
    await chooseUnit(admin, admin.locator('.ant-select').filter({ hasText: 'Tổ chức đảng (gõ tên để tìm)' }), home);
    await admin.waitForURL(new RegExp(`unitId=${home.id}`));
    await admin.getByText(`Tổng số ${homeCountBefore + 4}`, { exact: true }).waitFor();
    for (const name of importedNames) await memberRows(admin).getByRole('link', { name, exact: true }).waitFor();
  });

  it('finds an imported member typed without accents and opens the record', async () => {
    await admin.getByRole('button', { name: 'Xóa lọc' }).click();
    await admin.waitForURL((url) => !url.search.includes('unitId'));
    await admin.getByLabel('Tìm đảng viên', { exact: true }).fill('tran thi thu huyen');
    await admin.waitForURL(/q=tran\+thi\+thu\+huyen/);
    await admin.getByText('Tổng số 1', { exact: true }).waitFor();
    const row = memberRows(admin).filter({ hasText: 'Trần Thị Thu Huyền' });
    await row.getByRole('link', { name: home.name, exact: true }).waitFor();
    await row.getByRole('link', { name: 'Trần Thị Thu Huyền', exact: true }).click();
    await admin.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: 'Trần Thị Thu Huyền', exact: true }).waitFor();
    await admin.getByText('Số thẻ đảng viên 98765431').waitFor();
    expect(await summaryValue(admin, 'Trạng thái').innerText()).toBe('Đảng viên chính thức');
    await summaryValue(admin, 'Chi bộ đang sinh hoạt').getByRole('link', { name: home.name, exact: true }).waitFor();
  });

  it('transfers the member to another cell: in transit, listed as not arrived, then received there', async () => {
    const memberUrl = admin.url();
    await admin.getByRole('button', { name: 'Ghi nhận biến động' }).click();
    await admin.getByRole('menuitem', { name: 'Chuyển sinh hoạt đảng chính thức đi' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Chuyển sinh hoạt đảng chính thức đi — Trần Thị Thu Huyền').waitFor();
    expect(await dialog.getByLabel('Chi bộ trong hệ thống').isChecked()).toBe(true);
    const toCell = dialog.locator('.ant-form-item').filter({ has: admin.locator('label', { hasText: /^Chi bộ chuyển đến$/ }) });
    await chooseUnit(admin, toCell.locator('.ant-select'), target);
    const transferDate = await dialog.getByLabel('Ngày có hiệu lực', { exact: true }).inputValue();
    expect(transferDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await dialog.getByLabel('Số văn bản quyết định').fill('45-QĐ/ĐU');
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await admin.locator('.ant-message-notice', { hasText: 'Đã ghi nhận: Chuyển sinh hoạt đảng chính thức đi' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    await admin.getByRole('heading', { name: 'Trần Thị Thu Huyền', exact: true }).waitFor();
    await summaryValue(admin, 'Trạng thái').getByText('Đang chuyển sinh hoạt', { exact: true }).waitFor();
    await summaryValue(admin, 'Đang chuyển đến').getByRole('link', { name: target.name, exact: true }).waitFor();
    expect(await summaryValue(admin, 'Chi bộ đang sinh hoạt').innerText()).toBe('Hiện không sinh hoạt tại chi bộ nào');
    await admin.screenshot({ path: '/tmp/tcxd-members-in-transit.png', fullPage: true });

    // "Đến hạn xử lý" lists the transfer as not arrived, from the old cell to the new one, since the transfer's date.
    await openMenu(admin, 'Đến hạn xử lý');
    const transfers = admin.locator('.ant-card').filter({ has: admin.getByText('Chuyển sinh hoạt chưa đến nơi (hạn 30 ngày làm việc)', { exact: true }) });
    const transfer = transfers.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Trần Thị Thu Huyền' });
    await transfer.waitFor();
    await transfer.getByRole('link', { name: home.name, exact: true }).waitFor();
    await transfer.getByRole('link', { name: target.name, exact: true }).waitFor();
    await transfer.getByText(transferDate, { exact: true }).waitFor();
    await transfer.getByText(/^Còn \d+ ngày làm việc$/).waitFor();

    // The arrival, recorded from the record the due list links to (the new cell is proposed).
    await transfer.getByRole('link', { name: 'Trần Thị Thu Huyền', exact: true }).click();
    await admin.waitForURL(memberUrl);
    await admin.getByRole('button', { name: 'Ghi nhận biến động' }).click();
    await admin.getByRole('menuitem', { name: 'Tiếp nhận sinh hoạt đảng chính thức' }).click();
    await dialog.getByText('Tiếp nhận sinh hoạt đảng chính thức — Trần Thị Thu Huyền').waitFor();
    const arrivalCell = dialog.locator('.ant-form-item').filter({ has: admin.locator('label', { hasText: /^Chi bộ tiếp nhận$/ }) });
    await arrivalCell.locator('.ant-select-content', { hasText: target.name }).waitFor();
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await admin.locator('.ant-message-notice', { hasText: 'Đã ghi nhận: Tiếp nhận sinh hoạt đảng chính thức' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    await summaryValue(admin, 'Chi bộ đang sinh hoạt').getByRole('link', { name: target.name, exact: true }).waitFor();
    expect(await summaryValue(admin, 'Chi bộ đang sinh hoạt').getByRole('link').getAttribute('href')).toBe(`/units/${target.id}`);
    expect(await summaryValue(admin, 'Trạng thái').innerText()).toBe('Đảng viên chính thức');
    expect(await summaryValue(admin, 'Đang chuyển đến').count()).toBe(0);
    const history = admin.getByTestId('member-event');
    const left = history.filter({ has: admin.getByText(`Chuyển sinh hoạt đảng chính thức đến ${target.name}`, { exact: true }) });
    await left.locator('.ant-tag', { hasText: '45-QĐ/ĐU' }).waitFor();
    await history.getByText(`Đến sinh hoạt tại ${target.name}`, { exact: true }).waitFor();
    await admin.screenshot({ path: '/tmp/tcxd-members-arrived.png', fullPage: true });

    // No longer due.
    const dueAnswer = admin.waitForResponse((r) => new URL(r.url()).pathname === '/api/members/due' && r.ok());
    await openMenu(admin, 'Đến hạn xử lý');
    const due = (await (await dueAnswer).json()) as { transfers: { member: { fullName: string } }[] };
    expect(due.transfers.map((t) => t.member.fullName)).not.toContain('Trần Thị Thu Huyền');
    await transfers.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await expect.poll(() => transfers.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Trần Thị Thu Huyền' }).count()).toBe(0);
  });

  it('shows the statistics with their charts and exports them to Excel', async () => {
    await openMenu(admin, 'Thống kê');
    await admin.getByRole('heading', { name: 'Thống kê đảng viên', exact: true }).waitFor();
    const total = admin.locator('.ant-statistic').filter({ has: admin.getByText('Tổng số đảng viên', { exact: true }) }).locator('.ant-statistic-content-value');
    await total.waitFor();
    await expect.poll(async () => Number((await total.innerText()).replace(/\D/g, '')), { timeout: 30_000 }).toBeGreaterThan(0);
    // The figure counts the whole scope, as the list does (the demo members and the four imported).
    const listed = await admin.request.get(`${server.baseUrl}/api/members`, { params: { pageSize: 20 } });
    const shownTotal = Number((await total.innerText()).replace(/\D/g, ''));
    expect(shownTotal).toBe(((await listed.json()) as { total: number }).total);

    // ECharts draws each chart (SVG renderer) inside the chart's box.
    const charts = admin.getByTestId('member-chart');
    await charts.first().waitFor();
    const drawn = charts.locator('svg');
    await drawn.first().waitFor({ state: 'visible', timeout: 30_000 });
    const box = await drawn.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await charts.first().locator('svg path, svg rect').count()).toBeGreaterThan(0);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: '/tmp/tcxd-members-stats.png', fullPage: true });

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push(Array.isArray(row.values) ? row.values.slice(1) : []));
    expect(rows.find((r) => r[1] === 'Tổng số đảng viên')?.[2]).toBe(shownTotal);
  });
});
