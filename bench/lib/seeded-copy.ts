import fs from 'node:fs';
import pg from 'pg';
import type { BenchContext, Target } from './types.ts';

/** The environment variables naming a seeded database to start from, per target. */
export const seededCopyEnv = { pglite: 'BENCH_SEEDED_DATA_DIR', postgres: 'BENCH_SEEDED_DATABASE' } as const;

async function onServer(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Fills the target's fresh database with a copy of an already seeded one instead of seeding it
 * (at national scale `tcxd demo` takes most of an hour on PGlite, 25 minutes on PostgreSQL):
 * BENCH_SEEDED_DATA_DIR is a PGlite DATA_DIR written by `tcxd demo --scale …` (copied file by
 * file), BENCH_SEEDED_DATABASE a database on the BENCH_DATABASE_URL server (cloned as a
 * template). The original is never written. Answers whether the target now holds the copy;
 * scenarios then report no seeding figures.
 */
export async function useSeededCopy(target: Target, ctx: BenchContext): Promise<boolean> {
  const source = process.env[seededCopyEnv[target.name]];
  if (!source) return false;
  if (target.name === 'pglite') {
    const dataDir = target.env.DATA_DIR;
    if (!dataDir) throw new Error('PGlite target without DATA_DIR');
    if (!fs.existsSync(`${source}/pg/PG_VERSION`)) throw new Error(`${seededCopyEnv.pglite}=${source} is not a PGlite DATA_DIR (no pg/PG_VERSION)`);
    fs.cpSync(`${source}/pg`, `${dataDir}/pg`, { recursive: true });
  } else {
    const serverUrl = process.env.BENCH_DATABASE_URL;
    const url = target.env.DATABASE_URL;
    if (!serverUrl || !url) throw new Error('PostgreSQL target without BENCH_DATABASE_URL');
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    await onServer(serverUrl, [`drop database ${identifier(name)} with (force)`, `create database ${identifier(name)} template ${identifier(source)}`]);
  }
  ctx.progress(`started from a copy of ${source} (seeded beforehand; no seeding figures in this run)`);
  return true;
}
