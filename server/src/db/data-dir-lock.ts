import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../platform/startup-error.ts';

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite is single-process: two processes on one data directory would corrupt it.
 * A pid file refuses the second one; a stale file from a killed process is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'tcxd.pid');
  const holder = readHolder(file);
  if (holder !== null && holder !== process.pid && isAlive(holder)) {
    throw new StartupError(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng`,
      `The data directory ${dataDir} is in use by process ${holder}`,
    );
  }
  fs.writeFileSync(file, String(process.pid));
  return {
    release: () => {
      if (readHolder(file) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
