import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let clerk: Page;

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
  const me = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { grants: { unitId: string }[] };
  const unitId = me.grants[0]?.unitId ?? '';
  const created = await call(admin, 'POST', '/api/users', { username: 'kiem.phieu', fullName: 'Người Kiểm Phiếu', email: null, locale: 'vi', grants: [{ role: 'clerk', unitId }] });
  expect(created.status).toBe(201);
  const password = (created.json as { temporaryPassword: string }).temporaryPassword;
  clerk = await openPage(browser);
  await clerk.goto(`${server.baseUrl}/login`);
  await signIn(clerk, 'kiem.phieu', password);
  await changeTemporaryPassword(clerk, server.baseUrl, password, 'Kiem-phieu-2026!');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Keys one ballot on the entry screen by keyboard only and waits for the next ballot. */
async function keyBallot(page: Page, number: number, keys: readonly string[]): Promise<void> {
  await page.getByTestId('ballot-area').focus();
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.getByTestId('ballot-number').getByText(`Phiếu số ${number + 1}`, { exact: true }).waitFor();
}

/**
 * Ballots 1–6 as on paper, ballot 7 invalid: An high (blank on 6), Bình low on 1–5
 * (5 of 7: 2/3 or more), Cường low on 1–4 (4 of 7: over 1/2, under 2/3).
 */
const paper = (n: number): string[] => (n === 7 ? ['k'] : [n === 6 ? '0' : '1', n <= 5 ? '3' : '2', n <= 4 ? '3' : '1']);

describe('confidence votes in the browser', () => {
  it('sets up a vote, two operators key ballots by keyboard, the head resolves, finalises and downloads the minutes', async () => {
    const me = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { grants: { unitName: string }[] };
    const unitName = me.grants[0]?.unitName ?? '';
    // Reached from the elections area.
    await admin.goto(`${server.baseUrl}/elections`);
    await admin.getByRole('button', { name: 'Lấy phiếu tín nhiệm' }).click();
    await admin.getByRole('button', { name: 'Chuẩn bị lấy phiếu tín nhiệm' }).click();
    await admin.getByLabel('Đơn vị', { exact: true }).fill(unitName.slice(0, 12));
    await admin.locator('.ant-select-item-option').filter({ hasText: unitName }).first().click();
    await admin.getByLabel('Đợt lấy phiếu', { exact: true }).fill('Lấy phiếu tín nhiệm giữa nhiệm kỳ');
    await admin.getByLabel('Người được lấy phiếu, theo thứ tự trên phiếu (mỗi dòng: Họ và tên; chức vụ)', { exact: true })
      .fill('Nguyễn Văn An; Bí thư\nTrần Thị Bình; Phó Bí thư\nLê Văn Cường; Ủy viên Ban Thường vụ');
    await admin.getByLabel('Số được triệu tập', { exact: true }).fill('9');
    await admin.getByLabel('Số có mặt bỏ phiếu', { exact: true }).fill('8');
    await admin.getByLabel('Trưởng Ban kiểm phiếu', { exact: true }).fill('Phạm Thị Dung');
    await admin.getByLabel('Các thành viên khác của Ban kiểm phiếu (mỗi dòng một người, không là người được lấy phiếu)', { exact: true }).fill('Hoàng Văn Em\nVũ Thị Giang');
    await admin.getByLabel('Tài khoản của Trưởng Ban kiểm phiếu', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(admin)' }).first().click();
    await admin.getByLabel('Người nhập phiếu (ít nhất hai)', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(admin)' }).last().click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(kiem.phieu)' }).last().click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: 'Tạo' }).click();
    await admin.waitForURL(/\/elections\/confidence\/[0-9a-f-]{36}$/);
    const voteId = admin.url().split('/').at(-1) ?? '';

    await clerk.goto(`${server.baseUrl}/elections/confidence/${voteId}`);
    for (const page of [admin, clerk]) await page.getByTestId('ballot-area').waitFor();
    // While keying, the screen shows each person's level and says who is left blank.
    await admin.getByTestId('ballot-area').focus();
    await admin.keyboard.press('0');
    await admin.keyboard.press('3');
    expect(await admin.getByTestId('person-2').getAttribute('data-level')).toBe('low');
    await admin.getByTestId('ballot-verdict').getByText('2 người bỏ trống', { exact: false }).waitFor();
    await admin.keyboard.press('Escape');
    for (let n = 1; n <= 7; n += 1) {
      await keyBallot(admin, n, paper(n));
      // The second operator reads Cường's mark on ballot 2 as "tín nhiệm".
      await keyBallot(clerk, n, n === 2 ? ['1', '3', '2'] : paper(n));
    }
    await clerk.getByTestId('ballot-saved').getByText('Khớp với lượt nhập thứ hai').waitFor();
    const discrepancies = (await call(admin, 'GET', `/api/confidence-votes/${voteId}/discrepancies`)).json as { ballotNumber: number; differingPositions: number[] }[];
    expect(discrepancies).toEqual([expect.objectContaining({ ballotNumber: 2, differingPositions: [2] })]);

    // The head sees both readings side by side and takes the first one, with the ground.
    await admin.getByRole('tab', { name: 'Phiếu chênh lệch' }).click();
    const card = admin.getByTestId('discrepancy-2');
    await card.getByRole('button', { name: 'Theo lượt nhập 1' }).waitFor();
    expect(await card.locator('.ant-tag-orange').allInnerTexts()).toEqual(expect.arrayContaining(['3. Tín nhiệm thấp', '3. Tín nhiệm']));
    expect(await card.locator('.ant-tag-orange').filter({ hasText: /^[12]\. / }).count()).toBe(0);
    await card.getByLabel('Căn cứ quyết định (bắt buộc), ví dụ: đối chiếu phiếu gốc').fill('Đối chiếu phiếu gốc');
    await card.getByRole('button', { name: 'Theo lượt nhập 1' }).click();
    await card.getByText('Trưởng ban đã quyết định', { exact: true }).waitFor();
    const entries = (await call(admin, 'GET', `/api/confidence-votes/${voteId}/entries`)).json as { ballotNumber: number; kind: string; ballot: unknown }[];
    expect(entries.filter((e) => e.ballotNumber === 2).map((e) => e.kind)).toEqual(['entry', 'entry', 'resolution']);
    expect(entries.find((e) => e.kind === 'resolution')?.ballot).toEqual({ kind: 'marked', levels: ['high', 'low', 'low'] });

    await admin.getByRole('tab', { name: 'Kết quả' }).click();
    await admin.getByText('Chưa nhập số phiếu phát ra', { exact: false }).waitFor();
    await admin.getByLabel('Số phiếu phát ra', { exact: true }).fill('8');
    await admin.getByLabel('Số phiếu thu vào', { exact: true }).fill('7');
    await admin.getByLabel('Số phiếu không thu về', { exact: true }).fill('1');
    await admin.getByRole('button', { name: 'Lưu số phiếu' }).click();
    await admin.getByText('Chưa nhập số phiếu phát ra', { exact: false }).waitFor({ state: 'detached' });
    await admin.getByText('Đủ 2/3', { exact: true }).waitFor();
    expect(await admin.getByTestId('consequence-1').innerText()).toBe('Không quá 1/2 tín nhiệm thấp');
    expect(await admin.getByTestId('consequence-2').innerText()).toBe('Từ 2/3 tín nhiệm thấp: xem xét miễn nhiệm');
    expect(await admin.getByTestId('consequence-3').innerText()).toContain('Trên 1/2 tín nhiệm thấp');
    await admin.getByRole('button', { name: 'Chốt kết quả' }).click();
    await admin.getByText('Đã chốt kết quả', { exact: true }).first().waitFor();
    const vote = (await call(admin, 'GET', `/api/confidence-votes/${voteId}`)).json as { chainHead: string | null };
    expect(vote.chainHead).toMatch(/^[0-9a-f]{64}$/);

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Biên bản kiểm phiếu (Word)' }).click()]);
    const document = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(await download.path())))['word/document.xml'] ?? new Uint8Array());
    const text = document.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Kiểm phiếu lấy phiếu tín nhiệm');
    expect(text).toMatch(/Số phiếu hợp lệ 6 /);
    expect(text).toMatch(/Số phiếu không hợp lệ 1 /);
    expect(text).toContain('Trần Thị Bình: Từ 2/3 trở lên tín nhiệm thấp: xem xét miễn nhiệm (5/7');
    expect(text).toContain('Lê Văn Cường: Trên 1/2 đến dưới 2/3 tín nhiệm thấp');
    expect(text).toContain('Ban kiểm phiếu gồm: Phạm Thị Dung (Trưởng ban), Hoàng Văn Em (Ủy viên), Vũ Thị Giang (Ủy viên).');
    expect(text).toContain(vote.chainHead ?? '');
  }, 300_000);
});
