/**
 * Importing members from a register sheet (.xlsx or CSV) in one streaming pass: every row is
 * read, parsed and checked (members.sheet-values.ts, members.import-check.ts) and every
 * problem goes into an Excel error report. A dry run writes nothing. A real run inserts the
 * good rows in batches inside one transaction and rolls everything back if any row is
 * wrong, so the import is all-or-nothing; rows already in the registry are skipped, so
 * re-importing a file changes nothing. Memory stays bounded: rows are not kept, only the
 * identities seen (for duplicates inside the file).
 */
import type { MemberImportResult } from '@tcxd/contract';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requirePermission, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { todayVn } from '../../platform/today.ts';
import { type BulkMember, existingIdentities, insertMembersInBulk } from './members.bulk.ts';
import { type ImportLookups, ImportChecker, type CheckedRow } from './members.import-check.ts';
import { cellKinds } from './members.repository.ts';
import { type MemberSheetItem, readMemberSheet, type SheetInput } from './members.sheet-read.ts';
import { type SheetHeader } from './members.sheet-types.ts';
import { parseMemberRow } from './members.sheet-values.ts';
import { type ErrorReportRow, writeErrorReport } from './members.sheet-write.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'finished';

export interface ImportRequest {
  readonly input: SheetInput;
  readonly format: 'xlsx' | 'csv';
  readonly fileName: string;
  readonly dryRun: boolean;
}

/** The outcome: a result (with the error report when a row was wrong), or why the file could not be read. */
export type ImportOutcome =
  | { readonly kind: 'done'; readonly result: MemberImportResult; readonly report: Buffer | null }
  | { readonly kind: 'failed'; readonly failure: string };

/** Rows checked together (one lookup of cells and of existing members per batch). */
const CHECK_BATCH = 1_000;
/** Members inserted per round of the bulk insert. */
const WRITE_BATCH = 2_000;
/** Errors listed in the answer; the Excel report holds all of them. */
const LISTED_ERRORS = 200;

/** Cells and registry members, read through the executor the import runs on. */
function lookupsOn(db: Db, writeScope: readonly string[], today: string): ImportLookups {
  return {
    cells: async (codes) => {
      const rows = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'kind', 'path', 'valid_from', 'valid_to']).where('code', 'in', [...codes]).execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        isCell: cellKinds.has(r.kind),
        open: r.valid_from <= today && (r.valid_to === null || r.valid_to > today),
        writable: withinScope(r.path, writeScope),
      }));
    },
    existing: async (rows) => {
      const found = await existingIdentities(db, rows);
      return found.map((m) => ({ cardNumber: m.card_number, citizenId: m.citizen_id, searchName: m.search_text, birthDate: m.birth_date, homeCellId: m.home_cell_id }));
    },
  };
}

/** Reads items until the header (or a fatal item); the rest of the stream stays for the caller. */
async function headerOf(items: AsyncIterator<MemberSheetItem>): Promise<SheetHeader | string> {
  for (let next = await items.next(); !next.done; next = await items.next()) {
    const item = next.value;
    if (item.kind === 'fatal') return item.failure.message;
    if (item.kind === 'header') return item;
  }
  return 'Tệp không có dữ liệu';
}

interface Tally {
  rows: number;
  created: number;
  unchanged: number;
  errorCount: number;
  readonly errors: { row: number; column: string; message: string }[];
  failure: string | null;
}

/**
 * Runs an import. `onProgress` receives the phase and the data rows read so far (about every
 * thousand rows). The actor needs the right to write records; cells outside their scope read
 * as unknown codes.
 */
export async function importMembers(db: Kysely<DB>, ctx: Context, request: ImportRequest, onProgress?: (phase: ImportPhase, rowsRead: number) => void): Promise<ImportOutcome> {
  requirePermission(ctx, 'records.write');
  const today = todayVn();
  const writeScope = scopePaths(ctx, 'records.write');
  const progress = onProgress ?? (() => undefined);
  const items = readMemberSheet(request.input, request.format, (n) => progress(request.dryRun ? 'checking' : 'writing', n))[Symbol.asyncIterator]();
  progress('reading', 0);
  const header = await headerOf(items);
  if (typeof header === 'string') {
    await items.return?.(undefined);
    return { kind: 'failed', failure: header };
  }
  progress(request.dryRun ? 'checking' : 'writing', 0);
  const tally: Tally = { rows: 0, created: 0, unchanged: 0, errorCount: 0, errors: [], failure: null };

  const run = async (executor: Db, write: ((members: readonly BulkMember[]) => Promise<void>) | null) => {
    const checker = new ImportChecker(lookupsOn(executor, writeScope, today), today);
    const report = await writeErrorReport(errorRows(items, checker, tally, write), { columns: header.keys });
    return tally.errorCount > 0 ? report : null;
  };

  if (request.dryRun) {
    const report = await run(db, null);
    return finish(tally, true, report, progress);
  }
  const rollback = new Error('import rolled back');
  let report: Buffer | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      report = await run(trx, (members) => insertMembersInBulk(trx, members, actorUserId(ctx)).then(() => undefined));
      if (tally.errorCount > 0 || tally.failure !== null) throw rollback;
      await sql`analyze party_member, member_search_word`.execute(trx);
      await recordAudit(trx, ctx, {
        action: 'member.import',
        entityType: 'member_import',
        entityId: null,
        unitId: null,
        after: { fileName: request.fileName, format: request.format, rows: tally.rows, created: tally.created, unchanged: tally.unchanged },
      });
    });
  } catch (error) {
    if (error !== rollback) throw error;
    tally.created = 0;
  }
  return finish(tally, false, report, progress);
}

function finish(tally: Tally, dryRun: boolean, report: Buffer | null, progress: (phase: ImportPhase, rowsRead: number) => void): ImportOutcome {
  progress('finished', tally.rows);
  if (tally.failure !== null) return { kind: 'failed', failure: tally.failure };
  const result: MemberImportResult = { ok: tally.errorCount === 0, dryRun, rows: tally.rows, created: tally.created, unchanged: tally.unchanged, errorCount: tally.errorCount, errors: tally.errors };
  return { kind: 'done', result, report };
}

/**
 * The pass over the data rows, as the stream of rows for the error report: checks each batch,
 * counts outcomes, hands the rows to create to `write` (while no error has been seen; after
 * the first error the import will be rolled back, so nothing more is written) and yields the
 * rows with problems.
 */
async function* errorRows(items: AsyncIterator<MemberSheetItem>, checker: ImportChecker, tally: Tally, write: ((members: readonly BulkMember[]) => Promise<void>) | null): AsyncGenerator<ErrorReportRow> {
  let batch: Parameters<ImportChecker['check']>[0][number][] = [];
  let pending: BulkMember[] = [];
  const flushWrites = async (all: boolean) => {
    if (write === null || tally.errorCount > 0) {
      pending = [];
      return;
    }
    if (pending.length >= WRITE_BATCH || (all && pending.length > 0)) {
      await write(pending);
      pending = [];
    }
  };
  const checkBatch = async function* (): AsyncGenerator<ErrorReportRow> {
    const checked = await checker.check(batch);
    batch = [];
    for (const c of checked) {
      const bad = count(c, tally);
      if (c.outcome === 'create') pending.push(c.member);
      if (bad) yield bad;
    }
    await flushWrites(false);
  };
  for (let next = await items.next(); !next.done; next = await items.next()) {
    const item = next.value;
    if (item.kind === 'fatal') {
      tally.failure = item.failure.message;
      break;
    }
    if (item.kind !== 'row') continue;
    tally.rows += 1;
    batch.push({ raw: item, parsed: parseMemberRow(item, { today: checker.today }) });
    if (batch.length >= CHECK_BATCH) yield* checkBatch();
  }
  if (batch.length > 0) yield* checkBatch();
  await flushWrites(true);
}

/** Counts one outcome; answers the report row when the row has problems. */
function count(c: CheckedRow, tally: Tally): ErrorReportRow | null {
  switch (c.outcome) {
    case 'create':
      tally.created += 1;
      return null;
    case 'unchanged':
      tally.unchanged += 1;
      return null;
    case 'error':
      tally.errorCount += c.problems.length;
      for (const p of c.problems) if (tally.errors.length < LISTED_ERRORS) tally.errors.push({ row: p.row, column: p.column, message: p.message });
      return { row: c.row, values: c.raw.values, problems: c.problems };
  }
}
