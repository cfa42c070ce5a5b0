import { execFileSync } from 'node:child_process';
import { type MemberImportJob, memberImportJob } from '@tcxd/contract';
import fs from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';
import { bulkRowsOf, type BulkMember } from '../../server/src/modules/members/members.bulk.ts';
import { systemContext } from '../../server/src/platform/context.ts';
import { todayVn } from '../../server/src/platform/today.ts';
import { seededRandom } from '../../server/src/seed/demo-structure.ts';
import { seedDemo } from '../../server/src/seed/seed.ts';
import { firstAdminPassword, repoRoot, startServer } from '../../server/test/cli-process.ts';
import { copyText, timedCopyRolledBack } from '../lib/copy-load.ts';
import { generatedMember, writeMemberCsv } from '../lib/member-file.ts';
import { type BenchDb, withMigratedDatabase } from '../lib/target-db.ts';
import type { Metric, Scenario } from '../lib/types.ts';
import type { Database } from '../../server/src/db/connect.ts';

/** Rows of the imported register (IMPORT_ROWS; the memory target is stated for a million). */
const importRows = Number(process.env.IMPORT_ROWS ?? 1_000_000);
/** Rows of the COPY baseline (a rate; the rows are held in memory as COPY text). */
const copyRows = Math.min(importRows, Number(process.env.COPY_ROWS ?? 200_000));
const memoryTargetMiB = 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMiB(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

async function openCells(db: BenchDb): Promise<{ id: string; code: string }[]> {
  return db.selectFrom('org_unit').select(['id', 'code']).where('kind', 'in', ['cell', 'grassroots_cell']).where('valid_to', 'is', null).orderBy('code').execute();
}

/**
 * The same first rows as the file, built into the three member tables' rows and loaded with
 * COPY into those very tables (same indexes, constraints and tally triggers), in a transaction
 * that is rolled back: the database's raw bulk-load rate for these members, per second.
 */
async function copyBaseline(database: Database, cells: readonly { id: string; code: string }[], today: string): Promise<number> {
  const random = seededRandom(2026);
  const members: BulkMember[] = [];
  for (let i = 0; i < copyRows; i += 1) {
    const m = generatedMember(random, i, today);
    members.push({ ...m, cellId: cells[i % cells.length]?.id ?? '', openedOn: today, documentNumber: null });
  }
  const rows = bulkRowsOf(members, null, today);
  const ms = await timedCopyRolledBack(database, [
    { table: 'party_member', ...copyText(rows.memberRows) },
    { table: 'party_member_event', ...copyText(rows.eventRows) },
    { table: 'party_member_period', ...copyText(rows.periodRows) },
  ]);
  return copyRows / (ms / 1000);
}

async function signInAndChangePassword(baseUrl: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const body: unknown = await login.json();
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('tcxd_session='))?.split(';')[0];
  const csrf = typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string' ? body.csrfToken : null;
  if (!cookie || !csrf) throw new Error(`login failed: ${login.status} ${JSON.stringify(body)}`);
  const headers = { cookie, 'x-csrf-token': csrf };
  const changed = await fetch(`${baseUrl}/api/auth/password`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: password, newPassword: 'Bench-mat-khau-2026!' }) });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status} ${await changed.text()}`);
  return headers;
}

/**
 * GET without a time limit: on PGlite the poll waits while the import's transaction holds the
 * only connection (fetch gives up after 5 minutes without headers).
 */
async function getText(url: string, headers: Record<string, string>): Promise<string> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(url, { headers }, resolve).once('error', reject));
  let body = '';
  for await (const chunk of response) body += String(chunk);
  return body;
}

/** Streams a file as the body of a POST (fetch would need a web stream); answers the status and text. */
async function uploadFile(url: string, headers: Record<string, string>, file: string): Promise<{ status: number; body: string }> {
  const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'content-length': fs.statSync(file).size } });
  const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  await pipeline(fs.createReadStream(file), request);
  const response = await answered;
  let body = '';
  for await (const chunk of response) body += String(chunk);
  return { status: response.statusCode ?? 0, body };
}

/**
 * Import of a member register through the running server: a CSV of IMPORT_ROWS members
 * (default one million) uploaded to POST /api/members/imports (commit, one transaction),
 * timed until the job has ended, with the server's resident memory sampled every 250 ms;
 * next to the same database's COPY rate for the same rows.
 */
export const scenario: Scenario = {
  name: 'member-import',
  description:
    `Nhập sổ đảng viên ${importRows.toLocaleString('vi-VN')} dòng (CSV) qua máy chủ, so với COPY cùng dữ liệu; bộ nhớ máy chủ khi nhập. / ` +
    `Import of a ${importRows.toLocaleString('en')}-row member register (CSV) through the server, next to COPY of the same rows; server memory during the import.`,
  async run(ctx, target) {
    const today = todayVn();
    const { cells, copyRate } = await withMigratedDatabase(target, async (database) => {
      await seedDemo(database.db, systemContext('bench'), 'small');
      const open = await openCells(database.db);
      const rate = await copyBaseline(database, open, today);
      ctx.progress(`COPY baseline: ${Math.round(rate)} members/s over ${copyRows} members (${open.length} cells)`);
      return { cells: open, copyRate: rate };
    });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-import-bench-'));
    const file = path.join(dir, 'so-dang-vien.csv');
    try {
      const bytes = await writeMemberCsv(file, importRows, cells.map((c) => c.code), today);
      ctx.progress(`file: ${importRows} rows, ${(bytes / 1048576).toFixed(0)} MiB`);
      execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
      const server = await startServer({ ...target.env, LOG_LEVEL: 'warn', DEMO_SEED: 'false' });
      try {
        const password = firstAdminPassword(server.output());
        if (!password) throw new Error(`no first admin password:\n${server.output()}`);
        const headers = await signInAndChangePassword(server.baseUrl, password);
        const rss: number[] = [rssMiB(server.pid)];
        const sampler = setInterval(() => rss.push(rssMiB(server.pid)), 250);
        const started = performance.now();
        let job: MemberImportJob;
        try {
          const upload = await uploadFile(`${server.baseUrl}/api/members/imports?format=csv&dryRun=false&fileName=so-dang-vien.csv`, headers, file);
          if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.body}`);
          job = memberImportJob.parse(JSON.parse(upload.body));
          let lastShown = 0;
          while (job.status === 'running') {
            await sleep(500);
            job = memberImportJob.parse(JSON.parse(await getText(`${server.baseUrl}/api/members/imports/${job.id}`, headers)));
            if (performance.now() - lastShown > 10_000) {
              lastShown = performance.now();
              ctx.progress(`${job.rowsRead} rows read, RSS ${Math.round(Math.max(...rss))} MiB so far`);
            }
          }
        } finally {
          clearInterval(sampler);
        }
        const seconds = (performance.now() - started) / 1000;
        if (job.status !== 'done' || !job.result || job.result.errorCount > 0) throw new Error(`import did not succeed: ${JSON.stringify(job).slice(0, 2000)}`);
        const importRate = job.result.created / seconds;
        ctx.progress(`imported ${job.result.created} members in ${seconds.toFixed(1)} s: ${Math.round(importRate)} rows/s (COPY ${Math.round(copyRate)}), max RSS ${Math.round(Math.max(...rss))} MiB`);
        const metrics: Metric[] = [
          { name: `import through the server (${importRows} rows)`, unit: 'rows/s', samples: [importRate] },
          { name: 'COPY of the same rows into the same tables (rolled back)', unit: 'rows/s', samples: [copyRate] },
          { name: 'import rate ÷ COPY rate', unit: '%', samples: [(importRate / copyRate) * 100] },
          { name: 'server RSS during the import (max)', unit: 'MiB', samples: [Math.max(...rss)], targetMax: memoryTargetMiB },
        ];
        return metrics;
      } finally {
        await server.stop('SIGTERM');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
