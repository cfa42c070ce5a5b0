import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
type Table = keyof DB & string;

const typeCache = new Map<string, ReadonlyMap<string, string>>();

/** Column types of a table as PostgreSQL names them (format_type), read once per process. */
async function columnTypes(db: Executor, table: Table): Promise<ReadonlyMap<string, string>> {
  const cached = typeCache.get(table);
  if (cached) return cached;
  const rows = await sql<{ name: string; type: string }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(db);
  const types = new Map(rows.rows.map((r) => [r.name, r.type]));
  typeCache.set(table, types);
  return types;
}

/**
 * Inserts many rows in one statement with one array parameter per column
 * (`insert … select * from unnest($1::text[], $2::date[], …)`): a handful of parameters
 * instead of rows × columns, several times faster than a multi-row VALUES on PostgreSQL and
 * on PGlite. Every row must have the same keys.
 */
export async function insertByColumns<T extends Table>(db: Executor, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const types = await columnTypes(db, table);
  const columns = Object.keys(first);
  const arrays = columns.map((column) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`${table} has no column ${column}`);
    const values = rows.map((row): unknown => Reflect.get(row, column) ?? null);
    return sql`${sql.val(values)}::${sql.raw(type)}[]`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
}
