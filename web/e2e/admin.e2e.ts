import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('administration', () => {
  let temporaryPassword = '';

  it('creates an account and shows its temporary password once', async () => {
    await admin.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('tran.thi.binh');
    await dialog.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await dialog.locator('.ant-tree-select').click();
    await admin.locator('.ant-select-tree-title', { hasText: 'Ban Chấp hành Trung ương Đảng' }).click();
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();

    const shown = admin.getByTestId('temporary-password');
    await shown.waitFor();
    temporaryPassword = await shown.inputValue();
    expect(temporaryPassword).toMatch(/^\S{12,}$/);
    await admin.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
    await shown.waitFor({ state: 'detached' });
    await admin.getByRole('row', { name: /tran\.thi\.binh/ }).getByText('Chỉ xem — Ban Chấp hành Trung ương Đảng').waitFor();
  });

  it('lists the creation in the audit log and verifies the chain', async () => {
    await admin.getByRole('menuitem', { name: 'Nhật ký thao tác' }).click();
    await admin.getByRole('cell', { name: /Tạo tài khoản/ }).first().waitFor();
    await admin.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await admin.locator('.ant-modal-confirm-title', { hasText: 'Chuỗi nhật ký toàn vẹn' }).waitFor();
    await admin.getByRole('button', { name: 'Đóng' }).click();
  });

  it('lets the new user in only after the password change, without the administration menu', async () => {
    const user = await openPage(browser);
    await user.goto(`${server.baseUrl}/`);
    await user.waitForURL('**/login');
    await signIn(user, 'tran.thi.binh', temporaryPassword);
    await changeTemporaryPassword(user, server.baseUrl, temporaryPassword, 'Mat-khau-cua-Binh-1');
    await user.getByText('Xin chào, Trần Thị Bình').waitFor();
    await user.getByRole('menuitem', { name: 'Tổ chức đảng' }).waitFor();
    expect(await user.getByRole('menuitem', { name: 'Nhật ký thao tác' }).count()).toBe(0);
    await user.goto(`${server.baseUrl}/admin/users`);
    await user.getByText('Bạn không có quyền xem trang này').waitFor();
    await user.context().close();
  });
});
