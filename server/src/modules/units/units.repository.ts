import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

const columns = ['u.id', 'u.code', 'u.name', 'u.kind', 'u.parent_id', 'u.valid_from', 'u.valid_to'] as const;

function withChildCount(db: Kysely<DB>) {
  return db
    .selectFrom('org_unit as u')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('org_unit as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.valid_to', 'is', null)
        .as('child_count'),
    );
}

/** Current children of a unit, in scope, by name. */
export function childrenOf(db: Kysely<DB>, scope: readonly string[], parentId: string) {
  return withChildCount(db)
    .where('u.parent_id', '=', parentId)
    .where('u.valid_to', 'is', null)
    .where(inScope(sql.ref('u.path'), scope))
    .orderBy('u.code')
    .execute();
}

/** Units by id, in scope. */
export function unitsInScope(db: Kysely<DB>, scope: readonly string[], ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return withChildCount(db).where('u.id', 'in', ids).where(inScope(sql.ref('u.path'), scope)).orderBy('u.path').execute();
}

export type UnitRow = Awaited<ReturnType<typeof childrenOf>>[number];

/** Inserts a unit (its path must already be computed). */
export function insertUnit(
  db: Kysely<DB> | Transaction<DB>,
  unit: { id: string; code: string; name: string; kind: string; parent_id: string | null; path: string; valid_from: string; search_text: string },
) {
  return db.insertInto('org_unit').values({ ...unit, valid_to: null }).execute();
}

/** The unit with a code, if any. */
export function findByCode(db: Kysely<DB> | Transaction<DB>, code: string) {
  return db.selectFrom('org_unit').select(['id', 'path', 'name']).where('code', '=', code).executeTakeFirst();
}
