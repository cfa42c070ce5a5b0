import { type Kysely, sql } from 'kysely';

/**
 * The error report of a member import (.xlsx), kept with its job so that any app process can
 * serve the download, and who may see the job (the importer's unit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table member_import_job add column report bytea, add column finished_at timestamptz`.execute(db);
  await sql`create index member_import_job_owner on member_import_job (created_by, created_at desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
