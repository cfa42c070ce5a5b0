import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../server/src/db/connect.ts';

type Value = string | number | boolean | Date | null | undefined;

/** A value in COPY's text format (\N for null; backslash, tab and line breaks escaped). */
function copyValue(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The rows in COPY text format, with the column list taken from the first row. */
export function copyText(rows: readonly Readonly<Record<string, Value>>[]): { columns: string[]; text: string } {
  const columns = Object.keys(rows[0] ?? {});
  const text = rows.map((r) => `${columns.map((c) => copyValue(r[c])).join('\t')}\n`).join('');
  return { columns, text };
}

/** A table and its rows in COPY text format. */
export interface CopyLoad {
  readonly table: string;
  readonly columns: readonly string[];
  readonly text: string;
}

/**
 * COPY FROM STDIN of prepared text into the tables, in one transaction that is rolled back
 * (the database is left as it was): PGlite's /dev/blob, or pg-copy-streams on PostgreSQL.
 * Answers the wall time of the COPY statements in ms.
 */
export async function timedCopyRolledBack(database: Database, loads: readonly CopyLoad[]): Promise<number> {
  const statement = (load: CopyLoad) => `copy ${load.table} (${load.columns.join(', ')}) from`;
  const lite = database.lite;
  if (lite) {
    await lite.exec('begin');
    try {
      const started = performance.now();
      for (const load of loads) await lite.query(`${statement(load)} '/dev/blob'`, [], { blob: new Blob([load.text]) });
      return performance.now() - started;
    } finally {
      await lite.exec('rollback');
    }
  }
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const started = performance.now();
    for (const load of loads) await pipeline(Readable.from([load.text]), client.query(copyFrom(`${statement(load)} stdin`)));
    const elapsed = performance.now() - started;
    await client.query('rollback');
    return elapsed;
  } finally {
    client.release();
  }
}
