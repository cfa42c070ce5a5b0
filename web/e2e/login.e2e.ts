import { homeSummary } from '@tcxd/contract';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { changeTemporaryPassword, figure, openPage, signIn } from './page-actions.ts';
import { type RunningServer, startServer } from './server.ts';

const newPassword = 'Doi-mat-khau-2026!';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sign-in', () => {
  it('shows the Vietnamese error for a wrong password', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await signIn(page, 'admin', 'khong-dung-mat-khau');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('signs in, forces the password change, shows the home figures, keeps the language, signs out', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    await signIn(page, 'admin', server.adminPassword);

    // First sign-in: nothing but the password change is reachable.
    await page.waitForURL('**/change-password');
    await page.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.waitForURL('**/change-password');
    await changeTemporaryPassword(page, server.baseUrl, server.adminPassword, newPassword);

    // Home page: the figures are the server's own.
    await page.getByText('Tổ chức đảng trong phạm vi', { exact: true }).waitFor();
    const summary = homeSummary.parse(await page.evaluate(async () => (await fetch('/api/home/summary')).json()));
    expect(summary).toMatchObject({ userCount: 1, activeSessionCount: 1 });
    expect(summary.unitCount).toBeGreaterThanOrEqual(1);
    const vietnameseNumber = new Intl.NumberFormat('vi-VN');
    expect(await figure(page, 'Tổ chức đảng trong phạm vi')).toBe(vietnameseNumber.format(summary.unitCount));
    expect(await figure(page, 'Tài khoản trong phạm vi')).toBe('1');
    expect(await figure(page, 'Phiên đăng nhập đang hoạt động')).toBe('1');
    await page.getByText('Ban Chấp hành Trung ương Đảng').first().waitFor();
    for (const item of ['Trang chủ', 'Tổ chức đảng', 'Tài khoản', 'Nhật ký thao tác']) {
      await page.getByRole('menuitem', { name: item }).waitFor();
    }
    await page.locator('[role="img"] svg').first().waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' }); // the "password changed" toast
    await page.screenshot({ path: '/tmp/tcxd-home-vi.png', fullPage: true });

    // Switch to English: texts change and the choice survives a reload (saved on the account).
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Trang chủ' }).count()).toBe(0);
    await page.getByText('Party organisations in scope', { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Home' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Party organisations in scope', { exact: true }).waitFor();
    await page.locator('[role="img"] svg').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: '/tmp/tcxd-home-en.png', fullPage: true });

    // Sign out: back at the sign-in page, still in English.
    await page.getByRole('button', { name: 'My account' }).click();
    await page.getByRole('menu').getByText('Sign out', { exact: true }).click();
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await page.context().close();
  });
});
