import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminSession } from './page-actions.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let unitName = '';

/** A date n days from now written dd/mm/yyyy, as typed into the date pickers. */
function typedDate(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 24 * 60 * 60 * 1000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Picks a unit in a search select by typing the start of its name. */
async function pickUnit(page: Page, label: string, name: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(name.slice(0, 12));
  await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
}

async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  ({ server, browser, admin } = await startAdminSession());
  const me = (await (await admin.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { grants: { unitName: string }[] };
  unitName = me.grants[0]?.unitName ?? '';
  expect(unitName).not.toBe('');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('work programme in the browser', () => {
  let documentUrl = '';

  it('registers a document: a State-style number is refused with the hint, the Party number is read as typed', async () => {
    await admin.goto(`${server.baseUrl}/documents`);
    await admin.getByRole('button', { name: 'Vào sổ văn bản' }).click();
    const dialog = admin.getByRole('dialog');
    await pickUnit(admin, 'Đơn vị vào sổ', unitName);
    const number = dialog.getByLabel('Số và ký hiệu', { exact: true });
    await number.fill('123/2025/NĐ-CP');
    await dialog.getByLabel('Trích yếu', { exact: true }).fill('Kết luận về công tác tổ chức xây dựng Đảng năm 2026');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Số hiệu văn bản nhà nước', { exact: false }).waitFor();
    expect(admin.url()).toContain('/documents');
    await number.fill('135-kl/tw');
    await dialog.getByTestId('number-reading').getByText('Đọc là: Kết luận số 135 của TW').waitFor();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await admin.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { name: /135-KL\/TW/ }).waitFor();
    documentUrl = admin.url();
    // The register finds it without accents.
    await admin.goto(`${server.baseUrl}/documents`);
    await admin.getByLabel('Tìm theo số, ký hiệu hoặc trích yếu (không cần dấu)').fill('cong tac to chuc xay dung dang nam 2026');
    await admin.getByRole('link', { name: '135-KL/TW' }).waitFor();
  }, 120_000);

  it('attaches a PDF (a renamed file is refused), sends the document down and records one unit: N/M', async () => {
    await admin.goto(documentUrl);
    const files = admin.getByTestId('document-attachments');
    await files.locator('input[type=file]').setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') });
    await admin.getByText('Chỉ nhận tệp PDF hoặc Word', { exact: false }).first().waitFor();
    await files.locator('input[type=file]').setInputFiles({ name: 'Kết luận 135.pdf', mimeType: 'application/pdf', buffer: pdf });
    const link = files.getByRole('link', { name: 'Kết luận 135.pdf' });
    await link.waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    expect(saved).toBeTruthy();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(saved)).equals(pdf)).toBe(true);

    await admin.getByRole('button', { name: 'Gửi quán triệt, triển khai' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Gửi quán triệt, triển khai' }).click();
    const count = admin.getByTestId('dissemination-count');
    await count.waitFor();
    await admin.getByText(`Quán triệt, triển khai: ${unitName} gửi ngày`, { exact: false }).waitFor();
    const before = /^0\/(\d+) đơn vị đã quán triệt$/.exec((await count.innerText()).trim());
    expect(before).not.toBeNull();
    const total = Number(before?.[1]);
    expect(total).toBeGreaterThan(1);
    const firstRow = admin.locator('.ant-card').filter({ has: count }).locator('tbody tr').first();
    await firstRow.getByRole('button', { name: 'Ghi nhận' }).click();
    await admin.getByRole('dialog').getByLabel('Văn bản triển khai', { exact: true }).fill('12-KH/TU');
    await admin.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText(`1/${total} đơn vị đã quán triệt`).waitFor();
    await admin.getByText('Tất cả', { exact: true }).click();
    await admin.getByRole('cell', { name: '12-KH/TU' }).waitFor();
  }, 120_000);

  it('creates a task from the document for every unit below, sees "N/M", and finds it on the timeline', async () => {
    await admin.goto(documentUrl);
    await admin.getByRole('button', { name: 'Giao nhiệm vụ từ văn bản' }).click();
    await admin.waitForURL(/\/tasks\?new=1/);
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('135-KL/TW', { exact: false }).waitFor();
    await pickUnit(admin, 'Đơn vị giao', unitName);
    await dialog.getByLabel('Tên nhiệm vụ, đề án', { exact: true }).fill('Rà soát, kiện toàn ban thường vụ các tỉnh ủy');
    await dialog.getByText('Giao cho tất cả đơn vị trực thuộc, theo dõi từng đơn vị').click();
    await dialog.getByText(/Sẽ theo dõi [1-9]\d* đơn vị/).waitFor();
    await typeDate(admin, 'Ngày bắt đầu', typedDate(-10));
    await typeDate(admin, 'Hạn hoàn thành', typedDate(60));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await admin.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const rollout = admin.getByTestId('rollout-count');
    await rollout.waitFor();
    const m = /^0\/(\d+) đơn vị đã hoàn thành$/.exec((await rollout.innerText()).trim());
    expect(m).not.toBeNull();
    const total = Number(m?.[1]);
    expect(total).toBeGreaterThan(1);

    // One unit reports it done, with its report attached.
    const behindName = (await admin.locator('.ant-card').filter({ has: rollout }).locator('tbody tr').first().locator('td').first().innerText()).trim();
    await admin.getByLabel('Đơn vị báo cáo', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: behindName }).first().click();
    await admin.getByLabel('Trạng thái', { exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: 'Đã hoàn thành' }).click();
    await admin.getByLabel('Nội dung', { exact: true }).fill('Đã kiện toàn ban thường vụ');
    await admin.getByRole('button', { name: 'Gửi', exact: true }).click();
    await admin.getByText(`1/${total} đơn vị đã hoàn thành`).waitFor();
    const update = admin.getByTestId('task-update').first();
    await update.locator('input[type=file]').setInputFiles({ name: 'Báo cáo kiện toàn.pdf', mimeType: 'application/pdf', buffer: pdf });
    await update.getByRole('link', { name: 'Báo cáo kiện toàn.pdf' }).waitFor();

    await admin.goto(`${server.baseUrl}/tasks`);
    await admin.getByRole('link', { name: 'Rà soát, kiện toàn ban thường vụ các tỉnh ủy' }).waitFor();
    await admin.getByText('Tiến độ theo thời gian', { exact: true }).click();
    const bar = admin.getByTestId('task-timeline').locator('[data-title="Rà soát, kiện toàn ban thường vụ các tỉnh ủy"]');
    await bar.waitFor();
    expect(await bar.locator('rect').count()).toBe(2);
  }, 180_000);

  it('removes an attached report, edits the task (new title and lead person), then cancels it with a reason shown in its history', async () => {
    await admin.goto(`${server.baseUrl}/tasks`);
    await admin.getByRole('link', { name: 'Rà soát, kiện toàn ban thường vụ các tỉnh ủy' }).click();
    await admin.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    // The report attached by mistake is removed from its update.
    const file = admin.getByRole('link', { name: 'Báo cáo kiện toàn.pdf' });
    await file.waitFor();
    await admin.getByRole('button', { name: 'Gỡ tệp Báo cáo kiện toàn.pdf', exact: true }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ tệp', exact: true }).click();
    await file.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    const dialog = admin.getByRole('dialog');
    const title = dialog.getByLabel('Tên nhiệm vụ, đề án', { exact: true });
    expect(await title.inputValue()).toBe('Rà soát, kiện toàn ban thường vụ các tỉnh ủy');
    await title.fill('Rà soát, kiện toàn ban thường vụ các tỉnh ủy, thành ủy');
    await dialog.getByLabel('Người chủ trì', { exact: true }).fill('Nguyễn Văn An');
    await dialog.getByText('Hủy nhiệm vụ', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // The reason is required before cancelling.
    await dialog.getByText('Bắt buộc nhập', { exact: true }).waitFor();
    await dialog.getByLabel('Lý do hủy', { exact: true }).fill('Đã lồng ghép vào đề án kiện toàn tổ chức');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('heading', { name: 'Rà soát, kiện toàn ban thường vụ các tỉnh ủy, thành ủy' }).waitFor();
    await admin.getByText(/— Nguyễn Văn An$/).waitFor();
    await admin.getByTestId('task-update').filter({ hasText: 'Đã lồng ghép vào đề án kiện toàn tổ chức' }).waitFor();
    await admin.locator('.ant-tag').filter({ hasText: 'Đã hủy' }).first().waitFor();
  }, 120_000);
});
