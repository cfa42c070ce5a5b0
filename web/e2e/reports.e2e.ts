import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom, changeTemporaryPassword, openPage, signIn, startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let clerk: Page;

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

  it('the centre is notified of the sent report in the header bell and opens it from there', async () => {
    await admin.goto(`${server.baseUrl}/reports`);
    // The count comes once the notifications are fetched: wait for a non-zero one.
    const bell = admin.getByRole('button', { name: /^Thông báo \([1-9]\d*\)$/ });
    await bell.waitFor();
    await bell.click();
    const note = admin.getByTestId('notification-list').getByText(/Hà Nội đã gửi báo cáo Tháng/).first();
    await note.waitFor();
    await note.click();
    await admin.waitForURL('**/reports/submissions/**');
    await admin.locator('#n-results').filter({ hasText: 'Kết nạp 31 đảng viên; kiện toàn 3 tổ chức cơ sở đảng sau sắp xếp.' }).waitFor();
  });

  it('the centre sees "N/M", returns one report and downloads the consolidated Word report', async () => {
    await admin.goto(`${server.baseUrl}/reports`);
    const figure = admin.locator('.ant-statistic').filter({ hasText: 'Đã báo cáo' }).locator('.ant-statistic-content-value');
    await figure.waitFor();
    expect(await figure.innerText()).toMatch(/^1\/40$/);
    // Filtered to one region, then to emulation cluster 2 (of 2021–2022: its provinces that still exist), the figure counts only their units.
    const periodId = new URL(admin.url()).searchParams.get('period') ?? (await apiFrom<{ id: string }[]>(admin, 'GET', '/api/reports/periods'))[0]?.id ?? '';
    const south = await apiFrom<{ reported: number; expected: number; rows: { unit: { name: string } }[] }>(admin, 'GET', `/api/reports/periods/${periodId}/tracking?region=south`);
    expect(south.expected).toBeGreaterThan(0);
    expect(south.expected).toBeLessThan(40);
    await admin.getByLabel('Lọc theo vùng', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: 'Miền Nam' }).click();
    await admin.waitForURL(/region=south/);
    await figure.getByText(`${south.reported}/${south.expected}`, { exact: true }).waitFor();
    expect(await admin.getByRole('row').filter({ hasText: 'Hà Nội' }).count()).toBe(0);
    await admin.getByLabel('Lọc theo vùng', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: 'Miền Bắc' }).click();
    await admin.getByLabel('Lọc theo cụm, khối thi đua', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: /^Cụm thi đua số 2/ }).first().click();
    await admin.waitForURL(/cluster=/);
    const clusterId = new URL(admin.url()).searchParams.get('cluster') ?? '';
    const cluster = await apiFrom<{ reported: number; expected: number }>(admin, 'GET', `/api/reports/periods/${periodId}/tracking?region=north&clusterId=${clusterId}`);
    expect(cluster.expected).toBeGreaterThan(0);
    expect(cluster.expected).toBeLessThan(14);
    await figure.getByText(`${cluster.reported}/${cluster.expected}`, { exact: true }).waitFor();
    await admin.goto(`${server.baseUrl}/reports`);
    await figure.getByText('1/40', { exact: true }).waitFor();
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
    await clerk.getByText('Đề nghị bổ sung số liệu kết nạp trong doanh nghiệp tư nhân', { exact: true }).waitFor();
  });

  it('the clerk corrects and resends; both sides compare the sent versions with the change marked', async () => {
    await clerk.getByLabel('Kết nạp đảng viên mới — Doanh nghiệp').fill('7');
    await clerk.getByLabel('Trong đó: kết nạp trong doanh nghiệp tư nhân').fill('3');
    await clerk.getByRole('button', { name: 'Lưu nháp' }).click();
    await clerk.getByText('Đã lưu').first().waitFor();
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo').first().waitFor();
    const versions = clerk.getByTestId('report-versions');
    await versions.getByText(/^3\. Gửi lại/).first().waitFor();
    // The two typed parts changed, and with them the computed total (31 → 32) and rate.
    const changed = versions.locator('tr[data-changed="true"]');
    await changed.first().waitFor();
    const count = await changed.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await versions.getByText(`${count} nội dung khác nhau`).waitFor();
    expect(await changed.filter({ hasText: 'Kết nạp đảng viên mới — Doanh nghiệp' }).innerText()).toMatch(/\b6\s+7\b/);
    expect(await changed.filter({ hasText: 'Trong đó: kết nạp trong doanh nghiệp tư nhân' }).innerText()).toMatch(/\b2\s+3\b/);
    expect(await versions.locator('tr[data-changed="false"]').filter({ hasText: 'Xóa tên, cho ra khỏi Đảng' }).count()).toBe(1);
    await versions.getByText(/Trả lại — .*ý kiến: Đề nghị bổ sung/).waitFor();
  });

  it('the centre follows the whole year unit × month, and the figures added up by province with a chart', async () => {
    await admin.goto(`${server.baseUrl}/reports?tab=year`);
    const grid = admin.getByTestId('reports-year-grid');
    await grid.getByRole('row').filter({ hasText: 'Hà Nội' }).first().waitFor();
    // The current year has the 40 units of today; its first month is fully expected.
    await grid.getByRole('columnheader').filter({ hasText: /Tháng 1-\d{4}/ }).filter({ hasText: /\d+\/40/ }).first().waitFor();
    await admin.getByTestId('reports-year-chart').locator('svg').waitFor();
    await admin.getByRole('tab', { name: 'Tổng hợp số liệu' }).click();
    const total = admin.getByTestId('reports-aggregate-total');
    await total.getByRole('row').filter({ hasText: 'Xóa tên, cho ra khỏi Đảng' }).waitFor();
    await admin.getByText(/Tổng hợp từ \d+\/40 báo cáo đã gửi/).waitFor();
    await admin.getByTestId('reports-aggregate-chart').locator('svg').waitFor();
    await admin.getByText('Theo cơ cấu hiện nay', { exact: true }).click();
    expect(await admin.getByRole('radio', { name: 'Theo cơ cấu hiện nay' }).isChecked()).toBe(true);
    await admin.getByTestId('reports-aggregate-groups').getByRole('row').filter({ hasText: 'Hà Nội' }).first().waitFor();
  });

  it('the centre edits a new template version: a wrong formula is named while typing, the fixed one saved as version 3', async () => {
    const templates = await apiFrom<{ code: string; versions: { version: number; definition: { indicators: { code: string }[] } }[] }[]>(admin, 'GET', '/api/reports/templates');
    const monthly = templates.find((x) => x.code === 'BC-THANG');
    const latest = monthly?.versions.find((v) => v.version === 2);
    const row = (latest?.definition.indicators.findIndex((i) => i.code === 'admission_rate') ?? -1) + 1;
    expect(row).toBeGreaterThan(0);
    await admin.goto(`${server.baseUrl}/reports/templates`);
    const editor = admin.getByTestId('template-editor');
    const formula = editor.getByLabel(`Công thức ${row}`, { exact: true });
    await formula.waitFor();
    expect(await formula.inputValue()).toContain('members_at_end');
    await formula.fill('round(admitted / so_dang_vien * 100, 3)');
    await admin.getByTestId('template-check').getByText(/so_dang_vien/).waitFor();
    expect(await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).isDisabled()).toBe(true);
    await formula.fill('round(admitted / members_at_end * 100, 2)');
    await admin.getByTestId('template-check').getByText('Công thức và quy tắc hợp lệ').waitFor();
    await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await admin.getByText(/Đã lưu phiên bản 3, áp dụng từ \d{2}\/\d{2}\/\d{4}/).first().waitFor();
    const after = await apiFrom<{ code: string; versions: { version: number; definition: { indicators: { code: string; formula: string | null }[] } }[] }[]>(admin, 'GET', '/api/reports/templates');
    const v3 = after.find((x) => x.code === 'BC-THANG')?.versions.find((v) => v.version === 3);
    expect(v3?.definition.indicators.find((i) => i.code === 'admission_rate')?.formula).toBe('round(admitted / members_at_end * 100, 2)');
  });

  it('the centre unlocks a locked month for one missing unit with a reason, and the tracking shows until when', async () => {
    const periods = await apiFrom<{ id: string; label: string; locksOn: string }[]>(admin, 'GET', '/api/reports/periods');
    const today = new Date().toISOString().slice(0, 10);
    let chosen: { periodId: string; unit: string } | null = null;
    for (const p of periods.filter((x) => x.locksOn < today)) {
      const tracking = await apiFrom<{ rows: { unit: { name: string }; status: string }[] }>(admin, 'GET', `/api/reports/periods/${p.id}/tracking`);
      const missing = tracking.rows.find((r) => r.status === 'missing');
      if (missing) {
        chosen = { periodId: p.id, unit: missing.unit.name };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    if (!chosen) return;
    await admin.goto(`${server.baseUrl}/reports?period=${chosen.periodId}`);
    const row = admin.getByRole('row').filter({ hasText: chosen.unit }).first();
    await row.getByRole('button', { name: 'Mở khóa' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Lý do mở khóa').fill('Đơn vị mới kiện toàn ban tổ chức sau sáp nhập, đề nghị gửi bổ sung');
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await admin.getByText(`Đã mở khóa cho ${chosen.unit}`).first().waitFor();
    await row.getByText(/^đến \d{2}\/\d{2}\/\d{4}$/).waitFor();
  });
});
