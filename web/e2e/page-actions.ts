import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/** A fresh browser context (no cookies, no stored language) and page. */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const vietnamese = { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' };

/** Fills the sign-in form and submits it. */
export async function signIn(page: Page, username: string, password: string, labels = vietnamese): Promise<void> {
  await page.getByLabel(labels.username, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** Completes the forced password change (Vietnamese UI) and waits for the home page. */
export async function changeTemporaryPassword(page: Page, baseUrl: string, current: string, next: string): Promise<void> {
  await page.waitForURL('**/change-password');
  await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(current);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** The number shown by the home page's Statistic card with this title. */
export async function figure(page: Page, title: string): Promise<string> {
  const card = page.locator('.ant-statistic').filter({ has: page.getByText(title, { exact: true }) });
  return (await card.locator('.ant-statistic-content-value').innerText()).trim();
}

/** A running server, a browser, and a page signed in as the first administrator (password already changed). */
export async function startAdminSession(): Promise<{ server: RunningServer; browser: Browser; admin: Page }> {
  const server = await startServer();
  const browser = await launchBrowser();
  const admin = await openPage(browser);
  await admin.goto(`${server.baseUrl}/login`);
  await signIn(admin, 'admin', server.adminPassword);
  await changeTemporaryPassword(admin, server.baseUrl, server.adminPassword, 'Quan-tri-vien-2026!');
  return { server, browser, admin };
}

/** A JSON call from a signed-in page (with its CSRF token): the status and the parsed body. */
export async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(async ([m, u, b]) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const response = await fetch(u, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: b === undefined ? null : JSON.stringify(b) });
    return { status: response.status, json: (await response.json()) as unknown };
  }, [method, url, body] as const);
}

/** Calls the API from a signed-in page (with the session's CSRF token) and returns the parsed body as `T`, unchecked. */
export async function apiFrom<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return (await res.json()) as T;
    },
    { method, url, body },
  );
}
