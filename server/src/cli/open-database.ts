import type { Config } from '../config.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { registerModuleHooks } from '../modules/hooks.ts';

/** Opens the configured database (PostgreSQL via DATABASE_URL, else PGlite in DATA_DIR) and migrates it. */
export async function openDatabase(config: Config): Promise<{ database: Database; applied: readonly string[] }> {
  const database = config.databaseUrl
    ? await connectDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await connectDatabase({ kind: 'pglite', dataDir: config.dataDir });
  registerModuleHooks();
  try {
    const applied = await migrateToLatest(database.db);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs work on the migrated database and always closes it. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const { database } = await openDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
