import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { testDatabaseUrl } from '../config.ts';
import { tablesBehind, vacuumBehind } from './maintenance.ts';

// The timer runs on PGlite only; a PostgreSQL server has its own autovacuum.
describe.skipIf(testDatabaseUrl() !== undefined)('the embedded autovacuum timer', () => {
  let t: TestApp;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    t = await createTestApp({ EMBEDDED_VACUUM_MINUTES: '1' });
    await vacuumBehind(t.database.db);
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  it('vacuums a bulk-loaded table a minute later while the server runs', async () => {
    await sql`insert into member_search_word (word, sort_key, member_id, search_text, status)
      select 'tu' || i, lpad(i::text, 8, '0'), gen_random_uuid(), 'tu' || i, 'full' from generate_series(1, 40000) as i`.execute(t.database.db);
    const behind = async () => (await tablesBehind(t.database.db)).some((lag) => lag.table === 'member_search_word' && lag.unmarkedPages > 128);
    expect(await behind()).toBe(true);

    vi.advanceTimersByTime(60_000);
    await vi.waitFor(async () => expect(await behind()).toBe(false), { timeout: 20_000, interval: 100 });
  });
});
