import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';
import { wordsInOrderPattern } from '../../platform/search-text.ts';

type Db = Kysely<DB> | Transaction<DB>;

const userColumns = [
  'u.id',
  'u.username',
  'u.full_name',
  'u.email',
  'u.locale',
  'u.disabled_at',
  'u.locked_until',
  'u.last_login_at',
  'u.created_at',
] as const;

export interface UserFilter {
  readonly scope: readonly string[];
  readonly q?: string | undefined;
  readonly includeDisabled: boolean;
}

function filtered(db: Db, filter: UserFilter) {
  let query = db
    .selectFrom('app_user as u')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_grant as g')
          .innerJoin('org_unit as gu', 'gu.id', 'g.unit_id')
          .select(sql.lit(1).as('one'))
          .whereRef('g.user_id', '=', 'u.id')
          .where(inScope(sql.ref('gu.path'), filter.scope)),
      ),
    );
  if (!filter.includeDisabled) query = query.where('u.disabled_at', 'is', null);
  if (filter.q) {
    const pattern = wordsInOrderPattern(filter.q);
    query = query.where((eb) =>
      eb.or([eb('u.username', 'like', pattern), eb(sql<string>`lower(unaccent(u.full_name))`, 'like', pattern)]),
    );
  }
  return query;
}

/** A page of the users holding at least one grant inside the scope. */
export async function listUsers(db: Db, filter: UserFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select(userColumns)
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One user if they hold a grant inside the scope. */
export function findUserInScope(db: Db, scope: readonly string[], id: string) {
  return filtered(db, { scope, includeDisabled: true }).select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserInScope>>>;

/** The grants of some users, each with its unit's path, name and code. */
export function grantsOf(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.unit_id', 'u.path', 'u.name', 'u.code'])
    .where('g.user_id', 'in', userIds)
    .orderBy('u.path')
    .orderBy('g.role')
    .execute();
}

export function usernameExists(db: Db, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}

export function insertUser(
  db: Db,
  user: { id: string; username: string; full_name: string; email: string | null; locale: string; password_hash: string; must_change_password: boolean; password_changed_at: Date },
) {
  return db.insertInto('app_user').values(user).execute();
}

export function updateUser(db: Db, id: string, patch: { full_name?: string; email?: string | null; locale?: string; disabled_at?: Date | null }) {
  return db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export function insertGrants(db: Db, grants: readonly { id: string; user_id: string; role: string; unit_id: string }[]) {
  if (grants.length === 0) return Promise.resolve();
  return db.insertInto('user_grant').values([...grants]).execute().then(() => undefined);
}

export function deleteGrants(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve();
  return db.deleteFrom('user_grant').where('id', 'in', ids).execute().then(() => undefined);
}

/** Enabled users holding the admin role on a top-level unit (the system administrators). */
export async function countRootAdmins(db: Db, excludingUserId: string): Promise<number> {
  const row = await db
    .selectFrom('user_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('org_unit as o', 'o.id', 'g.unit_id')
    .select((eb) => eb.fn.count<number>('u.id').distinct().as('n'))
    .where('g.role', '=', 'admin')
    .where('o.parent_id', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('u.id', '<>', excludingUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Units by id with their paths (to check grant targets against the scope). */
export function unitsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'path', 'parent_id']).where('id', 'in', ids).execute();
}

/** The id of the account with a username. */
export function findIdByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
}
