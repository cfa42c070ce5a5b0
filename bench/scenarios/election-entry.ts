import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../web/e2e/browser.ts';
import { changeTemporaryPassword, openPage, signIn } from '../../web/e2e/page-actions.ts';
import { startServer } from '../../web/e2e/server.ts';
import type { Metric, Scenario } from '../lib/types.ts';

const ballots = 100;
const candidates = 15;
const seats = 12;
const targetMs = 100;

/** A JSON call from the signed-in page (with its CSRF token). */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<unknown> {
  return page.evaluate(async ([m, u, b]) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const response = await fetch(u, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: b === undefined ? null : JSON.stringify(b) });
    if (!response.ok) throw new Error(`${m} ${u}: ${response.status} ${await response.text()}`);
    return (await response.json()) as unknown;
  }, [method, url, body] as const);
}

/** The keys of ballot n: three names struck (numbers typed), so 12 of 15 are left. */
const keysOf = (n: number): string[] => [n % 15, (n + 5) % 15, (n + 10) % 15].flatMap((p) => String(p + 1).split(''));

/**
 * Ballot entry in the browser: the built web app on a real server, an operator keying 100
 * ballots of 15 names by keyboard only. Each sample is one ballot from its first key to
 * the next ballot on screen (key handling, saving on the server, rendering), no think time.
 * Needs `npm run build -w web` first. Runs on a fresh PGlite data directory (or
 * E2E_DATABASE_URL), whatever the target.
 */
export const scenario: Scenario = {
  name: 'election-entry',
  description: 'Nhập phiếu bầu bằng bàn phím trên trình duyệt: 100 phiếu × 15 tên, thời gian mỗi phiếu (giao diện + máy chủ). / Keyboard ballot entry in the browser: 100 ballots × 15 names, time per ballot (UI + server).',
  async run(ctx, target): Promise<readonly Metric[]> {
    if (target.name === 'postgres' && target.env.DATABASE_URL) process.env.E2E_DATABASE_URL = target.env.DATABASE_URL;
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      const admin = await openPage(browser);
      await admin.goto(`${server.baseUrl}/login`);
      await signIn(admin, 'admin', server.adminPassword);
      await changeTemporaryPassword(admin, server.baseUrl, server.adminPassword, 'Quan-tri-vien-2026!');
      const me = (await call(admin, 'GET', '/api/auth/me')) as { user: { id: string }; grants: { unitId: string }[] };
      const unitId = me.grants[0]?.unitId ?? '';
      const second = (await call(admin, 'POST', '/api/users', { username: 'nhap.phieu.hai', fullName: 'Người Nhập Thứ Hai', email: null, locale: 'vi', grants: [{ role: 'clerk', unitId }] })) as { user: { id: string } };
      const election = (await call(admin, 'POST', '/api/elections', {
        unitId, title: 'Đo tốc độ nhập phiếu', body: 'committee', heldOn: '2025-09-20', seats,
        candidates: Array.from({ length: candidates }, (_, i) => ({ fullName: `Ứng Cử Viên ${i + 1}`, memberId: null })),
        convened: ballots, votersPresent: ballots, exclusions: [], committee: [{ fullName: 'Trưởng Ban', memberId: null, role: 'head' }],
        headUserId: me.user.id, operatorIds: [me.user.id, second.user.id],
      })) as { id: string };
      await admin.goto(`${server.baseUrl}/elections/${election.id}`);
      const area = admin.getByTestId('ballot-area');
      await area.waitFor();
      await area.focus();
      // Keep every request's timing, so the server's share of a ballot can be reported beside it.
      await admin.evaluate(() => performance.setResourceTimingBufferSize(1_000));
      const samples: number[] = [];
      const keying: number[] = [];
      for (let n = 1; n <= ballots; n += 1) {
        const start = performance.now();
        for (const key of keysOf(n)) await admin.keyboard.press(key);
        keying.push(Math.round((performance.now() - start) * 10) / 10);
        await admin.keyboard.press('Enter');
        // The next ballot on screen and ready for keys (its number and readiness render in one commit).
        await admin.locator(`[data-testid="ballot-area"][data-ready="yes"][data-ballot="${n + 1}"]`).waitFor();
        samples.push(Math.round((performance.now() - start) * 10) / 10);
        if (n % 25 === 0) ctx.progress(`${n} phiếu / ballots`);
      }
      const saves = await admin.evaluate((count) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/entries') && e instanceof PerformanceResourceTiming && e.initiatorType === 'fetch').slice(-count).map((e) => Math.round(e.duration * 10) / 10), ballots);
      return [
        { name: 'one ballot keyed (3 names struck by number keys, Enter, next ballot shown)', unit: 'ms', samples, targetMax: targetMs },
        { name: 'of which: the name keys before Enter (each handled and rendered)', unit: 'ms', samples: keying },
        { name: 'of which: saving the ballot (POST …/entries as the browser timed it)', unit: 'ms', samples: saves },
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
