import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A user's latest notifications and the count of unread ones. */
export async function notificationsOf(db: Kysely<DB>, userId: string) {
  const rows = await db.selectFrom('notification').select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('created_at', 'desc').limit(50).execute();
  const unread = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return { rows, unread: Number(unread?.n ?? 0) };
}

/** Marks some of a user's unread notifications read; answers how many it marked. */
export async function markRead(db: Kysely<DB>, userId: string, ids: readonly string[]): Promise<number> {
  const result = await db.updateTable('notification').set({ read_at: new Date() }).where('user_id', '=', userId).where('id', 'in', ids).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
