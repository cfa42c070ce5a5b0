import { type Kysely, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';

/** The one PostgreSQL channel every app process listens on. */
const channel = 'tcxd_live';

/** NOTIFY payloads are limited to 8000 bytes: send what changed (ids), and let browsers refetch. */
const payloadMax = 7900;

export type LiveListener = (data: unknown) => void;

export interface LiveUpdates {
  /** Calls the listener with each event of the topic published by any process on this database. */
  subscribe(topic: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

/**
 * Publishes an event on a topic inside the caller's transaction: PostgreSQL (and PGlite)
 * deliver a NOTIFY only when the transaction commits, so a rolled-back check-in is never shown.
 */
export async function publishLive(trx: Kysely<DB> | Transaction<DB>, topic: string, data: unknown): Promise<void> {
  const payload = JSON.stringify({ topic, data });
  if (Buffer.byteLength(payload) > payloadMax) throw new RangeError(`live event too large for NOTIFY: ${topic}`);
  await sql`select pg_notify(${channel}, ${payload})`.execute(trx);
}

function parse(payload: string | undefined): { topic: string; data: unknown } | null {
  if (payload === undefined) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value === 'object' && value !== null && 'topic' in value && typeof value.topic === 'string') return { topic: value.topic, data: 'data' in value ? value.data : null };
  } catch {
    // A payload not written by publishLive (someone ran NOTIFY by hand): ignored.
  }
  return null;
}

/**
 * Listens for live events of this database and fans them out to this process's subscribers
 * (the SSE streams of its open browsers). On PostgreSQL one pooled connection is held for
 * LISTEN; on PGlite the engine's own listen is used, so several app instances sharing one
 * PGlite handle each receive every event.
 */
export async function startLiveUpdates(database: Database): Promise<LiveUpdates> {
  const listeners = new Map<string, Set<LiveListener>>();
  const dispatch = (payload: string | undefined) => {
    const event = parse(payload);
    if (!event) return;
    for (const listener of listeners.get(event.topic) ?? []) listener(event.data);
  };
  let stop: () => Promise<void>;
  if (database.lite) {
    const unlisten = await database.lite.listen(channel, dispatch);
    stop = unlisten;
  } else {
    const client: pg.PoolClient = await database.pool.connect();
    const onNotification = (message: pg.Notification) => dispatch(message.payload);
    client.on('notification', onNotification);
    await client.query(`listen ${channel}`);
    stop = async () => {
      client.off('notification', onNotification);
      await client.query(`unlisten ${channel}`).catch(() => undefined);
      client.release();
    };
  }
  return {
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set<LiveListener>();
      set.add(listener);
      listeners.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    close: () => {
      listeners.clear();
      return stop();
    },
  };
}
