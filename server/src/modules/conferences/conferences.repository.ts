import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

const conferenceColumns = [
  'c.id',
  'c.host_unit_id',
  'c.kind',
  'c.title',
  'c.starts_at',
  'c.host_point',
  'c.mode',
  'c.video_link',
  'c.report_period_id',
  'c.confirm_by',
  'c.chair_name',
  'c.chair_title',
  'c.conclusion_summary',
  'h.name as host_name',
  'h.path as host_path',
] as const;

/**
 * Conferences the scope sees: those its units host, and those one of its units takes part in
 * (a province sees the Centre's briefing it is invited to), each with its point counts.
 */
function visible(db: Db, scope: readonly string[]) {
  return db
    .selectFrom('conference as c')
    .innerJoin('org_unit as h', 'h.id', 'c.host_unit_id')
    .select(conferenceColumns)
    .select((eb) => [
      eb.selectFrom('conference_point as p').select(sql<number>`count(*)::int`.as('n')).whereRef('p.conference_id', '=', 'c.id').as('points'),
      eb.selectFrom('conference_point as p').select(sql<number>`count(*)::int`.as('n')).whereRef('p.conference_id', '=', 'c.id').where('p.connected_at', 'is not', null).as('connected'),
      eb.selectFrom('conference_point as p').select(sql<number>`count(*)::int`.as('n')).whereRef('p.conference_id', '=', 'c.id').where('p.confirmed_at', 'is not', null).as('confirmed'),
      eb.selectFrom('conference_point as p').select(sql<number>`count(*)::int`.as('n')).whereRef('p.conference_id', '=', 'c.id').where('p.invited_at', 'is not', null).as('invited'),
    ])
    .where((eb) =>
      eb.or([
        inScope(sql.ref('h.path'), scope),
        eb.exists(
          eb
            .selectFrom('conference_point as p')
            .innerJoin('org_unit as pu', 'pu.id', 'p.unit_id')
            .select(sql.lit(1).as('one'))
            .whereRef('p.conference_id', '=', 'c.id')
            .where(inScope(sql.ref('pu.path'), scope)),
        ),
      ]),
    );
}

export type ConferenceRow = NonNullable<Awaited<ReturnType<typeof conferenceInScope>>>;

/** Conferences of the scope, latest first. */
export function listConferences(db: Db, scope: readonly string[], filter: { year?: number; kind?: string }) {
  let query = visible(db, scope);
  if (filter.year !== undefined) query = query.where('c.starts_at', '>=', new Date(`${filter.year}-01-01T00:00:00+07:00`)).where('c.starts_at', '<', new Date(`${filter.year + 1}-01-01T00:00:00+07:00`));
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  return query.orderBy('c.starts_at', 'desc').limit(500).execute();
}

/** One conference of the scope (undefined when missing or outside it). */
export function conferenceInScope(db: Db, scope: readonly string[], id: string) {
  return visible(db, scope).where('c.id', '=', id).executeTakeFirst();
}

/** The connection points of a conference, by unit code; only those in `scope` unless it is null (the host sees all). */
export function pointsOf(db: Db, conferenceId: string, scope: readonly string[] | null) {
  let query = db
    .selectFrom('conference_point as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'u.code', 'u.name', 'u.path', 'p.chair', 'p.attendees', 'p.contact', 'p.invited_at', 'p.confirmed_at', 'p.connected_at'])
    .where('p.conference_id', '=', conferenceId);
  if (scope !== null) query = query.where(inScope(sql.ref('u.path'), scope));
  return query.orderBy('u.code').execute();
}

/** One point of a conference with its unit's path (for the write check). */
export function pointOf(db: Db, conferenceId: string, unitId: string) {
  return db
    .selectFrom('conference_point as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'u.path', 'u.name', 'p.connected_at', 'p.confirmed_at'])
    .where('p.conference_id', '=', conferenceId)
    .where('p.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Connected and total points (the board's figure). */
export async function pointCounts(db: Db, conferenceId: string): Promise<{ connected: number; points: number }> {
  const row = await db
    .selectFrom('conference_point')
    .select([sql<number>`count(*)::int`.as('points'), sql<number>`count(connected_at)::int`.as('connected')])
    .where('conference_id', '=', conferenceId)
    .executeTakeFirstOrThrow();
  return { connected: row.connected, points: row.points };
}

/** The agenda in order, with the documents and units it names. */
export function agendaOf(db: Db, conferenceId: string) {
  return db
    .selectFrom('conference_agenda_item as a')
    .leftJoin('party_document as d', 'd.id', 'a.document_id')
    .leftJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.kind', 'a.title', 'a.document_id', 'd.number_text', 'd.subject', 'a.unit_id', 'u.name as unit_name', 'a.speaker'])
    .where('a.conference_id', '=', conferenceId)
    .orderBy('a.position')
    .execute();
}

/** The conclusion items in order, with their lead units. */
export function conclusionsOf(db: Db, conferenceId: string) {
  return db
    .selectFrom('conference_conclusion as k')
    .innerJoin('org_unit as u', 'u.id', 'k.lead_unit_id')
    .select(['k.id', 'k.text', 'k.lead_unit_id', 'u.name as lead_unit_name', 'k.due_on', 'k.task_id'])
    .where('k.conference_id', '=', conferenceId)
    .orderBy('k.position')
    .execute();
}
