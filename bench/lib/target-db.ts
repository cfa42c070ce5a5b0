import { connectDatabase, type Database } from '../../server/src/db/connect.ts';
import type { Target } from './types.ts';

/** The typed query builder of an open database (kysely itself is the server's dependency). */
export type BenchDb = Database['db'];

/** Opens a target's database in-process, as `tcxd` would from its environment. */
export async function openTargetDatabase(target: Target): Promise<Database> {
  const url = target.env.DATABASE_URL;
  if (url) return connectDatabase({ kind: 'postgres', url });
  const dataDir = target.env.DATA_DIR;
  if (!dataDir) throw new Error('target without DATA_DIR or DATABASE_URL');
  return connectDatabase({ kind: 'pglite', dataDir });
}

/** Runs work once, appends its wall time in ms to samples and returns its result. */
export async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}
