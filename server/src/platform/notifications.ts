import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId } from './ids.ts';

/** An in-app notification to write for a user. */
export interface NewNotification {
  readonly userId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
}

/** Writes notifications in the caller's transaction (they appear with the change that caused them). */
export async function notifyUsers(db: Kysely<DB> | Transaction<DB>, notes: readonly NewNotification[]): Promise<void> {
  if (notes.length === 0) return;
  await db
    .insertInto('notification')
    .values(notes.map((n) => ({ id: newId(), user_id: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link })))
    .execute();
}
