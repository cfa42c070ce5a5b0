import { type Permission, rolePermissions } from '@tcxd/contract';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Context, Grant } from './context.ts';
import { AppError, notFound } from './errors.ts';

/** The grants in force for this request: the active one, or all when none is chosen. */
export function effectiveGrants(ctx: Context): readonly Grant[] {
  const { actor } = ctx;
  if (actor.kind !== 'user') return [];
  const active = actor.grants.find((g) => g.id === actor.activeGrantId);
  return active ? [active] : actor.grants;
}

/**
 * The ltree paths whose subtrees the actor may act on with a permission.
 * The system (CLI) gets the empty path, the ancestor of every unit.
 */
export function scopePaths(ctx: Context, permission: Permission): readonly string[] {
  if (ctx.actor.kind === 'system') return [''];
  return effectiveGrants(ctx)
    .filter((g) => rolePermissions[g.role].includes(permission))
    .map((g) => g.unitPath);
}

/** Whether the actor holds a permission anywhere (e.g. to see the admin menu). */
export function hasPermission(ctx: Context, permission: Permission): boolean {
  return scopePaths(ctx, permission).length > 0;
}

/** SQL: the unit path expression lies in one of the scope's subtrees. */
export function inScope(path: Expression<string>, paths: readonly string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.val(paths)}::ltree[] @> ${path}`;
}

/** Whether one ltree path lies inside another (pure; mirrors ltree's <@). */
export function pathWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
}

/** Whether a unit path lies inside one of the scope's subtrees (pure; mirrors inScope). */
export function withinScope(path: string, scope: readonly string[]): boolean {
  return scope.some((s) => pathWithin(path, s));
}

/**
 * Loads a unit the actor may act on with a permission. A unit outside the readable
 * scope answers exactly like a missing one (404); readable but not writable is 403.
 */
export async function requireUnit(
  db: Kysely<DB>,
  ctx: Context,
  unitId: string,
  permission: Permission,
): Promise<{ readonly id: string; readonly path: string; readonly name: string }> {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound();
  if (!withinScope(unit.path, scopePaths(ctx, 'read'))) throw notFound();
  if (!withinScope(unit.path, scopePaths(ctx, permission))) throw new AppError('forbidden');
  return unit;
}

/** Refuses unless the actor holds the permission somewhere. */
export function requirePermission(ctx: Context, permission: Permission): void {
  if (!hasPermission(ctx, permission)) throw new AppError('forbidden');
}
