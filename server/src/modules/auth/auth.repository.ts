import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The columns login needs for a username (stored lower-case). */
export function findLoginUser(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'disabled_at', 'failed_login_count', 'locked_until'])
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

/** Failed attempts from an IP since a time, and the oldest of them (for Retry-After). */
export async function recentFailuresFromIp(db: Db, ip: string, since: Date) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest };
}

export function insertLoginAttempt(db: Db, attempt: { ip: string; username: string; success: boolean; at: Date }) {
  return db.insertInto('login_attempt').values(attempt).execute();
}

export function setLoginFailure(db: Db, userId: string, failedCount: number, lockedUntil: Date | null) {
  return db
    .updateTable('app_user')
    .set({ failed_login_count: failedCount, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export function setLoginSuccess(db: Db, userId: string, at: Date) {
  return db
    .updateTable('app_user')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

export function deleteSession(db: Db, sessionId: string) {
  return db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, optionally keeping one. Returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findPasswordHash(db: Db, userId: string) {
  return db.selectFrom('app_user').select(['password_hash', 'username']).where('id', '=', userId).executeTakeFirstOrThrow();
}

export function setPassword(db: Db, userId: string, passwordHash: string, mustChange: boolean, at: Date) {
  return db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: at, failed_login_count: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export function setActiveGrant(db: Db, sessionId: string, grantId: string | null) {
  return db.updateTable('user_session').set({ active_grant_id: grantId }).where('id', '=', sessionId).execute();
}

export function setUserLocale(db: Db, userId: string, locale: string) {
  return db.updateTable('app_user').set({ locale }).where('id', '=', userId).execute();
}

/** The first unit the user holds a grant on: where the user's own audit rows are filed. */
export async function homeUnitOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('user_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select('g.unit_id')
    .where('g.user_id', '=', userId)
    .orderBy('u.path')
    .limit(1)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}
