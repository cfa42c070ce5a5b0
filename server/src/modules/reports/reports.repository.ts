import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

const templateColumns = ['t.id', 't.owner_unit_id', 't.code', 't.name', 't.frequency', 't.assignment', 'u.path as owner_path', 'u.code as owner_code', 'u.name as owner_name'] as const;

/**
 * SQL: the template is visible — its owner lies in the scope (the managing side), or one of
 * the scope's subtrees lies below the owner (the reporting side: a province sees the
 * Centre's templates). ltree's `ltree[] <@ ltree` asks whether the array holds a descendant.
 */
function visibleTemplate(scope: readonly string[]) {
  if (scope.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${inScope(sql.ref('u.path'), scope)} or ${sql.val(scope)}::ltree[] <@ u.path)`;
}

/** Templates visible to the scope (optionally one). */
export function templatesVisible(db: Db, scope: readonly string[], id?: string) {
  let query = db.selectFrom('report_template as t').innerJoin('org_unit as u', 'u.id', 't.owner_unit_id').select(templateColumns).where(visibleTemplate(scope));
  if (id !== undefined) query = query.where('t.id', '=', id);
  return query.orderBy('t.name').execute();
}
export type TemplateRow = Awaited<ReturnType<typeof templatesVisible>>[number];

/** Versions of templates, oldest first. */
export function versionsOf(db: Db, templateIds: readonly string[]) {
  if (templateIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('report_template_version').select(['id', 'template_id', 'version', 'valid_from', 'definition']).where('template_id', 'in', templateIds).orderBy('template_id').orderBy('version').execute();
}
export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

/** The version of a template in force on a date (the latest starting on or before it). */
export function versionInForce(db: Db, templateId: string, date: string) {
  return db
    .selectFrom('report_template_version')
    .select(['id', 'template_id', 'version', 'valid_from', 'definition'])
    .where('template_id', '=', templateId)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const periodColumns = [
  'p.id',
  'p.template_id',
  'p.template_version_id',
  'p.kind',
  'p.label',
  'p.starts_on',
  'p.ends_on',
  'p.opens_on',
  'p.due_on',
  'p.locks_on',
  't.name as template_name',
  't.owner_unit_id',
  't.assignment',
  't.frequency',
  'u.path as owner_path',
  'u.name as owner_name',
  'v.version',
  'v.valid_from as version_valid_from',
  'v.definition',
] as const;

function periodsQuery(db: Db, scope: readonly string[]) {
  return db
    .selectFrom('report_period as p')
    .innerJoin('report_template as t', 't.id', 'p.template_id')
    .innerJoin('org_unit as u', 'u.id', 't.owner_unit_id')
    .innerJoin('report_template_version as v', 'v.id', 'p.template_version_id')
    .select(periodColumns)
    .where(visibleTemplate(scope));
}

/** Periods of visible templates, newest first. */
export function periodsVisible(db: Db, scope: readonly string[], filter: { templateId?: string; year?: number; limit?: number }) {
  let query = periodsQuery(db, scope);
  if (filter.templateId) query = query.where('p.template_id', '=', filter.templateId);
  if (filter.year !== undefined) query = query.where('p.starts_on', '>=', `${filter.year}-01-01`).where('p.starts_on', '<=', `${filter.year}-12-31`);
  return query.orderBy('p.starts_on', 'desc').orderBy('p.label').limit(filter.limit ?? 500).execute();
}

/** One visible period. */
export function periodVisible(db: Db, scope: readonly string[], id: string) {
  return periodsQuery(db, scope).where('p.id', '=', id).executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof periodVisible>>>;

/** The period of the same template and kind just before (or starting on a date, for "same period last year"). */
export function neighbourPeriod(db: Db, scope: readonly string[], period: PeriodRow, which: { before: string } | { startsOn: string }) {
  let query = periodsQuery(db, scope).where('p.template_id', '=', period.template_id).where('p.kind', '=', period.kind);
  query = 'before' in which ? query.where('p.starts_on', '<', which.before).orderBy('p.starts_on', 'desc') : query.where('p.starts_on', '=', which.startsOn);
  return query.limit(1).executeTakeFirst();
}

const submissionColumns = [
  's.id',
  's.period_id',
  's.unit_id',
  's.status',
  's.version',
  's.values',
  's.narrative',
  's.first_submitted_at',
  's.submitted_at',
  's.returned_comment',
  's.accepted_at',
  's.updated_at',
  's.updated_by',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.path as unit_path',
  'a.full_name as updated_by_name',
] as const;

/** A submission whose unit lies in the scope; `forUpdate` locks it for a change. */
export function submissionInScope(db: Db, scope: readonly string[], id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .selectFrom('report_submission as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .leftJoin('app_user as a', 'a.id', 's.updated_by')
    .select(submissionColumns)
    .where('s.id', '=', id)
    .where(inScope(sql.ref('u.path'), scope));
  return (options.forUpdate ? query.forUpdate('s') : query).executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof submissionInScope>>>;

/** The submission of a unit for a period, if any. */
export function submissionOf(db: Db, periodId: string, unitId: string) {
  return db.selectFrom('report_submission').select(['id']).where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
}

/** Status and first sending of every submission of a period (the tracking view's input). */
export interface StatusRow {
  readonly id: string;
  readonly period_id: string;
  readonly unit_id: string;
  readonly status: string;
  readonly first_submitted_at: Date | null;
}

/**
 * The status of every report of some periods. The rows come back as one aggregated text
 * (as the registry's subtree does): thousands of small rows cost PGlite far more one by one.
 * For one period (the tracking of a province, 3,000 reports) its id is not repeated in the text.
 */
export async function statusesOf(db: Db, periodIds: readonly string[]): Promise<StatusRow[]> {
  if (periodIds.length === 0) return [];
  const only = periodIds.length === 1 ? periodIds[0] : undefined;
  const { rows } = await sql<{ rows: string | null }>`
    select string_agg(id::text || ',' || unit_id::text || ',' || status || ',' || coalesce(extract(epoch from first_submitted_at)::text, '')${only === undefined ? sql` || ',' || period_id::text` : sql``}, ';') as rows
    from report_submission where period_id = any(${sql.val(periodIds)}::uuid[])`.execute(db);
  const text = rows[0]?.rows ?? '';
  if (text === '') return [];
  return text.split(';').map((line) => {
    const [id = '', unit = '', status = '', first, period = only ?? ''] = line.split(',');
    return { id, period_id: period, unit_id: unit, status, first_submitted_at: first ? new Date(Number(first) * 1000) : null };
  });
}

/** Values and narratives of sent (not returned) reports of a period by some units. */
export function sentReports(db: Db, periodId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_submission')
    .select(['unit_id', 'values', 'narrative'])
    .where('period_id', '=', periodId)
    .where('status', 'in', ['submitted', 'accepted'])
    .where('unit_id', '=', sql<string>`any(${sql.val(unitIds)}::uuid[])`)
    .execute();
}

/**
 * The figures of every sent report of a period, of the given units. It reads the period's
 * sent reports and keeps the units in JS: passing thousands of ids as an array costs more
 * than the few reports of units no longer expected.
 */
export async function sentValues(db: Db, periodId: string, unitIds: readonly string[]): Promise<{ unit_id: string; values: unknown }[]> {
  if (unitIds.length === 0) return [];
  const wanted = new Set(unitIds);
  // One aggregated row: see statusesOf. The stored figures go out as jsonb's own text, joined
  // into one JSON array (cheaper for the server than building JSON pairs); both aggregates of
  // the query are fed the same rows in the same order, so the i-th figures are the i-th unit's.
  const { rows } = await sql<{ units: string | null; figures: string | null }>`
    select string_agg(unit_id::text, ',') as units, '[' || string_agg("values"::text, ',') || ']' as figures from report_submission
    where period_id = ${periodId} and status in ('submitted', 'accepted')`.execute(db);
  const units = rows[0]?.units;
  const parsed: unknown = JSON.parse(rows[0]?.figures ?? '[]');
  if (!units || !Array.isArray(parsed)) return [];
  return units.split(',').flatMap((unit, i) => (wanted.has(unit) ? [{ unit_id: unit, values: parsed[i] }] : []));
}

/** The units' unlock dates for a period. */
export async function unlocksOf(db: Db, periodId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('report_unlock').select(['unit_id', 'until']).where('period_id', '=', periodId).execute();
  return new Map(rows.map((r) => [r.unit_id, r.until]));
}

/** Every kept version of a submission, in order. */
export function versionsOfSubmission(db: Db, submissionId: string) {
  return db.selectFrom('report_submission_version').select(['seq', 'event', 'values', 'narrative', 'comment', 'actor_name', 'at']).where('submission_id', '=', submissionId).orderBy('seq').execute();
}

/** Appends a kept version of a submission (the next number). */
export async function appendVersion(
  trx: Transaction<DB>,
  entry: { submissionId: string; event: string; values: unknown; narrative: unknown; comment: string | null; actorId: string | null; actorName: string; at: Date },
): Promise<void> {
  const last = await trx.selectFrom('report_submission_version').select((eb) => eb.fn.max('seq').as('seq')).where('submission_id', '=', entry.submissionId).executeTakeFirst();
  await trx
    .insertInto('report_submission_version')
    .values({
      submission_id: entry.submissionId,
      seq: Number(last?.seq ?? 0) + 1,
      event: entry.event,
      values: JSON.stringify(entry.values),
      narrative: JSON.stringify(entry.narrative),
      comment: entry.comment,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      at: entry.at,
    })
    .execute();
}

/** Attachments of a submission that were not removed. */
export function attachmentsOf(db: Db, submissionId: string) {
  return db.selectFrom('report_attachment').select(['id', 'file_name', 'content_type', 'size', 'uploaded_at']).where('submission_id', '=', submissionId).where('deleted_at', 'is', null).orderBy('uploaded_at').execute();
}

/** An attachment with its submission's unit path (for the scope check). */
export function attachmentWithUnit(db: Db, id: string) {
  return db
    .selectFrom('report_attachment as f')
    .innerJoin('report_submission as s', 's.id', 'f.submission_id')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select(['f.id', 'f.submission_id', 'f.file_name', 'f.content_type', 'f.size', 'f.content', 'u.path as unit_path'])
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Latest paths of units (today's structure), by id. */
export async function pathsOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', sql<string>`any(${sql.val(ids)}::uuid[])`).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Units of an emulation group. */
export async function groupUnitIds(db: Db, scope: readonly string[], groupId: string): Promise<Set<string> | null> {
  const group = await db.selectFrom('emulation_group').select('id').where('id', '=', groupId).executeTakeFirst();
  if (!group) return null;
  const rows = await db
    .selectFrom('emulation_group_member as m')
    .innerJoin('org_unit as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id'])
    .where('m.group_id', '=', groupId)
    .where(inScope(sql.ref('u.path'), scope))
    .execute();
  return rows.length === 0 ? null : new Set(rows.map((r) => r.unit_id));
}

/** Active accounts that write for a unit (grants on the unit itself with a writing role), with e-mail. */
export function writersOf(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_grant as g')
    .innerJoin('app_user as a', 'a.id', 'g.user_id')
    .select(['g.unit_id', 'a.id as user_id', 'a.email', 'a.full_name'])
    .where('g.unit_id', '=', sql<string>`any(${sql.val(unitIds)}::uuid[])`)
    .where('g.role', 'in', ['admin', 'staff', 'clerk'])
    .where('a.disabled_at', 'is', null)
    .execute();
}
