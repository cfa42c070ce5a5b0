/**
 * Member imports as background jobs: the upload is saved to a temporary file, the job row
 * records the phase and rows read (any app process can answer a poll from it), and the
 * result and error report are stored with the job when it ends. A job is visible only to
 * the user who started it.
 */
import fs from 'node:fs';
import type { MemberImportJob } from '@tcxd/contract';
import type { Kysely, Selectable } from 'kysely';
import type { DB, MemberImportJobTable } from '../../db/schema.ts';
import { requirePermission } from '../../platform/access.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type ImportOutcome, type ImportPhase, importMembers } from './members.import.ts';

type JobRow = Selectable<MemberImportJobTable>;

const jobColumns = ['id', 'status', 'phase', 'dry_run', 'file_name', 'rows_read', 'result', 'failure'] as const;
const PROGRESS_EVERY_MS = 500;
const running = new Set<Promise<void>>();

/** Resolves when every import started by this process has ended (graceful shutdown, tests). */
export async function importsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

function presentJob(row: Pick<JobRow, (typeof jobColumns)[number]>): MemberImportJob {
  const status = row.status === 'done' || row.status === 'failed' ? row.status : 'running';
  const phase = row.phase === 'checking' || row.phase === 'writing' || row.phase === 'finished' ? row.phase : 'reading';
  return { id: row.id, status, phase, dryRun: row.dry_run, fileName: row.file_name, rowsRead: row.rows_read, result: (row.result as MemberImportJob['result']) ?? null, failure: row.failure };
}

function resultColumns(outcome: ImportOutcome) {
  return outcome.kind === 'done'
    ? { status: 'done', result: JSON.stringify(outcome.result), report: outcome.report, failure: null }
    : { status: 'failed', result: null, report: null, failure: outcome.failure };
}

/**
 * Starts importing an uploaded file (already saved at `path`, removed when the job ends) and
 * answers the job at once; the work goes on in the background.
 */
export async function startImportJob(db: Kysely<DB>, ctx: Context, upload: { path: string; format: 'xlsx' | 'csv'; fileName: string; dryRun: boolean }): Promise<MemberImportJob> {
  requirePermission(ctx, 'records.write');
  const id = newId();
  const row = await db
    .insertInto('member_import_job')
    .values({ id, status: 'running', phase: 'reading', dry_run: upload.dryRun, file_name: upload.fileName, format: upload.format, created_by: actorUserId(ctx) })
    .returning(jobColumns)
    .executeTakeFirstOrThrow();

  let last = 0;
  const onProgress = (phase: ImportPhase, rowsRead: number) => {
    const now = Date.now();
    if (phase !== 'finished' && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    // Not awaited: inside the import's transaction on PGlite (one connection) it waits for the commit.
    void db.updateTable('member_import_job').set({ phase, rows_read: rowsRead, updated_at: new Date() }).where('id', '=', id).where('status', '=', 'running').execute().catch(() => undefined);
  };
  const work = importMembers(db, ctx, { input: { path: upload.path }, format: upload.format, fileName: upload.fileName, dryRun: upload.dryRun }, onProgress)
    .catch((error: unknown): ImportOutcome => ({ kind: 'failed', failure: `Lỗi khi nhập: ${error instanceof Error ? error.message : String(error)}` }))
    .then(async (outcome) => {
      await db
        .updateTable('member_import_job')
        .set({ ...resultColumns(outcome), phase: 'finished', rows_read: outcome.kind === 'done' ? outcome.result.rows : 0, updated_at: new Date(), finished_at: new Date() })
        .where('id', '=', id)
        .execute();
    })
    .finally(() => {
      fs.rm(upload.path, { force: true }, () => undefined);
      running.delete(work);
    });
  running.add(work);
  return presentJob(row);
}

/** A job of the caller's (another user's job answers like a missing one). */
export async function getImportJob(db: Kysely<DB>, ctx: Context, id: string): Promise<MemberImportJob> {
  const row = await db.selectFrom('member_import_job').select(jobColumns).where('id', '=', id).where('created_by', '=', actorUserId(ctx)).executeTakeFirst();
  if (!row) throw notFound();
  return presentJob(row);
}

/** The error report (.xlsx) of a finished job of the caller's. */
export async function importReport(db: Kysely<DB>, ctx: Context, id: string): Promise<Buffer> {
  const row = await db.selectFrom('member_import_job').select('report').where('id', '=', id).where('created_by', '=', actorUserId(ctx)).executeTakeFirst();
  if (!row?.report) throw notFound();
  return row.report;
}
