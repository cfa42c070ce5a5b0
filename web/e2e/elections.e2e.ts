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
let electionId = '';

interface Me { csrfToken: string; user: { id: string }; grants: { unitId: string }[] }

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
  const me = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as Me;
  const unitId = me.grants[0]?.unitId ?? '';
  const created = await call(admin, 'POST', '/api/users', { username: 'nhap.phieu', fullName: 'Người Nhập Phiếu', email: null, locale: 'vi', grants: [{ role: 'clerk', unitId }] });
  expect(created.status).toBe(201);
  const password = (created.json as { temporaryPassword: string }).temporaryPassword;
  const clerkId = (created.json as { user: { id: string } }).user.id;
  clerk = await openPage(browser);
  await clerk.goto(`${server.baseUrl}/login`);
  await signIn(clerk, 'nhap.phieu', password);
  await changeTemporaryPassword(clerk, server.baseUrl, password, 'Nhap-phieu-2026!');
  const election = await call(admin, 'POST', '/api/elections', {
    unitId, title: 'Đại hội đại biểu — bầu Ban Chấp hành', body: 'committee', heldOn: '2025-09-20', seats: 15,
    candidates: Array.from({ length: 18 }, (_, i) => ({ fullName: `Đồng chí Ứng Cử ${i + 1}`, memberId: null })),
    convened: 33, votersPresent: 30, exclusions: [{ kind: 'detained', person: 'Nguyễn Văn Vắng', reason: 'Đang bị tạm giam' }], committee: [{ fullName: 'Trưởng Ban Kiểm Phiếu', memberId: null, role: 'head' }],
    headUserId: me.user.id, operatorIds: [me.user.id, clerkId],
  });
  expect(election.status, JSON.stringify(election.json)).toBe(201);
  electionId = (election.json as { id: string }).id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Keys one ballot on the entry screen by keyboard only and waits for the next ballot. */
async function keyBallot(page: Page, number: number, keys: readonly string[]): Promise<void> {
  const area = page.getByTestId('ballot-area');
  await area.focus();
  for (const key of keys) await page.keyboard.press(key === ' ' ? 'Space' : key);
  await page.keyboard.press('Enter');
  await page.getByTestId('ballot-number').getByText(`Phiếu số ${number + 1}`, { exact: true }).waitFor();
}

/** The keys striking names by number: with 18 names a "1" waits for a second digit, so Space confirms it. */
const strike = (...numbers: number[]) => numbers.flatMap((n) => [...String(n).split(''), ...(n * 10 <= 18 ? [' '] : [])]);

describe('elections in the browser', () => {
  it('two operators key ballots by keyboard, the head resolves, finalises and downloads the minutes', async () => {
    for (const page of [admin, clerk]) {
      await page.goto(`${server.baseUrl}/elections/${electionId}`);
      await page.getByTestId('ballot-area').waitFor();
    }
    // Before saving, the screen says a ballot leaving 16 names for 15 seats is invalid.
    await admin.getByTestId('ballot-area').focus();
    await admin.keyboard.press('1');
    await admin.keyboard.press('6');
    await admin.getByTestId('ballot-verdict').getByText('nhiều hơn số lượng bầu', { exact: false }).waitFor();
    await admin.keyboard.press('Escape');
    // 30 ballots, each keyed by both operators: every fifth leaves out name 1 instead of 16, the
    // 30th is ruled invalid (K); the second operator misreads ballots 7, 15 and 23.
    const read = (n: number) => (n === 30 ? ['k'] : n % 5 === 0 ? strike(1, 17, 18) : strike(16, 17, 18));
    const misread: Readonly<Record<number, string[]>> = { 7: strike(15, 17, 18), 15: strike(2, 17, 18), 23: strike(15, 17, 18) };
    for (let n = 1; n <= 30; n += 1) {
      await keyBallot(admin, n, read(n));
      await keyBallot(clerk, n, misread[n] ?? read(n));
    }
    await clerk.getByTestId('ballot-saved').getByText('Khớp với lượt nhập thứ hai').waitFor();
    const discrepancies = await call(admin, 'GET', `/api/elections/${electionId}/discrepancies`);
    expect((discrepancies.json as { ballotNumber: number }[]).map((d) => d.ballotNumber)).toEqual([7, 15, 23]);
    // The head sees both readings side by side (the differing names marked) and takes the first one, with the ground.
    await admin.getByRole('tab', { name: 'Phiếu chênh lệch' }).click();
    for (const [number, differing] of [[7, ['15', '16']], [15, ['1', '2']], [23, ['15', '16']]] as const) {
      const card = admin.getByTestId(`discrepancy-${number}`);
      await card.getByRole('button', { name: 'Theo lượt nhập 1' }).waitFor();
      expect(await card.locator('.ant-tag-orange').allInnerTexts()).toEqual(expect.arrayContaining([...differing]));
      await card.getByLabel('Căn cứ quyết định (bắt buộc), ví dụ: đối chiếu phiếu gốc').fill('Đối chiếu phiếu gốc');
      await card.getByRole('button', { name: 'Theo lượt nhập 1' }).click();
      await card.getByText('Trưởng ban đã quyết định', { exact: true }).waitFor();
    }
    const entries = (await call(admin, 'GET', `/api/elections/${electionId}/entries`)).json as { ballotNumber: number; kind: string; ballot: unknown }[];
    expect(entries).toHaveLength(63);
    expect(entries.filter((e) => e.ballotNumber === 15).map((e) => e.kind)).toEqual(['entry', 'entry', 'resolution']);
    expect(entries.filter((e) => e.kind === 'resolution').map((e) => e.ballot)).toEqual([
      { kind: 'marked', struck: [15, 16, 17] },
      { kind: 'marked', struck: [0, 16, 17] },
      { kind: 'marked', struck: [15, 16, 17] },
    ]);

    await admin.getByRole('tab', { name: 'Kết quả' }).click();
    // The figures do not reconcile until the committee records them.
    await admin.getByText('Chưa nhập số phiếu phát ra', { exact: false }).waitFor();
    await admin.getByLabel('Số phiếu phát ra', { exact: true }).fill('30');
    await admin.getByLabel('Số phiếu thu vào', { exact: true }).fill('30');
    await admin.getByLabel('Số phiếu không thu về', { exact: true }).fill('0');
    await admin.getByRole('button', { name: 'Lưu số phiếu' }).click();
    await admin.getByText('Chưa nhập số phiếu phát ra', { exact: false }).waitFor({ state: 'detached' });
    const row = admin.getByRole('row').filter({ hasText: 'Đồng chí Ứng Cử 1' }).first();
    await row.getByText('Trúng cử', { exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Chốt kết quả' }).click();
    await admin.getByText('Đã chốt kết quả', { exact: true }).first().waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Biên bản kiểm phiếu (Word)' }).click()]);
    const file = await download.path();
    const document = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml'] ?? new Uint8Array());
    const text = document.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN');
    // Base 33 − 1 = 32. Of 29 valid ballots, name 1 was left out on 5 (24 votes), name 16 kept on 5.
    expect(text).toMatch(/Số phiếu hợp lệ 29 /);
    expect(text).toMatch(/Số phiếu không hợp lệ 1 /);
    expect(text).toMatch(/Số phiếu đã kiểm \(nhập hai lần, khớp hoặc đã quyết định\) 30 /);
    expect(text).toMatch(/Đồng chí Ứng Cử 1 24 75,00% 82,76% Trúng cử/);
    expect(text).toMatch(/Đồng chí Ứng Cử 2 29 \d+,\d\d% 100,00% Trúng cử/);
    expect(text).toMatch(/Đồng chí Ứng Cử 16 5 \d+,\d\d% 17,24% Không trúng cử/);
    expect(text).toMatch(/Đồng chí Ứng Cử 18 0 0,00% 0,00% Không trúng cử/);
    const head = (await call(admin, 'GET', `/api/elections/${electionId}/results`)).json as { chainHead: string; elected: number[] };
    expect(head.elected).toHaveLength(15);
    expect(text).toContain(head.chainHead);
  }, 240_000);

  it('sets up an election from the form (surplus refused, floor nominations, an exclusion, a candidate refused on the committee) and edits it before ballots', async () => {
    const me = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { grants: { unitName: string }[] };
    const unitName = me.grants[0]?.unitName ?? '';
    await admin.goto(`${server.baseUrl}/elections`);
    await admin.getByRole('button', { name: 'Chuẩn bị cuộc bầu cử' }).click();
    await admin.getByLabel('Đơn vị', { exact: true }).fill(unitName.slice(0, 12));
    await admin.locator('.ant-select-item-option').filter({ hasText: unitName }).first().click();
    await admin.getByLabel('Cuộc bầu cử', { exact: true }).fill('Bầu Ban Thường vụ');
    await admin.getByLabel('Số lượng bầu', { exact: true }).fill('3');
    await admin.getByLabel('Danh sách bầu cử (mỗi dòng một người, theo thứ tự trên phiếu)', { exact: true }).fill('Lê Văn Một\nLê Văn Hai\nLê Văn Ba\nLê Văn Bốn\nLê Văn Năm');
    await admin.getByLabel('Số được triệu tập', { exact: true }).fill('9');
    await admin.getByLabel('Số có mặt bỏ phiếu', { exact: true }).fill('9');
    await admin.getByLabel('Trưởng Ban kiểm phiếu', { exact: true }).fill('Trần Thị Kiểm');
    await admin.getByLabel('Tài khoản của Trưởng Ban kiểm phiếu', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(admin)' }).first().click();
    await admin.getByLabel('Người nhập phiếu (ít nhất hai)', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(admin)' }).last().click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '(nhap.phieu)' }).last().click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: 'Tạo' }).click();
    // Five names for three seats: a surplus of 2, more than the 1 allowed for bodies of 3–5 seats.
    await admin.locator('.ant-alert-error').waitFor();
    // Three on the list and two floor nominations: 4 of 8 present agreeing (50%) is admitted, 2 (25%) is not.
    await admin.getByLabel('Danh sách bầu cử (mỗi dòng một người, theo thứ tự trên phiếu)', { exact: true }).fill('Lê Văn Một\nLê Văn Hai\nLê Văn Ba');
    await admin.getByLabel('Đề cử tại chỗ (mỗi dòng: họ tên; số đại biểu đồng ý)', { exact: true }).fill('Lê Văn Sáu; 4\nLê Văn Bảy; 2');
    await admin.getByRole('button', { name: 'Thêm người được trừ' }).click();
    await admin.getByPlaceholder('Họ và tên', { exact: true }).fill('Đỗ Văn Vắng');
    await admin.locator('.ant-select').filter({ hasText: 'Trường hợp' }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: 'Bị đình chỉ sinh hoạt đảng' }).click();
    await admin.getByPlaceholder('Lý do', { exact: true }).fill('Quyết định đình chỉ số 12-QĐ/ĐU');
    await admin.getByTestId('setup-base').getByText('Cơ sở tính: 9 − 1 = 8; trúng cử cần từ 5 phiếu trở lên').waitFor();
    // Those present cannot outnumber the base: 8 of the 8 vote.
    await admin.getByLabel('Số có mặt bỏ phiếu', { exact: true }).fill('8');
    // A candidate on the counting committee is refused with the name.
    await admin.getByLabel('Các thành viên khác của Ban kiểm phiếu (mỗi dòng một người, không là người ứng cử)', { exact: true }).fill('Lê Văn Hai');
    await admin.getByRole('button', { name: 'Tạo' }).click();
    await admin.locator('.ant-alert-error').getByText('Lê Văn Hai là người ứng cử, không được là thành viên Ban kiểm phiếu', { exact: false }).waitFor();
    await admin.getByLabel('Các thành viên khác của Ban kiểm phiếu (mỗi dòng một người, không là người ứng cử)', { exact: true }).fill('Phạm Văn Đếm');
    await admin.getByRole('button', { name: 'Tạo' }).click();
    await admin.waitForURL(/\/elections\/[0-9a-f-]{36}$/);
    await admin.getByText('Bầu Ban Thường vụ', { exact: true }).first().waitFor();
    await admin.getByRole('tab', { name: 'Chuẩn bị' }).click();
    await admin.getByTestId('election-base').getByText('9 − 1 = 8', { exact: true }).waitFor();
    await admin.getByText('Đỗ Văn Vắng — Bị đình chỉ sinh hoạt đảng: Quyết định đình chỉ số 12-QĐ/ĐU', { exact: true }).waitFor();
    await admin.getByText('4/8 đồng ý — được đưa vào danh sách', { exact: true }).waitFor();
    await admin.getByText('2/8 đồng ý — không quá 30%, không đưa vào', { exact: true }).waitFor();
    await admin.getByText('Phạm Văn Đếm — Ủy viên', { exact: true }).waitFor();
    // No ballot keyed yet: the setup can still be edited.
    await admin.getByRole('button', { name: 'Sửa thiết lập (khi chưa nhập phiếu)' }).click();
    await admin.getByLabel('Cuộc bầu cử', { exact: true }).fill('Bầu Ban Thường vụ khóa mới');
    await admin.getByRole('button', { name: 'Lưu' }).click();
    await admin.waitForURL(/\/elections\/[0-9a-f-]{36}$/);
    await admin.getByText('Bầu Ban Thường vụ khóa mới', { exact: true }).first().waitFor();
    const id = admin.url().split('/').pop() ?? '';
    const saved = (await call(admin, 'GET', `/api/elections/${id}`)).json as { candidates: { fullName: string; source: string }[]; base: { base: number } };
    expect(saved.candidates.map((c) => `${c.fullName}/${c.source}`)).toEqual(['Lê Văn Một/list', 'Lê Văn Hai/list', 'Lê Văn Ba/list', 'Lê Văn Sáu/floor']);
    expect(saved.base.base).toBe(8);
  }, 120_000);
});
