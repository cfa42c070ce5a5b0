import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchPostgres } from '../../server/test/cli-process.ts';
import type { Target } from './types.ts';

/** PGlite always; PostgreSQL too when BENCH_DATABASE_URL names a server we may create databases on. */
export function targetNames(): readonly Target['name'][] {
  return process.env.BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Runs work against a fresh, empty target (a temporary DATA_DIR or a scratch database) and removes it afterwards. */
export async function withTarget<T>(name: Target['name'], work: (target: Target) => Promise<T>): Promise<T> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (name === 'postgres') {
    if (!serverUrl) throw new Error('BENCH_DATABASE_URL is not set');
    const scratch = await createScratchPostgres(serverUrl, 'tcxd_bench');
    try {
      return await work({ name, env: { DATABASE_URL: scratch.url } });
    } finally {
      await scratch.drop();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-bench-'));
  try {
    return await work({ name, env: { DATA_DIR: dir } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
