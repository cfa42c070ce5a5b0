import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;

/** Today as the browser shows it (dd/mm/yyyy) and as the API takes it (yyyy-mm-dd). */
const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
const todayShown = `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Types a date into an antd DatePicker found by its label and confirms it. */
async function pickDate(page: Page, label: string, shown: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(shown);
  await input.press('Enter');
}

/** The tree nodes shown (each unit's title carries this class). */
const treeTitles = (page: Page) => page.locator('.ant-tree .tcxd-unit-title');

/** Opens a unit's page from the search box of the structure page. */
async function openFromSearch(page: Page, query: string, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
  await page.getByPlaceholder('Tên hoặc mã đơn vị (có dấu hoặc không dấu)').fill(query);
  await page.locator('.tcxd-search-result').getByRole('link', { name, exact: true }).click();
  await page.waitForURL(/\/units\/[0-9a-f-]{36}/);
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Chooses a unit in the search-select of a form item with this label. */
async function chooseUnit(page: Page, scope: ReturnType<Page['locator']>, label: string, query: string, option: string): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) }).last();
  await item.locator('.ant-select').click();
  await page.keyboard.type(query);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('organisation registry', () => {
  it('shows the structure on a chosen date: 67 units under the Centre on 01/01/2024, 40 today', async () => {
    await admin.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    const root = treeTitles(admin).filter({ hasText: 'Ban Chấp hành Trung ương Đảng' });
    await root.getByText('(40)').waitFor();

    await pickDate(admin, 'Xem theo ngày', '01/01/2024');
    await admin.waitForURL(/asOf=2024-01-01/);
    await root.getByText('(67)').waitFor();
    await treeTitles(admin).filter({ hasText: 'Đảng bộ tỉnh Hà Giang' }).waitFor();
    await treeTitles(admin).filter({ hasText: 'Đảng bộ Khối các cơ quan Trung ương' }).waitFor();
    expect(await treeTitles(admin).count()).toBe(1 + 67);

    await pickDate(admin, 'Xem theo ngày', todayShown);
    await root.getByText('(40)').waitFor();
    await treeTitles(admin).filter({ hasText: 'Đảng bộ Chính phủ' }).waitFor();
    expect(await treeTitles(admin).count()).toBe(1 + 40);
    expect(await treeTitles(admin).filter({ hasText: 'Đảng bộ tỉnh Hà Giang' }).count()).toBe(0);

    // Open a province: its children load on demand.
    const quangNinh = admin.locator('.ant-tree-treenode').filter({ has: admin.locator('.tcxd-unit-title', { hasText: 'Đảng bộ tỉnh Quảng Ninh' }) });
    await quangNinh.locator('.ant-tree-switcher').click();
    await expect.poll(() => treeTitles(admin).count()).toBeGreaterThan(41);
    await admin.mouse.move(0, 0);
    await admin.evaluate(() => window.scrollTo(0, 0));
    await admin.screenshot({ path: '/tmp/tcxd-registry-tree.png' });
  });

  it('finds Hà Giang without accents and shows its merger into Tuyên Quang (60-NQ/TW)', async () => {
    await openFromSearch(admin, 'ha giang', 'Đảng bộ tỉnh Hà Giang');
    const banner = admin.getByRole('alert').filter({ hasText: 'Đã sáp nhập vào Đảng bộ tỉnh Tuyên Quang từ 01/07/2025' });
    await banner.waitFor();
    const merger = admin.locator('.tcxd-timeline-event').filter({ hasText: 'Sáp nhập vào Đảng bộ tỉnh Tuyên Quang' });
    await merger.getByText('01/07/2025', { exact: true }).waitFor();
    await merger.locator('.ant-tag', { hasText: '60-NQ/TW' }).waitFor();
    await admin.screenshot({ path: '/tmp/tcxd-registry-unit.png', fullPage: true });

    // The day before the merger, Hà Giang sits under the Centre with its own units.
    await banner.getByRole('link', { name: 'Xem ngày 30/06/2025' }).click();
    await admin.waitForURL(/asOf=2025-06-30/);
    await admin.locator('.ant-breadcrumb').getByRole('link', { name: 'Ban Chấp hành Trung ương Đảng' }).waitFor();
    // No banner of an ended unit (a passing notice, e.g. of the password change, may still show).
    expect(await admin.getByRole('alert').filter({ hasText: /sáp nhập|chấm dứt|giải thể/ }).count()).toBe(0);
    await admin.getByText('Đơn vị trực thuộc (3)').waitFor();

    // The successor's history tells the other side.
    await pickDate(admin, 'Xem theo ngày', todayShown);
    await admin.getByRole('alert').getByRole('link', { name: 'Đảng bộ tỉnh Tuyên Quang' }).click();
    await admin.getByRole('heading', { name: 'Đảng bộ tỉnh Tuyên Quang', exact: true }).waitFor();
    await admin.locator('.tcxd-timeline-event').filter({ hasText: 'Tiếp nhận (sáp nhập) Đảng bộ tỉnh Hà Giang' }).waitFor();
  });

  it('merges Cao Bằng into Lạng Sơn after a preview, and the structure follows', async () => {
    await openFromSearch(admin, 'cao bang', 'Đảng bộ tỉnh Cao Bằng');
    // Since 1-7-2025 there is no district level: the grassroots organisations sit under the province.
    const childrenCard = admin.locator('.ant-card').filter({ hasText: 'Đơn vị trực thuộc (9)' });
    await childrenCard.waitFor();
    const children = (await childrenCard.locator('tbody tr.ant-table-row td:first-child a').allInnerTexts()).map((s) => s.trim());
    expect(children).toHaveLength(9);

    await admin.getByRole('button', { name: 'Sắp xếp tổ chức' }).click();
    await admin.getByRole('menuitem', { name: 'Sáp nhập' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Các đơn vị được sáp nhập').waitFor();
    await dialog.locator('.ant-select-selection-item', { hasText: 'Đảng bộ tỉnh Cao Bằng (04)' }).waitFor();
    await chooseUnit(admin, dialog, 'Đơn vị', 'lang son', 'Đảng bộ tỉnh Lạng Sơn');
    await dialog.getByLabel('Số văn bản').fill('99-NQ/TW');
    await dialog.getByRole('button', { name: 'Xem trước', exact: true }).click();

    const preview = dialog.getByTestId('reorg-preview');
    await preview.getByText(`Sáp nhập Đảng bộ tỉnh Cao Bằng vào Đảng bộ tỉnh Lạng Sơn từ ngày ${todayShown} (99-NQ/TW)`).waitFor();
    const moved = (await preview.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
    expect(moved.sort()).toEqual([...children].sort());
    for (const row of await preview.locator('tbody tr.ant-table-row').all()) {
      expect(await row.locator('td').nth(1).innerText()).toBe('Đảng bộ tỉnh Cao Bằng');
      expect(await row.locator('td').nth(2).innerText()).toBe('Đảng bộ tỉnh Lạng Sơn');
    }
    await admin.screenshot({ path: '/tmp/tcxd-registry-preview.png' });

    await dialog.getByRole('button', { name: 'Thực hiện', exact: true }).click();
    await admin.locator('.ant-message-notice', { hasText: 'Đã thực hiện' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('alert').filter({ hasText: `Đã sáp nhập vào Đảng bộ tỉnh Lạng Sơn từ ${todayShown}` }).waitFor();
    await admin.locator('.tcxd-timeline-event').filter({ hasText: 'Sáp nhập vào Đảng bộ tỉnh Lạng Sơn' }).locator('.ant-tag', { hasText: '99-NQ/TW' }).waitFor();

    // Today's tree: one unit fewer under the Centre; Lạng Sơn has Cao Bằng's units.
    await admin.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await treeTitles(admin).filter({ hasText: 'Ban Chấp hành Trung ương Đảng' }).getByText('(39)').waitFor();
    expect(await treeTitles(admin).filter({ hasText: 'Đảng bộ tỉnh Cao Bằng' }).count()).toBe(0);
    await treeTitles(admin).filter({ hasText: 'Đảng bộ tỉnh Lạng Sơn' }).getByRole('link').click();
    const langSon = admin.locator('.ant-card').filter({ hasText: 'Đơn vị trực thuộc (18)' });
    await langSon.waitFor();
    for (const name of children) await langSon.getByRole('link', { name, exact: true }).waitFor();
  });

  it('exports the structure and imports units after a dry run that lists row errors', async () => {
    await admin.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await treeTitles(admin).first().waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến');

    const header = 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến';
    const bad = `${header}\n22.E2E1,Chi bộ Kiểm thử Một,Chi bộ cơ sở,22,01/01/2026,\n22.E2E2,Chi bộ Kiểm thử Hai,Chi bộ cơ sở,KHONG-CO,01/01/2026,\n`;
    await admin.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'co-cau.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await dialog.getByLabel('Số văn bản').fill('15-QĐ/TU');
    await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await dialog.getByText('Tệp có 1 lỗi').waitFor();
    const errorRow = dialog.locator('tbody tr.ant-table-row').filter({ hasText: 'KHONG-CO' });
    expect(await errorRow.locator('td').nth(0).innerText()).toBe('3');
    expect(await errorRow.locator('td').nth(1).innerText()).toBe('Mã đơn vị cấp trên');
    expect(await dialog.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).toBe(true);

    const good = `${header}\n22.E2E1,Chi bộ Kiểm thử Một,Chi bộ cơ sở,22,01/01/2026,\n`;
    await dialog.locator('input[type=file]').setInputFiles({ name: 'co-cau.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await dialog.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await dialog.getByText('Tệp hợp lệ').waitFor();
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await admin.locator('.ant-message-notice', { hasText: 'Đã nhập 1 đơn vị mới' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    await admin.getByPlaceholder('Tên hoặc mã đơn vị (có dấu hoặc không dấu)').fill('kiem thu mot');
    await admin.locator('.tcxd-search-result').getByRole('link', { name: 'Chi bộ Kiểm thử Một', exact: true }).waitFor();
  });

  it('shows Cụm thi đua số 2 of 2022 with Quảng Ninh as its head', async () => {
    await admin.getByRole('menuitem', { name: 'Cụm, khối thi đua' }).click();
    await pickDate(admin, 'Năm', '2022');
    await admin.waitForURL(/year=2022/);
    const group = admin.getByTestId('emulation-group').filter({ hasText: 'Cụm thi đua số 2' });
    await group.waitFor();
    const head = group.getByRole('row').filter({ hasText: 'Đảng bộ tỉnh Quảng Ninh' });
    await head.getByText('Cụm trưởng', { exact: true }).waitFor();
    expect(await group.getByText('Cụm phó', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    await admin.screenshot({ path: '/tmp/tcxd-registry-emulation.png', fullPage: true });
  });

  it('hides every structure change from a read-only account', async () => {
    const created = await admin.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string; grants: { unitId: string }[] };
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ username: 'chi.xem', fullName: 'Người Chỉ Xem', email: null, locale: 'vi', grants: [{ role: 'viewer', unitId: me.grants[0]?.unitId }] }),
      });
      return (await response.json()) as { temporaryPassword: string };
    });
    const viewer = await openPage(browser);
    await viewer.goto(`${server.baseUrl}/login`);
    await signIn(viewer, 'chi.xem', created.temporaryPassword);
    await changeTemporaryPassword(viewer, server.baseUrl, created.temporaryPassword, 'Chi-xem-thoi-2026');
    await viewer.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await treeTitles(viewer).first().waitFor();
    await viewer.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Sắp xếp tổ chức' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Nhập từ tệp' }).count()).toBe(0);
    await treeTitles(viewer).filter({ hasText: 'Đảng bộ tỉnh Quảng Ninh' }).getByRole('link').click();
    await viewer.getByText('Liên hệ ban tổ chức').waitFor();
    expect(await viewer.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Sắp xếp tổ chức' }).count()).toBe(0);
    await viewer.context().close();
  });
});
