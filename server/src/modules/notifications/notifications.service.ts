import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { markRead, notificationsOf } from './notifications.repository.ts';

/** The signed-in user's latest notifications (nobody else's: the user comes from the session). */
export async function myNotifications(db: Kysely<DB>, ctx: Context) {
  return notificationsOf(db, actorUserId(ctx) ?? '');
}

/** Marks some of the signed-in user's notifications read, audited like every change. */
export async function markMyNotificationsRead(db: Kysely<DB>, ctx: Context, ids: readonly string[]): Promise<void> {
  const userId = actorUserId(ctx);
  if (userId === null || ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const marked = await markRead(trx, userId, ids);
    if (marked > 0) await recordAudit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: null, unitId: null, after: { ids, marked } });
  });
}
