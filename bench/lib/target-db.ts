import { connectDatabase, type Database } from '../../server/src/db/connect.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { registerModuleHooks } from '../../server/src/modules/hooks.ts';
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

/** Opens a target's database with the modules' hooks registered and every migration run, hands it to work, and closes it. */
export async function withMigratedDatabase<T>(target: Target, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openTargetDatabase(target);
  try {
    registerModuleHooks();
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Runs work once, appends its wall time in ms to samples and returns its result. */
export async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}
