import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Applies pending migrations; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<DB>): Promise<readonly string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether every known migration has been applied (for /api/health). */
export async function migrationsCurrent(db: Kysely<DB>): Promise<{ current: boolean; pending: number }> {
  const all = await migrator(db).getMigrations();
  const pending = all.filter((m) => m.executedAt === undefined).length;
  return { current: pending === 0, pending };
}
