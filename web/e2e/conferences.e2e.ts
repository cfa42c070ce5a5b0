import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom, changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let clerk: Page;

/** Today in Việt Nam plus some days, as the date pickers show it (dd/mm/yyyy). */
function vnDatePlus(days: number): string {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const figure = (page: Page, title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
  // The organisation-board clerk of two provinces, who checks in both their points.
  const unitOf = async (code: string) => (await apiFrom<{ id: string; code: string }[]>(admin, 'GET', `/api/units/search?q=${code}`)).find((u) => u.code === code)?.id;
  const hanoi = await unitOf('01');
  const haiphong = await unitOf('31');
  expect(hanoi && haiphong).toBeTruthy();
  const created = await apiFrom<{ temporaryPassword: string }>(admin, 'POST', '/api/users', { username: 'bantochuc.hn.hp', fullName: 'Trần Văn Điểm Cầu', grants: [{ role: 'clerk', unitId: hanoi }, { role: 'clerk', unitId: haiphong }] });
  clerk = await openPage(browser);
  await clerk.goto(`${server.baseUrl}/login`);
  await signIn(clerk, 'bantochuc.hn.hp', created.temporaryPassword);
  await changeTemporaryPassword(clerk, server.baseUrl, created.temporaryPassword, 'Diem-cau-Ha-Noi-2026!');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('briefing conferences in the browser', () => {
  let conferenceUrl = '';

  it('creates the monthly briefing of the current month with the period’s 40 expected units as points', async () => {
    await admin.goto(`${server.baseUrl}/conferences`);
    await admin.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await admin.waitForURL('**/conferences/new');
    const month = `Tháng ${Number(vnDatePlus(0).slice(3, 5))}-${vnDatePlus(0).slice(6)}`;
    // The period briefed on defaults to the current month.
    await admin.locator('.ant-form-item').filter({ hasText: 'Kỳ báo cáo' }).getByText(month, { exact: false }).waitFor();
    await admin.getByLabel('Tên hội nghị').fill(`Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng ${month.toLowerCase()}`);
    await admin.getByLabel('Điểm cầu chính').fill('Hội trường Ban Tổ chức Trung ương, Hà Nội');
    await admin.getByLabel('Đường dẫn họp trực tuyến').fill('https://hop.dangcongsan.vn/giao-ban');
    await admin.getByLabel('Đồng chí chủ trì').fill('Nguyễn Văn Chủ Trì');
    await admin.getByRole('button', { name: 'Tạo', exact: true }).click();
    await admin.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    conferenceUrl = admin.url();
    await admin.getByText('Đang cập nhật trực tiếp').waitFor();
    expect(await figure(admin, 'Đã kết nối').innerText()).toBe('0/40');
  });

  it('shows two points checking in from a second browser without reloading', async () => {
    await clerk.goto(conferenceUrl);
    await clerk.getByText('Đang cập nhật trực tiếp').waitFor();
    const rows = clerk.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    for (const name of ['Hà Nội', 'Hải Phòng']) {
      const row = clerk.locator('tr.ant-table-row').filter({ hasText: name });
      await row.getByRole('button', { name: 'Kết nối' }).click();
      await row.getByText('Đã kết nối').waitFor();
    }
    // The host's page was never reloaded: the board moved by the pushed events.
    await expect.poll(() => figure(admin, 'Đã kết nối').innerText(), { timeout: 10_000 }).toBe('2/40');
    await admin.locator('tr.ant-table-row').filter({ hasText: 'Hà Nội' }).getByText('Đã kết nối').waitFor();
    await admin.locator('tr.ant-table-row').filter({ hasText: 'Hải Phòng' }).getByText('Đã kết nối').waitFor();
    expect(admin.url()).toBe(conferenceUrl);
  });

  it('removes a point not yet connected and adds it back before the conclusion', async () => {
    const row = admin.locator('tr.ant-table-row').filter({ hasText: 'Chưa kết nối' }).first();
    const name = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: `Bớt điểm cầu ${name}`, exact: true }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: 'Bớt điểm cầu', exact: true }).click();
    await expect.poll(() => figure(admin, 'Đã kết nối').innerText(), { timeout: 10_000 }).toBe('2/39');
    expect(await admin.locator('tr.ant-table-row').filter({ hasText: name }).count()).toBe(0);
    await admin.locator('.ant-select').filter({ hasText: 'Chọn đơn vị để thêm điểm cầu' }).click();
    await admin.keyboard.type(name.slice(0, 12));
    await admin.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    // The multiple select keeps its list open after a pick; close it so it covers nothing below.
    await admin.keyboard.press('Escape');
    await admin.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Thêm điểm cầu', exact: true }).click();
    await expect.poll(() => figure(admin, 'Đã kết nối').innerText(), { timeout: 10_000 }).toBe('2/40');
    await admin.locator('tr.ant-table-row').filter({ hasText: name }).first().waitFor();
  }, 120_000);

  it('records the conclusion, turns it into tasks and downloads the conclusion notice', async () => {
    const items = [
      { text: 'Hoàn thành kiểm điểm, đánh giá, xếp loại Ban Thường vụ năm 2026', unit: 'Hà Nội', due: vnDatePlus(30) },
      { text: 'Xây dựng cơ sở dữ liệu đảng viên, cập nhật đầy đủ thông tin sau sắp xếp', unit: 'Hải Phòng', due: vnDatePlus(45) },
    ];
    await admin.getByLabel('Ý kiến kết luận').fill('Hội nghị thống nhất các nhiệm vụ trọng tâm tháng tới.');
    for (const [i, item] of items.entries()) {
      if (i > 0) await admin.getByRole('button', { name: 'Thêm nội dung kết luận' }).click();
      await admin.getByLabel(`Nội dung kết luận ${i + 1}`).fill(item.text);
      await admin.getByLabel(`Đơn vị chủ trì thực hiện ${i + 1}`).fill(item.unit);
      await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: item.unit }).first().click();
      await admin.getByLabel(`Thời hạn ${i + 1}`).fill(item.due);
      await admin.getByLabel(`Thời hạn ${i + 1}`).press('Enter');
      // The date panel closes with an animation; a click during it only dismisses the panel.
      await expect.poll(() => admin.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    }
    await admin.getByRole('button', { name: 'Lưu kết luận' }).click();
    // Saved: the stored items appear in the conclusion table (a refusal would show its message instead).
    const saved = admin.getByRole('cell', { name: items[1]?.text ?? '' });
    await saved.or(admin.locator('.ant-alert-error, .ant-form-item-explain-error')).first().waitFor();
    expect(await admin.locator('.ant-alert-error, .ant-form-item-explain-error').allInnerTexts()).toEqual([]);
    await saved.waitFor();
    await admin.getByRole('button', { name: 'Giao thành nhiệm vụ' }).click();
    await admin.getByText('Đã giao 2 nhiệm vụ').first().waitFor();
    await expect.poll(() => admin.getByRole('link', { name: 'Xem nhiệm vụ' }).count()).toBe(2);

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Thông báo kết luận (Word)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^thong-bao-ket-luan-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml'] ?? new Uint8Array());
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    for (const item of items) {
      expect(text).toContain(item.text);
      expect(text).toContain(item.due);
    }
    expect(text).toContain('kết nối 2/40 điểm cầu');
    expect(text).toContain('Nguyễn Văn Chủ Trì');
  });
});
