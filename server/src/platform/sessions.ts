import { createHash, randomBytes } from 'node:crypto';
import { role as roleSchema } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Grant } from './context.ts';

export const sessionCookie = 'tcxd_session';

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export interface LoadedSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly activeGrantId: string | null;
  readonly expiresAt: Date;
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly fullName: string;
    readonly locale: 'vi' | 'en';
    readonly mustChangePassword: boolean;
  };
  readonly grants: readonly Grant[];
}

/** The stored id of a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  trx: Transaction<DB>,
  userId: string,
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  await trx
    .insertInto('user_session')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: randomBytes(24).toString('base64url'),
      active_grant_id: null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId };
}

/**
 * Loads the session behind a cookie token with its user and grants, or null when it is
 * unknown, idle too long, past its absolute expiry, or its user is disabled.
 * Refreshes last_seen_at at most once a minute.
 */
export async function loadSession(
  db: Kysely<DB>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<LoadedSession | null> {
  const id = sessionIdOf(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.active_grant_id',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.full_name',
      'u.locale',
      'u.must_change_password',
      'u.disabled_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  if (row.disabled_at !== null || now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleLimit) {
    await db.deleteFrom('user_session').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const grants = await loadGrants(db, row.user_id);
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    activeGrantId: row.active_grant_id,
    expiresAt: row.expires_at,
    user: {
      id: row.user_id,
      username: row.username,
      fullName: row.full_name,
      locale: row.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: row.must_change_password,
    },
    grants,
  };
}

/** The grants of a user with each unit's path, name and code. */
export async function loadGrants(db: Kysely<DB>, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', 'u.path', 'u.name', 'u.code'])
    .where('g.user_id', '=', userId)
    .orderBy('u.path')
    .orderBy('g.role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: roleSchema.parse(r.role),
    unitId: r.unit_id,
    unitPath: r.path,
    unitName: r.name,
    unitCode: r.code,
  }));
}
