import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Groups (optionally of a year) with at least one member inside the scope. */
export function groupsInScope(db: Db, scope: readonly string[], filter: { year?: number; id?: string }) {
  let query = db
    .selectFrom('emulation_group as g')
    .select(['g.id', 'g.kind', 'g.name', 'g.year', 'g.note'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('emulation_group_member as m')
          .innerJoin('org_unit as u', 'u.id', 'm.unit_id')
          .select(sql.lit(1).as('one'))
          .whereRef('m.group_id', '=', 'g.id')
          .where(inScope(sql.ref('u.path'), scope)),
      ),
    );
  if (filter.year !== undefined) query = query.where('g.year', '=', filter.year);
  if (filter.id !== undefined) query = query.where('g.id', '=', filter.id);
  return query.orderBy('g.year', 'desc').orderBy('g.kind').orderBy('g.name').execute();
}

/** Members of groups, each with its unit's name as of 1 July of the group's year and its path. */
export function membersOf(db: Db, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('emulation_group_member as m')
    .innerJoin('emulation_group as g', 'g.id', 'm.group_id')
    .innerJoin('org_unit as u', 'u.id', 'm.unit_id')
    .select(['m.group_id', 'm.unit_id', 'm.role', 'u.code', 'u.path'])
    .select(
      sql<string>`coalesce((select v.name from org_unit_version v where v.unit_id = u.id and v.valid_from <= make_date(g.year, 7, 1) order by v.valid_from desc limit 1), u.name)`.as('name'),
    )
    .where('m.group_id', 'in', groupIds)
    .execute();
}

/** Units whose lifetime touches a year (they may be members of that year's groups). */
export function unitsAliveInYear(db: Db, ids: readonly string[], year: number) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where('valid_from', '<', `${year + 1}-01-01`)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', `${year}-01-01`)]))
    .execute();
}

export function groupNameTaken(db: Db, kind: string, name: string, year: number, exceptId: string | null) {
  let query = db.selectFrom('emulation_group').select('id').where('kind', '=', kind).where('name', '=', name).where('year', '=', year);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function saveGroup(
  db: Db,
  group: { id: string; kind: string; name: string; year: number; note: string | null },
  members: readonly { unitId: string; role: string }[],
  isNew: boolean,
): Promise<void> {
  if (isNew) await db.insertInto('emulation_group').values(group).execute();
  else await db.updateTable('emulation_group').set({ kind: group.kind, name: group.name, year: group.year, note: group.note }).where('id', '=', group.id).execute();
  await db.deleteFrom('emulation_group_member').where('group_id', '=', group.id).execute();
  await db.insertInto('emulation_group_member').values(members.map((m) => ({ group_id: group.id, unit_id: m.unitId, role: m.role }))).execute();
}
