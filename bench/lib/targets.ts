import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchPostgres } from '../../server/test/cli-process.ts';
import type { Target } from './types.ts';

const allTargets: readonly Target['name'][] = ['pglite', 'postgres'];

/**
 * PGlite always; PostgreSQL too when BENCH_DATABASE_URL names a server we may create
 * databases on. BENCH_TARGETS (e.g. `postgres`) keeps only the named ones, for runs too
 * long to repeat on every target.
 */
export function targetNames(): readonly Target['name'][] {
  const available = allTargets.filter((name) => name === 'pglite' || Boolean(process.env.BENCH_DATABASE_URL));
  const wanted = process.env.BENCH_TARGETS?.split(',').map((t) => t.trim()).filter(Boolean);
  if (!wanted || wanted.length === 0) return available;
  const unknown = wanted.filter((name) => !available.some((a) => a === name));
  if (unknown.length > 0) throw new Error(`BENCH_TARGETS names ${unknown.join(', ')}, not among ${available.join(', ')} (PostgreSQL needs BENCH_DATABASE_URL)`);
  return available.filter((name) => wanted.includes(name));
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
