import type { ChangePasswordRequest, LoginRequest } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { dummyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from '../../platform/passwords.ts';
import { createSession, type SessionPolicy } from '../../platform/sessions.ts';
import * as repo from './auth.repository.ts';
import { ipWindowSeconds, lockoutSeconds } from './auth.policy.ts';

export interface LoginSettings extends SessionPolicy {
  readonly lockAfter: number;
  readonly ratePerIp: number;
}

export interface LoginClient {
  readonly ip: string;
  readonly userAgent: string | null;
  readonly requestId: string;
}

/**
 * Signs a user in: per-address rate limit, per-account lockout with back-off, argon2id
 * check, then a new server-side session. Failures are recorded (and audited) before the
 * error is thrown, so they count even though the request fails.
 */
export async function login(
  db: Kysely<DB>,
  settings: LoginSettings,
  client: LoginClient,
  input: LoginRequest,
): Promise<{ token: string }> {
  const now = new Date();
  const username = input.username.toLowerCase();
  const failures = await repo.recentFailuresFromIp(db, client.ip, new Date(now.getTime() - ipWindowSeconds * 1000));
  if (failures.count >= settings.ratePerIp) {
    const oldest = failures.oldest ? new Date(failures.oldest).getTime() : now.getTime();
    const retry = Math.max(1, Math.ceil((oldest + ipWindowSeconds * 1000 - now.getTime()) / 1000));
    throw new AppError('rate_limited', { retryAfterSeconds: retry });
  }
  const user = await repo.findLoginUser(db, username);
  const ctxFor = (userId: string | null, name: string): Context => ({
    actor: userId ? { kind: 'user', userId, username: name, fullName: name, grants: [], activeGrantId: null } : { kind: 'system', name: 'login' },
    requestId: client.requestId,
    ip: client.ip,
    locale: 'vi',
  });

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await repo.insertLoginAttempt(db, { ip: client.ip, username, success: false, at: now });
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
    await repo.insertLoginAttempt(db, { ip: client.ip, username, success: false, at: now });
    throw new AppError('account_locked', { retryAfterSeconds: Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000) });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const count = user.failed_login_count + 1;
    const lockSeconds = lockoutSeconds(count, settings.lockAfter);
    const lockedUntil = lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000) : null;
    const unitId = await repo.homeUnitOf(db, user.id);
    await db.transaction().execute(async (trx) => {
      await repo.setLoginFailure(trx, user.id, count, lockedUntil);
      await repo.insertLoginAttempt(trx, { ip: client.ip, username, success: false, at: now });
      await recordAudit(trx, ctxFor(user.id, user.username), {
        action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        unitId,
        after: { failedLoginCount: count, lockedUntil },
      });
    });
    if (lockedUntil) throw new AppError('account_locked', { retryAfterSeconds: lockSeconds });
    throw new AppError('invalid_credentials');
  }
  if (user.disabled_at) throw new AppError('account_disabled');

  const unitId = await repo.homeUnitOf(db, user.id);
  return db.transaction().execute(async (trx) => {
    await repo.setLoginSuccess(trx, user.id, now);
    await repo.insertLoginAttempt(trx, { ip: client.ip, username, success: true, at: now });
    const { token, sessionId } = await createSession(trx, user.id, settings, client, now);
    await recordAudit(trx, ctxFor(user.id, user.username), {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitId,
      after: { session: sessionId.slice(0, 12) },
    });
    return { token };
  });
}

function userIdOf(ctx: Context): string {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  return ctx.actor.userId;
}

/** Ends this session, or every session of the user. Returns how many ended. */
export async function logout(db: Kysely<DB>, ctx: Context, sessionId: string, everywhere: boolean): Promise<number> {
  const userId = userIdOf(ctx);
  const unitId = await repo.homeUnitOf(db, userId);
  return db.transaction().execute(async (trx) => {
    const ended = everywhere ? await repo.deleteUserSessions(trx, userId) : (await repo.deleteSession(trx, sessionId), 1);
    await recordAudit(trx, ctx, {
      action: everywhere ? 'auth.logout_all' : 'auth.logout',
      entityType: 'user',
      entityId: userId,
      unitId,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}

/** Changes the user's own password; every other session of the user is ended. */
export async function changePassword(
  db: Kysely<DB>,
  ctx: Context,
  sessionId: string,
  input: ChangePasswordRequest,
): Promise<void> {
  const userId = userIdOf(ctx);
  const current = await repo.findPasswordHash(db, userId);
  if (!(await verifyPassword(current.password_hash, input.currentPassword))) throw new AppError('password_wrong');
  const weakness = passwordWeakness(input.newPassword, current.username);
  if (weakness) throw new AppError('password_weak', { params: { reason: ctx.locale === 'en' ? weakness.en : weakness.vi } });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('password_weak', { params: { reason: ctx.locale === 'en' ? 'same as the current one' : 'trùng mật khẩu hiện tại' } });
  }
  const hash = await hashPassword(input.newPassword);
  const unitId = await repo.homeUnitOf(db, userId);
  await db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, userId, hash, false, new Date());
    const ended = await repo.deleteUserSessions(trx, userId, sessionId);
    await recordAudit(trx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: userId, unitId, after: { otherSessionsEnded: ended } });
  });
}

/** Chooses the grant the user acts under (null: all grants). */
export async function setScope(db: Kysely<DB>, ctx: Context, sessionId: string, grantId: string | null): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  const { userId, grants } = ctx.actor;
  if (grantId !== null && !grants.some((g) => g.id === grantId)) throw notFound();
  const unitId = await repo.homeUnitOf(db, userId);
  await db.transaction().execute(async (trx) => {
    await repo.setActiveGrant(trx, sessionId, grantId);
    await recordAudit(trx, ctx, { action: 'auth.scope_changed', entityType: 'user', entityId: userId, unitId, after: { grantId } });
  });
}

/** Remembers the user's interface language. */
export async function setLocale(db: Kysely<DB>, ctx: Context, locale: 'vi' | 'en'): Promise<void> {
  const userId = userIdOf(ctx);
  const unitId = await repo.homeUnitOf(db, userId);
  await db.transaction().execute(async (trx) => {
    await repo.setUserLocale(trx, userId, locale);
    await recordAudit(trx, ctx, { action: 'user.locale_changed', entityType: 'user', entityId: userId, unitId, after: { locale } });
  });
}
