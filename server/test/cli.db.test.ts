import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../src/config.ts';
import { type CliResult, createScratchPostgres, type EnvOverrides, freePort, printedPassword, runCli } from './cli-process.ts';

// Every case runs the real `tcxd` binary in a child process: exit codes and output are the contract.
const slow = 180_000;
const pgUrl = testDatabaseUrl();
const commands = ['serve', 'migrate', 'create-admin', 'user', 'backup', 'restore', 'audit', 'demo', 'import'] as const;

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-cli-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function expectOk(result: CliResult): void {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
}

/** Exit 1 with one bilingual line on stderr containing every fragment, and no stack trace. */
function expectStartupFailure(result: CliResult, ...fragments: readonly string[]): void {
  expect(result.code, result.stdout + result.stderr).toBe(1);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('tcxd --help', () => {
  it('tcxd --help lists the commands in Vietnamese and English', async () => {
    const result = await runCli(['--help']);
    expectOk(result);
    for (const command of commands) expect(result.stdout).toContain(`  ${command} `);
    expect(result.stdout).toContain('Cách dùng / Usage');
  }, slow);

  it.concurrent.each(commands)(
    '%s --help prints Vietnamese and English and exits 0',
    async (command) => {
      const result = await runCli([command, '--help']);
      expectOk(result);
      expect(result.stdout).toContain(`Cách dùng / Usage: tcxd ${command}`);
      // Vietnamese diacritics and plain English words both appear.
      expect(result.stdout).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
      expect(result.stdout).toMatch(/\b(the|a|and|to|of)\b/);
    },
    slow,
  );
});

/** Accounts, audit and PGlite backup/restore, in order, on one data directory. */
describe('tcxd on PGlite (DATA_DIR)', () => {
  const env = (): EnvOverrides => ({ DATA_DIR: path.join(tmp, 'data') });
  const backupFile = () => path.join(tmp, 'backup.tar.gz');
  let firstPassword = '';

  it('create-admin prints a temporary password', async () => {
    const result = await runCli(['create-admin', 'boss'], env());
    expectOk(result);
    firstPassword = printedPassword(result.stdout) ?? '';
    expect(firstPassword.length).toBeGreaterThanOrEqual(10);
  }, slow);

  it('user add, user disable', async () => {
    const added = await runCli(['user', 'add', 'clerk1', '--role', 'clerk', '--unit', 'TW', '--full-name', 'Nguyễn Văn Thư'], env());
    expectOk(added);
    expect(printedPassword(added.stdout)).toBeTruthy();
    const disabled = await runCli(['user', 'disable', 'clerk1'], env());
    expectOk(disabled);
    expect(disabled.stdout).toContain('clerk1');
  }, slow);

  it('user reset-password prints a new, different password', async () => {
    const result = await runCli(['user', 'reset-password', 'boss'], env());
    expectOk(result);
    const second = printedPassword(result.stdout);
    expect(second).toBeTruthy();
    expect(second).not.toBe(firstPassword);
  }, slow);

  it('user commands on an unknown account fail clearly', async () => {
    expectStartupFailure(await runCli(['user', 'reset-password', 'nobody'], env()), 'Không có tài khoản nobody', 'No account nobody');
  }, slow);

  it('audit verify reports an intact chain with rows', async () => {
    const result = await runCli(['audit', 'verify'], env());
    expectOk(result);
    const rows = Number(/Audit chain intact: (\d+)/.exec(result.stdout)?.[1] ?? 0);
    expect(rows).toBeGreaterThanOrEqual(4);
  }, slow);

  it('import members checks a file and reports each bad row with its column, writing nothing', async () => {
    const file = path.join(tmp, 'so-dang-vien.csv');
    fs.writeFileSync(file, 'Họ và tên,Giới tính,Ngày sinh,Dân tộc,Ngày vào Đảng,Mã chi bộ\nNguyễn Văn An,Nam,31/02/1980,Kinh,19/05/2005,CB-KHONG-CO\n');
    const report = path.join(tmp, 'loi.xlsx');
    const result = await runCli(['import', 'members', file, '--commit', '--report', report], env());
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('dòng / row 2, cột / column "Ngày sinh"');
    expect(result.stdout).toContain('Không có chi bộ mã "CB-KHONG-CO"');
    expect(result.stdout).toContain('không ghi dòng nào');
    expect(fs.statSync(report).size).toBeGreaterThan(1000);
    expectStartupFailure(await runCli(['import', 'members', path.join(tmp, 'so.pdf')], env()), 'Chỉ nhận tệp .xlsx hoặc .csv');
  }, slow);

  it('backup, then restore drops what was added after the backup', async () => {
    const backup = await runCli(['backup', backupFile()], env());
    expectOk(backup);
    expect(fs.statSync(backupFile()).size).toBeGreaterThan(0);
    expectOk(await runCli(['user', 'add', 'late1', '--role', 'viewer'], env()));
    const restored = await runCli(['restore', backupFile()], env());
    expectOk(restored);
    expect(restored.stdout).toContain('Restored from');
    expectStartupFailure(await runCli(['user', 'reset-password', 'late1'], env()), 'No account late1');
    expectOk(await runCli(['user', 'reset-password', 'clerk1'], env()));
    expectOk(await runCli(['audit', 'verify'], env()));
  }, slow);

  it('restore of a garbage file fails clearly and keeps the data', async () => {
    const garbage = path.join(tmp, 'garbage.tar.gz');
    fs.writeFileSync(garbage, 'đây không phải bản sao lưu / this is not a backup\n'.repeat(100));
    expectStartupFailure(await runCli(['restore', garbage], env()), 'Tệp sao lưu không hợp lệ', 'Invalid backup file');
    expectStartupFailure(await runCli(['restore', path.join(tmp, 'missing.tar.gz')], env()), 'File not found');
    expectOk(await runCli(['user', 'reset-password', 'boss'], env()));
    expectOk(await runCli(['audit', 'verify'], env()));
  }, slow);
});

describe('tcxd serve start-up errors', () => {
  it('an unreachable DATABASE_URL gives one bilingual line and exit 1', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x', PORT: '0' });
    expectStartupFailure(result, 'Không kết nối được PostgreSQL', 'Cannot connect');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }, slow);

  it('a port in use gives "Cổng ... đang được dùng" and exit 1', async () => {
    // Reuses the migrated data directory above when present (a fresh one costs a first start).
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const result = await runCli(['serve'], { DATA_DIR: path.join(tmp, 'data'), HOST: '127.0.0.1', PORT: String(port) });
      expectStartupFailure(result, `Cổng ${port} đang được dùng`, `Port ${port} is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, slow);

  it('a DATA_DIR that cannot be created gives the data directory message and exit 1', async () => {
    const file = path.join(tmp, 'a-regular-file');
    fs.writeFileSync(file, 'not a directory');
    const result = await runCli(['serve'], { DATA_DIR: path.join(file, 'data'), PORT: '0' });
    expectStartupFailure(result, 'Không ghi được vào thư mục dữ liệu', 'is not writable');
  }, slow);

  it('PORT=abc gives "Cấu hình không hợp lệ" and exit 1', async () => {
    const result = await runCli(['serve'], { DATA_DIR: path.join(tmp, 'unused'), PORT: 'abc' });
    expectStartupFailure(result, 'Cấu hình không hợp lệ', 'Invalid configuration', 'PORT');
  }, slow);
});

describe('tcxd on PostgreSQL (DATABASE_URL)', () => {
  it.skipIf(!pgUrl)(
    `backup and restore with pg_dump/pg_restore${pgUrl ? '' : ' — skipped: TEST_DATABASE_URL is not set'}`,
    async () => {
      if (!pgUrl) return;
      const scratch = await createScratchPostgres(pgUrl, 'tcxd_cli');
      const env = { DATABASE_URL: scratch.url };
      const file = path.join(tmp, 'pg-backup.dump');
      try {
        expectOk(await runCli(['create-admin', 'boss'], env));
        expectOk(await runCli(['user', 'add', 'clerk1', '--role', 'clerk'], env));
        expectOk(await runCli(['backup', file], env));
        expect(fs.statSync(file).size).toBeGreaterThan(0);
        expectOk(await runCli(['user', 'add', 'late1'], env));
        expectOk(await runCli(['restore', file], env));
        expectStartupFailure(await runCli(['user', 'reset-password', 'late1'], env), 'No account late1');
        expectOk(await runCli(['user', 'reset-password', 'clerk1'], env));
        expectOk(await runCli(['audit', 'verify'], env));
      } finally {
        await scratch.drop();
      }
    },
    slow,
  );
});
