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

/** COPY FROM STDIN of prepared text into a table: PGlite's /dev/blob, or pg-copy-streams on PostgreSQL. */
export async function copyInto(database: Database, table: string, columns: readonly string[], text: string): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  if (database.lite) {
    await database.lite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const client = await database.pool.connect();
  try {
    await pipeline(Readable.from([text]), client.query(copyFrom(`${statement} stdin`)));
  } finally {
    client.release();
  }
}
