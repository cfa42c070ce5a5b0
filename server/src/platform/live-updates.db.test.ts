import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from '../db/connect.ts';
import { publishLive, startLiveUpdates, type LiveUpdates } from './live-updates.ts';

/**
 * Two app instances on one database, each with its own listener. On PGlite (the default api
 * project) both share the one PGlite handle, as two instances in one process would, and the
 * engine's listen delivers the NOTIFY to each. With TEST_DATABASE_URL set (npm run test:pg)
 * each instance holds its own PostgreSQL connection, which is the multi-process path.
 */
let database: Database;
let first: LiveUpdates;
let second: LiveUpdates;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await startLiveUpdates(database);
  second = await startLiveUpdates(database);
});
afterAll(async () => {
  await first.close();
  await second.close();
  await database.close();
});

const nextEvent = (live: LiveUpdates, topic: string) =>
  new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event on ${topic}`)), 5000);
    const off = live.subscribe(topic, (data) => {
      clearTimeout(timer);
      off();
      resolve(data);
    });
  });

describe('live updates through LISTEN/NOTIFY', () => {
  it('delivers an event committed through one instance to the subscribers of both', async () => {
    const onFirst = nextEvent(first, 'conference:1');
    const onSecond = nextEvent(second, 'conference:1');
    await database.db.transaction().execute((trx) => publishLive(trx, 'conference:1', { unitId: 'a', checkedIn: true }));
    expect(await onFirst).toEqual({ unitId: 'a', checkedIn: true });
    expect(await onSecond).toEqual({ unitId: 'a', checkedIn: true });
  });

  it('delivers nothing from a rolled-back transaction and nothing of another topic', async () => {
    const seen: unknown[] = [];
    const off = second.subscribe('conference:2', (data) => seen.push(data));
    await database.db
      .transaction()
      .execute(async (trx) => {
        await publishLive(trx, 'conference:2', { rolledBack: true });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const other = nextEvent(second, 'conference:3');
    await database.db.transaction().execute((trx) => publishLive(trx, 'conference:3', { n: 3 }));
    expect(await other).toEqual({ n: 3 });
    // The later event has arrived, so the rolled-back one would have arrived before it.
    expect(seen).toEqual([]);
    off();
  });
});
