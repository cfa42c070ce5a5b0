import { type Kysely, sql } from 'kysely';

/**
 * The last date each structure version touches (its end, or its start while open), so that
 * "does anything start or end after this date" — whether the structure on a date is the latest
 * one — is one index probe.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index org_unit_version_last_date on org_unit_version ((coalesce(valid_to, valid_from)))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
