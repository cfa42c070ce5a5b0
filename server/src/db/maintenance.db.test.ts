import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from './connect.ts';
import { tablesBehind, vacuumBehind } from './maintenance.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await vacuumBehind(database.db);
});
afterAll(async () => database.close());

/** Loads rows into the name-word table directly, as an import's trigger would. */
async function loadWords(n: number): Promise<void> {
  await sql`insert into member_search_word (word, sort_key, member_id, search_text, status)
    select 'tu' || (i % 500), lpad(i::text, 8, '0'), gen_random_uuid(), 'nguyen van tu' || (i % 500), 'full'
    from generate_series(1, ${n}) as i`.execute(database.db);
}

async function heapFetches(): Promise<number> {
  await sql`set enable_bitmapscan = off`.execute(database.db);
  const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off) select count(*) from member_search_word where word like 'tu12%' and status = 'full'`.execute(database.db);
  await sql`reset enable_bitmapscan`.execute(database.db);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  const fetches = /Heap Fetches: (\d+)/.exec(text);
  if (fetches === null) throw new Error(`no index-only scan in:\n${text}`);
  return Number(fetches[1]);
}

describe('the embedded autovacuum', () => {
  it('finds nothing behind on a freshly vacuumed database', async () => {
    expect(await tablesBehind(database.db)).toEqual([]);
    expect(await vacuumBehind(database.db, 1)).toEqual([]);
  });

  it('picks a bulk-loaded table, vacuums it so index-only reads skip the table, and then has nothing left', async () => {
    await loadWords(60_000);
    const behind = await tablesBehind(database.db);
    expect(behind[0]?.table).toBe('member_search_word');
    expect(behind[0]?.unmarkedPages).toBeGreaterThan(128);
    expect(await heapFetches()).toBeGreaterThan(0);

    const [done] = await vacuumBehind(database.db, 1);
    expect(done?.table).toBe('member_search_word');
    expect(await heapFetches()).toBe(0);
    // By its pages (the counters of another pooled session may reach the statistics later).
    const after = await tablesBehind(database.db);
    expect(after.filter((t) => t.unmarkedPages > 128).map((t) => t.table)).not.toContain('member_search_word');
  });
});
