import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * PGlite is one process with no autovacuum worker, so nothing marks its pages all-visible and
 * every "index only" read goes back to the table. Measured on a 500,000-row table: a range
 * read touched 1,104 pages before VACUUM and 62 after; at national scale, where the table is
 * far bigger than the cache, that is the difference between a name search in seconds and in
 * milliseconds. This module does the autovacuum's work: after bulk loads and on a timer.
 */

/** A table and how far its statistics and visibility map have fallen behind. */
export interface TableLag {
  readonly table: string;
  /** Rows changed or added since the last VACUUM or ANALYZE, past autovacuum's default threshold. */
  readonly changedRows: number;
  /** Pages not yet marked all-visible. */
  readonly unmarkedPages: number;
}

/**
 * The tables PostgreSQL's autovacuum would pick with its default settings (dead rows past
 * 50 + 20 %, inserted rows past 1,000 + 20 %, changed rows past 50 + 10 % since ANALYZE), and
 * those with more than 128 + 20 % of their pages not all-visible (the counters restart with the
 * engine; the page count does not). Most behind first.
 */
export async function tablesBehind(db: Kysely<DB>): Promise<TableLag[]> {
  // The session's own counters reach the statistics when it next goes idle, at most once a second unless forced.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const rows = await sql<{ table: string; changed: number; unmarked: number }>`
    with t as (
      select s.relname as table, greatest(c.reltuples, 0) as tuples,
        s.n_dead_tup as dead, s.n_ins_since_vacuum as inserted, s.n_mod_since_analyze as modified,
        pg_relation_size(c.oid) / current_setting('block_size')::int as pages, c.relallvisible as visible
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = 'public'
    )
    select "table", greatest(dead, inserted, modified)::float8 as changed, greatest(pages - visible, 0)::float8 as unmarked
    from t
    where dead > 50 + 0.2 * tuples or inserted > 1000 + 0.2 * tuples or modified > 50 + 0.1 * tuples
      or pages - visible > 128 + 0.2 * pages
    order by greatest(pages - visible, 0) desc, changed desc, "table"`.execute(db);
  return rows.rows.map((r) => ({ table: r.table, changedRows: r.changed, unmarkedPages: r.unmarked }));
}

/** VACUUM (ANALYZE) of one table, or of the whole database. Must not run inside a transaction. */
export async function vacuumAnalyze(db: Kysely<DB>, table?: string): Promise<void> {
  await (table === undefined ? sql`vacuum (analyze)` : sql`vacuum (analyze) ${sql.table(table)}`).execute(db);
}

/**
 * The tables behind, most behind first, vacuumed and analysed one after the other, at most
 * `max` of them: the timer takes one a step so that, on the single-session engine, requests are
 * answered in between; a command ending after a bulk load takes them all.
 */
export async function vacuumBehind(db: Kysely<DB>, max = Number.POSITIVE_INFINITY, onTable?: (lag: TableLag) => void): Promise<TableLag[]> {
  const lags = (await tablesBehind(db)).slice(0, max);
  for (const lag of lags) {
    onTable?.(lag);
    await vacuumAnalyze(db, lag.table);
  }
  return lags;
}
