import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';
import { wordsInOrderPattern } from '../../platform/search-text.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface TaskFilter {
  readonly view: 'mine' | 'unit' | 'all';
  readonly status?: string;
  readonly overdue?: boolean;
  readonly dueBefore?: string;
  readonly documentId?: string;
  readonly year?: number;
  readonly q?: string;
  readonly limit: number;
}

function base(db: Db) {
  return db
    .selectFrom('work_task as t')
    .innerJoin('org_unit as o', 'o.id', 't.owner_unit_id')
    .innerJoin('org_unit as l', 'l.id', 't.lead_unit_id')
    .select([
      't.id',
      't.parent_id',
      't.owner_unit_id',
      't.title',
      't.description',
      't.source_kind',
      't.source_document_id',
      't.lead_unit_id',
      'l.name as lead_unit_name',
      't.lead_person',
      't.starts_on',
      't.due_on',
      't.status',
      't.progress',
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** Tasks assigned by, led by, or given to a unit of the scope. */
function visible(db: Db, scope: readonly string[]) {
  return base(db).where((eb) =>
    eb.or([
      inScope(sql.ref('o.path'), scope),
      inScope(sql.ref('l.path'), scope),
      eb.exists(eb.selectFrom('work_task_assignment as a').innerJoin('org_unit as au', 'au.id', 'a.unit_id').select(sql.lit(1).as('one')).whereRef('a.task_id', '=', 't.id').where(inScope(sql.ref('au.path'), scope))),
    ]),
  );
}

/** Ids of the tasks the actor's own units must carry out: they lead, coordinate or are tracked on them. */
function ownIds(db: Db, own: readonly string[]) {
  return db
    .selectFrom('work_task as ml')
    .select('ml.id')
    .where('ml.lead_unit_id', 'in', own)
    .union(db.selectFrom('work_task_assignment as ma').select('ma.task_id as id').where('ma.unit_id', 'in', own))
    .union(db.selectFrom('work_task_coordinator as mc').select('mc.task_id as id').where('mc.unit_id', 'in', own));
}

/**
 * Tasks visible in a scope. "mine": the actor's own units must carry them out (looked up from
 * those units through indexes, never by walking every task); "unit": the actor's own units assigned them.
 */
export function listTasks(db: Db, scope: readonly string[], ownUnitIds: readonly string[], filter: TaskFilter, today: string) {
  let query = visible(db, scope);
  const own = ownUnitIds.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : ownUnitIds;
  if (filter.view === 'mine') query = query.where('t.id', 'in', ownIds(db, own));
  if (filter.view === 'unit') query = query.where('t.owner_unit_id', 'in', own);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  if (filter.overdue === true) query = query.where('t.due_on', '<', today).where('t.status', 'not in', ['done', 'cancelled']);
  if (filter.dueBefore) query = query.where('t.due_on', '<=', filter.dueBefore);
  if (filter.documentId) query = query.where('t.source_document_id', '=', filter.documentId);
  if (filter.year !== undefined) query = query.where('t.due_on', '>=', `${filter.year}-01-01`).where('t.due_on', '<=', `${filter.year}-12-31`);
  if (filter.q) query = query.where('t.search_text', 'like', wordsInOrderPattern(filter.q));
  return query.orderBy('t.due_on').orderBy('t.id').limit(filter.limit).execute();
}

/** One task visible in the scope (same rule as the list). */
export function taskInScope(db: Db, scope: readonly string[], id: string) {
  return visible(db, scope).where('t.id', '=', id).executeTakeFirst();
}

/** Direct sub-tasks of a task. */
export function subTasks(db: Db, id: string) {
  return base(db).where('t.parent_id', '=', id).orderBy('t.due_on').execute();
}

/** The per-unit tracking of a task, each unit with its name and path. */
export function assignmentsOf(db: Db, id: string) {
  return db
    .selectFrom('work_task_assignment as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.unit_id', 'u.name', 'u.path', 'a.status', 'a.progress', 'a.completed_on'])
    .where('a.task_id', '=', id)
    .execute();
}

/** Tally of a task's per-unit tracking, counted in SQL (a task may be given to thousands of cells). */
export async function rolloutTally(db: Db, id: string) {
  const row = await db
    .selectFrom('work_task_assignment')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where status = 'done'))::int`.as('completed')])
    .where('task_id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}

/** Units not done yet inside the scope, least progress first. */
export function behindOf(db: Db, scope: readonly string[], id: string, limit: number) {
  return db
    .selectFrom('work_task_assignment as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.unit_id', 'u.name', 'a.status', 'a.progress'])
    .where('a.task_id', '=', id)
    .where('a.status', 'not in', ['done', 'cancelled'])
    .where(inScope(sql.ref('u.path'), scope))
    .orderBy('a.progress')
    .orderBy('u.name')
    .limit(limit)
    .execute();
}

/** Coordinating units of a task. */
export function coordinatorsOf(db: Db, id: string) {
  return db.selectFrom('work_task_coordinator as c').innerJoin('org_unit as u', 'u.id', 'c.unit_id').select(['c.unit_id', 'u.name']).where('c.task_id', '=', id).execute();
}

/** Updates and comments of a task, newest first. */
export function updatesOf(db: Db, id: string) {
  return db
    .selectFrom('work_task_update as w')
    .leftJoin('org_unit as u', 'u.id', 'w.unit_id')
    .select(['w.id', 'w.kind', 'w.unit_id', 'u.name as unit_name', 'w.status', 'w.progress', 'w.note', 'w.created_at'])
    .where('w.task_id', '=', id)
    .orderBy('w.created_at', 'desc')
    .limit(200)
    .execute();
}

/** Status and progress of the parts a parent's figures derive from. */
export async function partsOf(db: Db, id: string) {
  const children = await db.selectFrom('work_task').select(['status', 'progress']).where('parent_id', '=', id).execute();
  const assignments = await db.selectFrom('work_task_assignment').select(['status', 'progress']).where('task_id', '=', id).execute();
  return { children, assignments };
}

/** Units (by id) with their paths. */
export function unitPaths(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', ids).execute();
}
