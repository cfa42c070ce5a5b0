import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom, startAdminSession } from './page-actions.ts';
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

/** Opens an Ant Design select by its label and picks the option with this text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

interface StoredTemplate {
  code: string;
  name: string;
  owner: { name: string };
  versions: { version: number; definition: { sections: { key: string; title: string; required: boolean }[]; indicators: { code: string; unit: string | null; group: string | null; source: string | null; formula: string | null; breakdown: { key: string; label: string }[] }[] } }[];
}

describe('report templates in the browser', () => {
  it('the centre creates a quarterly template: a narrative section, parts, a registry figure and a formula checked while typing', async () => {
    await admin.goto(`${server.baseUrl}/reports/templates`);
    await admin.getByRole('button', { name: 'Tạo biểu mẫu mới' }).click();
    const form = admin.getByTestId('template-create');
    await form.getByLabel('Mã biểu mẫu').fill('BC-QUY-TCCS');
    await form.getByLabel('Tên biểu mẫu').fill('Báo cáo quý công tác tổ chức cơ sở đảng');
    await form.locator('.ant-tree-select').click();
    await admin.locator('.ant-select-tree-title', { hasText: 'Ban Chấp hành Trung ương Đảng' }).click();

    // A narrative section.
    await form.getByRole('button', { name: 'Thêm mục nội dung' }).click();
    await form.getByLabel('Mã mục 1', { exact: true }).fill('ket_qua');
    await form.getByLabel('Tên mục 1', { exact: true }).fill('Kết quả chủ yếu trong quý');
    await form.getByLabel('Bắt buộc mục 1', { exact: true }).click();

    // Indicator 1: filled from the member registry (no formula then).
    await form.getByLabel('Mã 1', { exact: true }).fill('dang_vien');
    await form.getByLabel('Tên chỉ tiêu 1', { exact: true }).fill('Số đảng viên cuối kỳ');
    await choose(admin, 'Nguồn số liệu 1', 'Số đảng viên cuối kỳ (từ cơ sở dữ liệu)');
    expect(await form.getByLabel('Công thức 1', { exact: true }).count()).toBe(0);

    // Indicator 2: entered in two parts, by kind of grassroots organisation.
    await form.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await form.getByLabel('Mã 2', { exact: true }).fill('ket_nap');
    await form.getByLabel('Tên chỉ tiêu 2', { exact: true }).fill('Kết nạp đảng viên mới');
    await form.getByLabel('Nhóm chỉ tiêu 2', { exact: true }).fill('Công tác phát triển đảng viên');
    await form.getByLabel('Đơn vị tính 2', { exact: true }).fill('người');
    await form.getByLabel('Thêm phần chi tiết 2', { exact: true }).click();
    await form.getByLabel('Thêm phần chi tiết 2', { exact: true }).click();
    await form.getByLabel('Mã phần chi tiết 2.1', { exact: true }).fill('xa_phuong');
    await form.getByLabel('Tên phần chi tiết 2.1', { exact: true }).fill('Xã, phường, thị trấn');
    await form.getByLabel('Mã phần chi tiết 2.2', { exact: true }).fill('doanh_nghiep');
    await form.getByLabel('Tên phần chi tiết 2.2', { exact: true }).fill('Doanh nghiệp');

    // Indicator 3: computed; a wrong name in the formula is flagged while typing.
    await form.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await form.getByLabel('Mã 3', { exact: true }).fill('ty_le_ket_nap');
    await form.getByLabel('Tên chỉ tiêu 3', { exact: true }).fill('Tỷ lệ kết nạp so với số đảng viên');
    await choose(admin, 'Kiểu 3', 'Tỷ lệ %');
    await form.getByLabel('Công thức 3', { exact: true }).fill('round(ket_nap / so_dang_vien * 100, 2)');
    const check = form.getByTestId('template-check');
    await check.getByText(/so_dang_vien/).waitFor();
    const create = form.getByRole('button', { name: 'Tạo biểu mẫu' });
    expect(await create.isDisabled()).toBe(true);
    await form.getByLabel('Công thức 3', { exact: true }).fill('round(ket_nap / dang_vien * 100, 2)');
    await check.getByText('Công thức và quy tắc hợp lệ').waitFor();

    // The registry figure goes after the entered one.
    await form.getByRole('button', { name: 'Chuyển xuống chỉ tiêu 1' }).click();
    expect(await form.getByLabel('Mã 1', { exact: true }).inputValue()).toBe('ket_nap');
    await check.getByText('Công thức và quy tắc hợp lệ').waitFor();
    await create.click();
    await admin.getByText('Đã tạo biểu mẫu BC-QUY-TCCS').first().waitFor();

    // Listed and selected, with its first version.
    await admin.getByTestId('template-versions').getByText(/BC-QUY-TCCS: Báo cáo quý công tác tổ chức cơ sở đảng/).waitFor();
    await admin.getByLabel('Biểu mẫu', { exact: true }).click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'BC-QUY-TCCS — Báo cáo quý công tác tổ chức cơ sở đảng' }).waitFor();
    await admin.keyboard.press('Escape');
    expect(await admin.getByTestId('template-editor').getByLabel('Mã phần chi tiết 1.2', { exact: true }).inputValue()).toBe('doanh_nghiep');

    const stored = (await apiFrom<StoredTemplate[]>(admin, 'GET', '/api/reports/templates')).find((x) => x.code === 'BC-QUY-TCCS');
    expect(stored?.owner.name).toBe('Ban Chấp hành Trung ương Đảng');
    const definition = stored?.versions[0]?.definition;
    expect(definition?.sections).toEqual([{ key: 'ket_qua', title: 'Kết quả chủ yếu trong quý', required: true }]);
    expect(definition?.indicators.map((i) => i.code)).toEqual(['ket_nap', 'dang_vien', 'ty_le_ket_nap']);
    expect(definition?.indicators[0]).toMatchObject({ unit: 'người', group: 'Công tác phát triển đảng viên', breakdown: [{ key: 'xa_phuong', label: 'Xã, phường, thị trấn' }, { key: 'doanh_nghiep', label: 'Doanh nghiệp' }] });
    expect(definition?.indicators[1]).toMatchObject({ source: 'members_at_end', formula: null });
    expect(definition?.indicators[2]?.formula).toBe('round(ket_nap / dang_vien * 100, 2)');
  });
});
