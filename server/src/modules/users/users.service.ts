import type { CreateUserRequest, UserView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { grantInput, updateUserRequest, userListQuery } from '@tcxd/contract';
import type { DB } from '../../db/schema.ts';
import { requirePermission, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { generatePassword, hashPassword } from '../../platform/passwords.ts';
import * as auth from '../auth/auth.repository.ts';
import { allWithin } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import * as repo from './users.repository.ts';

type GrantInput = z.infer<typeof grantInput>;
type Db = Kysely<DB> | Transaction<DB>;

function manageScope(ctx: Context): readonly string[] {
  requirePermission(ctx, 'users.manage');
  return scopePaths(ctx, 'users.manage');
}

/** Loads a user the actor manages, with the grants inside the actor's scope. */
async function loadVisible(db: Db, scope: readonly string[], id: string): Promise<UserView> {
  const row = await repo.findUserInScope(db, scope, id);
  if (!row) throw notFound();
  const grants = await repo.grantsOf(db, [id]);
  return presentUser(row, grants.filter((g) => withinScope(g.path, scope)));
}

/** Refuses grants on units outside the scope (404, as if the unit did not exist). */
async function checkGrantTargets(db: Db, scope: readonly string[], grants: readonly GrantInput[]): Promise<void> {
  const ids = [...new Set(grants.map((g) => g.unitId))];
  const units = await repo.unitsByIds(db, ids);
  if (units.length !== ids.length || !allWithin(units.map((u) => u.path), scope)) throw notFound();
}

/** A page of users in scope. */
export async function listUsers(db: Kysely<DB>, ctx: Context, query: z.infer<typeof userListQuery>) {
  const scope = manageScope(ctx);
  const { rows, total } = await repo.listUsers(db, { scope, q: query.q, includeDisabled: query.includeDisabled }, query.page, query.pageSize);
  const grants = await repo.grantsOf(db, rows.map((r) => r.id));
  const visible = grants.filter((g) => withinScope(g.path, scope));
  return { items: rows.map((r) => presentUser(r, visible)), total, page: query.page, pageSize: query.pageSize };
}

/** One user in scope. */
export function getUser(db: Kysely<DB>, ctx: Context, id: string): Promise<UserView> {
  return loadVisible(db, manageScope(ctx), id);
}

/** Creates an account with a temporary password that must be changed at first sign-in. */
export async function createUser(db: Kysely<DB>, ctx: Context, input: CreateUserRequest) {
  const scope = manageScope(ctx);
  await checkGrantTargets(db, scope, input.grants);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const id = newId();
  const user = await db.transaction().execute(async (trx) => {
    if (await repo.usernameExists(trx, input.username)) throw new AppError('username_taken', { params: { username: input.username } });
    await repo.insertUser(trx, {
      id,
      username: input.username,
      full_name: input.fullName,
      email: input.email,
      locale: input.locale,
      password_hash: passwordHash,
      must_change_password: true,
      password_changed_at: new Date(),
    });
    await repo.insertGrants(trx, dedupe(input.grants).map((g) => ({ id: newId(), user_id: id, role: g.role, unit_id: g.unitId })));
    const created = await loadVisible(trx, scope, id);
    await recordAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: id, unitId: input.grants[0]?.unitId ?? null, after: created });
    return created;
  });
  return { user, temporaryPassword };
}

function dedupe(grants: readonly GrantInput[]): GrantInput[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role}:${g.unitId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Changes name, e-mail or language. */
export async function updateUser(db: Kysely<DB>, ctx: Context, id: string, input: z.infer<typeof updateUserRequest>) {
  const scope = manageScope(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await loadVisible(trx, scope, id);
    await repo.updateUser(trx, id, {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    });
    const after = await loadVisible(trx, scope, id);
    await recordAudit(trx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, unitId: firstUnit(after), before, after });
    return after;
  });
}

function firstUnit(user: UserView): string | null {
  return user.grants[0]?.unitId ?? null;
}

/** Requires that all of the user's grants lie inside the scope (whole-account changes). */
async function requireWholeAccount(db: Db, scope: readonly string[], id: string): Promise<void> {
  const grants = await repo.grantsOf(db, [id]);
  if (!allWithin(grants.map((g) => g.path), scope)) throw new AppError('forbidden');
}

async function refuseLastAdmin(db: Db, ctx: Context, id: string): Promise<void> {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === id) throw new AppError('last_admin');
  const grants = await repo.grantsOf(db, [id]);
  const units = await repo.unitsByIds(db, grants.filter((g) => g.role === 'admin').map((g) => g.unit_id));
  if (units.some((u) => u.parent_id === null) && (await repo.countRootAdmins(db, id)) === 0) throw new AppError('last_admin');
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setDisabled(db: Kysely<DB>, ctx: Context, id: string, disabled: boolean): Promise<UserView> {
  const scope = manageScope(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await loadVisible(trx, scope, id);
    await requireWholeAccount(trx, scope, id);
    if (disabled) await refuseLastAdmin(trx, ctx, id);
    await repo.updateUser(trx, id, { disabled_at: disabled ? new Date() : null });
    const ended = disabled ? await auth.deleteUserSessions(trx, id) : 0;
    const after = await loadVisible(trx, scope, id);
    await recordAudit(trx, ctx, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: id,
      unitId: firstUnit(after),
      before,
      after: { ...after, sessionsEnded: ended },
    });
    return after;
  });
}

/** Replaces the user's grants inside the actor's scope; grants elsewhere are kept. */
export async function setGrants(db: Kysely<DB>, ctx: Context, id: string, grants: readonly GrantInput[]): Promise<UserView> {
  const scope = manageScope(ctx);
  await checkGrantTargets(db, scope, grants);
  return db.transaction().execute(async (trx) => {
    const before = await loadVisible(trx, scope, id);
    const wanted = dedupe(grants);
    const removing = before.grants.filter((g) => !wanted.some((w) => w.role === g.role && w.unitId === g.unitId));
    const adding = wanted.filter((w) => !before.grants.some((g) => w.role === g.role && w.unitId === g.unitId));
    if (removing.some((g) => g.role === 'admin')) await refuseLastAdmin(trx, ctx, id);
    await repo.deleteGrants(trx, removing.map((g) => g.id));
    await repo.insertGrants(trx, adding.map((g) => ({ id: newId(), user_id: id, role: g.role, unit_id: g.unitId })));
    const after = await loadVisible(trx, scope, id);
    await recordAudit(trx, ctx, { action: 'user.grants_changed', entityType: 'user', entityId: id, unitId: firstUnit(after), before, after });
    return after;
  });
}

/**
 * Replaces a lost password with a random one, shown once; the user must change it at the
 * next sign-in, and every session of the user ends.
 */
export async function resetPassword(db: Kysely<DB>, ctx: Context, id: string) {
  const scope = manageScope(ctx);
  await loadVisible(db, scope, id);
  await requireWholeAccount(db, scope, id);
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  const user = await db.transaction().execute(async (trx) => {
    const current = await loadVisible(trx, scope, id);
    await auth.setPassword(trx, id, hash, true, new Date());
    await auth.deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, unitId: firstUnit(current) });
    return loadVisible(trx, scope, id);
  });
  return { user, temporaryPassword };
}
