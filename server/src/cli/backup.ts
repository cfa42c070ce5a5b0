import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { pgliteExtensions } from '../db/connect.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { StartupError } from '../platform/startup-error.ts';
import type { CommandHelp } from './help.ts';

export const backupHelp: CommandHelp = {
  usage: 'backup <tệp|file>',
  vi: [
    'Sao lưu toàn bộ CSDL vào một tệp.',
    'PGlite (mặc định): bản nén thư mục dữ liệu (.tar.gz); cần dừng máy chủ trước.',
    'PostgreSQL (DATABASE_URL): định dạng custom của pg_dump (cần cài pg_dump).',
  ].join('\n'),
  en: [
    'Back up the whole database to one file.',
    'PGlite (default): a compressed dump of the data directory (.tar.gz); stop the server first.',
    'PostgreSQL (DATABASE_URL): pg_dump custom format (needs pg_dump installed).',
  ].join('\n'),
};

export const restoreHelp: CommandHelp = {
  usage: 'restore <tệp|file>',
  vi: [
    'Khôi phục CSDL từ tệp sao lưu (thay thế toàn bộ dữ liệu hiện có).',
    'PGlite: thư mục dữ liệu cũ được giữ lại bên cạnh (pg.before-restore-…); cần dừng máy chủ trước.',
    'PostgreSQL: dùng pg_restore --clean (cần cài pg_restore).',
  ].join('\n'),
  en: [
    'Restore the database from a backup file (replaces all current data).',
    'PGlite: the old data directory is kept beside it (pg.before-restore-…); stop the server first.',
    'PostgreSQL: uses pg_restore --clean (needs pg_restore installed).',
  ].join('\n'),
};

function requireFile(args: readonly string[]): string {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) throw new StartupError('Thiếu tên tệp', 'Missing file name');
  return path.resolve(file);
}

/** tcxd backup <file> */
export async function backup(config: Config, args: readonly string[]): Promise<void> {
  const file = requireFile(args);
  if (config.databaseUrl) {
    await runTool('pg_dump', ['--format=custom', `--file=${file}`, '--no-owner', config.databaseUrl]);
  } else {
    const pgDir = path.join(config.dataDir, 'pg');
    if (!fs.existsSync(pgDir)) throw new StartupError(`Chưa có dữ liệu trong ${config.dataDir}`, `No data in ${config.dataDir}`);
    const lock = acquireDataDirLock(config.dataDir);
    try {
      const lite = new PGlite(pgDir, { extensions: pgliteExtensions });
      // dumpDataDir before the engine is ready never settles.
      await lite.waitReady;
      const dump = await lite.dumpDataDir('gzip');
      await lite.close();
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      lock.release();
    }
  }
  console.log(`Đã sao lưu vào / Backed up to ${file} (${fs.statSync(file).size.toLocaleString('vi-VN')} bytes)`);
}

/** tcxd restore <file> */
export async function restore(config: Config, args: readonly string[]): Promise<void> {
  const file = requireFile(args);
  if (!fs.existsSync(file)) throw new StartupError(`Không tìm thấy tệp ${file}`, `File not found: ${file}`);
  if (config.databaseUrl) {
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, file]);
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const lock = acquireDataDirLock(config.dataDir);
    const pgDir = path.join(config.dataDir, 'pg');
    const staging = path.join(config.dataDir, `pg.restoring-${Date.now()}`);
    try {
      const blob = new Blob([fs.readFileSync(file)]);
      const lite = new PGlite(staging, { extensions: pgliteExtensions, loadDataDir: blob });
      await lite.waitReady;
      await lite.query('select count(*) from audit_log');
      await lite.close();
      if (fs.existsSync(pgDir)) fs.renameSync(pgDir, path.join(config.dataDir, `pg.before-restore-${Date.now()}`));
      fs.renameSync(staging, pgDir);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (error instanceof StartupError) throw error;
      throw new StartupError(`Tệp sao lưu không hợp lệ (${(error as Error).message})`, `Invalid backup file (${(error as Error).message})`);
    } finally {
      lock.release();
    }
  }
  console.log(`Đã khôi phục từ / Restored from ${file}`);
}

function runTool(tool: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new StartupError(`Không tìm thấy ${tool}; cài gói postgresql-client (apt-get install postgresql-client)`, `${tool} not found; install postgresql-client`)
          : error,
      );
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new StartupError(`${tool} thất bại (mã ${code})`, `${tool} failed (exit ${code})`))));
  });
}
