import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let clerk: Page;

/** Calls the API from a signed-in page (with the session's CSRF token). */
async function apiFrom<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return (await res.json()) as T;
    },
    { method, url, body },
  );
}

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
  // A clerk of Đảng bộ thành phố Hà Nội, created by the administrator.
  const units = await apiFrom<{ id: string; code: string }[]>(admin, 'GET', '/api/units/search?q=01');
  const hanoi = units.find((u) => u.code === '01');
  expect(hanoi).toBeDefined();
  const created = await apiFrom<{ user: { username: string }; temporaryPassword: string }>(admin, 'POST', '/api/users', { username: 'vanthu.hanoi', fullName: 'Nguyễn Thị Văn Thư', grants: [{ role: 'clerk', unitId: hanoi?.id }] });
  clerk = await openPage(browser);
  await clerk.goto(`${server.baseUrl}/login`);
  await signIn(clerk, 'vanthu.hanoi', created.temporaryPassword);
  await changeTemporaryPassword(clerk, server.baseUrl, created.temporaryPassword, 'Van-thu-Ha-Noi-2026!');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('periodic reports in the browser', () => {
  it('a province clerk fills and sends the monthly report', async () => {
    await clerk.goto(`${server.baseUrl}/reports`);
    await clerk.getByText('Đã báo cáo').waitFor();
    const row = clerk.getByRole('row').filter({ hasText: 'Hà Nội' });
    await row.getByText('Hà Nội').click();
    await clerk.waitForURL('**/reports/submissions/**');
    await clerk.getByLabel('Kết nạp đảng viên mới — Xã, phường, thị trấn').fill('25');
    await clerk.getByLabel('Kết nạp đảng viên mới — Doanh nghiệp').fill('6');
    await clerk.getByLabel('Trong đó: kết nạp trong doanh nghiệp tư nhân').fill('2');
    await clerk.getByLabel('Xóa tên, cho ra khỏi Đảng').fill('1');
    await clerk.getByLabel('Kết quả chủ yếu').fill('Kết nạp 31 đảng viên; kiện toàn 3 tổ chức cơ sở đảng sau sắp xếp.');
    await clerk.getByLabel('Nhiệm vụ trọng tâm tháng tới').fill('Chuẩn bị đại hội chi bộ nhiệm kỳ 2027–2029.');
    await clerk.getByRole('button', { name: 'Lưu nháp' }).click();
    await clerk.getByText('Đã lưu').first().waitFor();
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo').first().waitFor();
    await clerk.getByText('Đã gửi', { exact: true }).waitFor();
  });

  it('the centre sees "N/M", returns one report and downloads the consolidated Word report', async () => {
    await admin.goto(`${server.baseUrl}/reports`);
    const figure = admin.locator('.ant-statistic').filter({ hasText: 'Đã báo cáo' }).locator('.ant-statistic-content-value');
    await figure.waitFor();
    expect(await figure.innerText()).toMatch(/^1\/40$/);
    await admin.getByRole('row').filter({ hasText: 'Hà Nội' }).getByText('Hà Nội').click();
    await admin.waitForURL('**/reports/submissions/**');
    await admin.getByPlaceholder('Ý kiến khi trả lại').fill('Đề nghị bổ sung số liệu kết nạp trong doanh nghiệp tư nhân');
    await admin.getByRole('button', { name: 'Trả lại' }).click();
    await admin.getByText('Đã trả lại báo cáo').first().waitFor();
    await admin.goto(`${server.baseUrl}/reports`);
    await admin.getByText('Bị trả lại').first().waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByText('Báo cáo tổng hợp (Word)').click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-tong-hop-.*\.docx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
    // The clerk sees the return and its comment.
    await clerk.reload();
    await clerk.getByText('Đề nghị bổ sung số liệu kết nạp trong doanh nghiệp tư nhân').waitFor();
  });
});
