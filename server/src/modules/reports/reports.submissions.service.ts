import { reportNarrative, reportValues, type SaveSubmissionRequest, type SubmissionVersionView, type SubmissionView, submissionStatus, submissionVersionView, templateDefinition } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { notifyUsers } from '../../platform/notifications.ts';
import { todayVn } from '../../platform/today.ts';
import { compileStored } from '../../rules/reports/report-definition.ts';
import { reviewerMay, unitMay, windowOf } from '../../rules/reports/report-periods.ts';
import { cleanNarrative, computeValues, validateValues } from '../../rules/reports/report-values.ts';
import { filledFigures } from './reports.autofill.ts';
import { expectedUnits } from './reports.expected.ts';
import { isoTime, vnDateOf, vnTimeText } from './reports.presenter.ts';
import * as repo from './reports.repository.ts';
import { manages, visiblePeriod } from './reports.templates.service.ts';

const say = (ctx: Context, vi: string, en: string) => (ctx.locale === 'en' ? en : vi);
const refused = (ctx: Context, vi: string, en: string) => new AppError('refused', { params: { reason: say(ctx, vi, en) } });
const actorName = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.fullName : `system:${ctx.actor.name}`);

/** The compiled definition of a period's template version. */
export function compiledOf(period: repo.PeriodRow) {
  return compileStored(templateDefinition.parse(period.definition));
}

async function periodOf(db: Kysely<DB> | Transaction<DB>, periodId: string): Promise<repo.PeriodRow> {
  const period = await repo.periodVisible(db, [''], periodId);
  if (!period) throw notFound();
  return period;
}

async function present(db: Kysely<DB>, ctx: Context, row: repo.SubmissionRow, period: repo.PeriodRow): Promise<SubmissionView> {
  const compiled = compiledOf(period);
  const unlocks = await repo.unlocksOf(db, period.id);
  const unlockedUntil = unlocks.get(row.unit_id) ?? null;
  const window = windowOf({ opensOn: period.opens_on, dueOn: period.due_on, locksOn: period.locks_on }, todayVn(), unlockedUntil);
  const status = submissionStatus.parse(row.status);
  const values = reportValues.parse(row.values);
  const narrative = reportNarrative.parse(row.narrative);
  const writes = withinScope(row.unit_path, scopePaths(ctx, 'records.write'));
  const may = unitMay(status, window);
  const attachments = await repo.attachmentsOf(db, row.id);
  return {
    id: row.id,
    periodId: row.period_id,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    status,
    version: row.version,
    values,
    narrative,
    issues: validateValues(compiled, values, narrative, { complete: true, locale: ctx.locale }),
    firstSubmittedAt: isoTime(row.first_submitted_at),
    submittedAt: isoTime(row.submitted_at),
    late: row.first_submitted_at !== null && vnDateOf(row.first_submitted_at) > period.due_on,
    returnComment: row.returned_comment,
    acceptedAt: isoTime(row.accepted_at),
    updatedAt: isoTime(row.updated_at) ?? '',
    updatedBy: row.updated_by_name,
    window,
    unlockedUntil,
    can: { edit: writes && may.edit, submit: writes && may.submit, review: manages(ctx, period.owner_path) && reviewerMay(status) },
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, uploadedAt: isoTime(a.uploaded_at) ?? '' })),
  };
}

/** One report, for its unit's readers and the managing side (404 outside the scope). */
export async function getSubmission(db: Kysely<DB>, ctx: Context, id: string): Promise<SubmissionView> {
  const row = await repo.submissionInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  return present(db, ctx, row, await periodOf(db, row.period_id));
}

/**
 * The report of a unit for a period, opened as a draft (with the registry figures filled
 * in) the first time. The unit must be one the period expects and one the actor writes for.
 */
export async function openSubmission(db: Kysely<DB>, ctx: Context, periodId: string, unitId: string): Promise<SubmissionView> {
  const period = await visiblePeriod(db, ctx, periodId);
  const readScope = scopePaths(ctx, 'read');
  const expected = await expectedUnits(db, readScope, period);
  if (!expected.some((u) => u.id === unitId)) throw notFound();
  const existing = await repo.submissionOf(db, periodId, unitId);
  if (existing) return getSubmission(db, ctx, existing.id);
  const unitPath = (await repo.pathsOf(db, [unitId])).get(unitId) ?? '';
  if (!withinScope(unitPath, scopePaths(ctx, 'records.write'))) throw new AppError('forbidden');
  const compiled = compiledOf(period);
  const values = computeValues(compiled, {}, await filledFigures(db, compiled, unitId, period));
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    const inserted = await trx
      .insertInto('report_submission')
      .values({ id, period_id: periodId, unit_id: unitId, status: 'draft', values: JSON.stringify(values), narrative: '{}', updated_by: actorUserId(ctx), updated_at: now, created_at: now })
      .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) await recordAudit(trx, ctx, { action: 'report.draft_open', entityType: 'report_submission', entityId: id, unitId, after: { periodId } });
  });
  const row = await repo.submissionOf(db, periodId, unitId);
  if (!row) throw notFound();
  return getSubmission(db, ctx, row.id);
}

/** Locks a report for a change, after the scope and the caller's version (optimistic concurrency). */
async function lockForChange(trx: Transaction<DB>, ctx: Context, id: string, version: number) {
  const row = await repo.submissionInScope(trx, scopePaths(ctx, 'read'), id, { forUpdate: true });
  if (!row) throw notFound();
  if (row.version !== version) throw new AppError('edit_conflict', { params: { by: row.updated_by_name ?? say(ctx, 'Người khác', 'Someone else'), at: vnTimeText(row.updated_at) } });
  const period = await periodOf(trx, row.period_id);
  const unlockedUntil = (await repo.unlocksOf(trx, period.id)).get(row.unit_id) ?? null;
  const window = windowOf({ opensOn: period.opens_on, dueOn: period.due_on, locksOn: period.locks_on }, todayVn(), unlockedUntil);
  return { row, period, window, status: submissionStatus.parse(row.status) };
}

function requireWriter(ctx: Context, row: repo.SubmissionRow): void {
  if (!withinScope(row.unit_path, scopePaths(ctx, 'records.write'))) throw new AppError('forbidden');
}

function lockedReason(ctx: Context, status: string, window: string): AppError {
  if (status === 'submitted' || status === 'accepted') return refused(ctx, 'Báo cáo đã gửi: số liệu đã khóa, chỉ sửa được khi cấp trên trả lại', 'The report was sent: its figures are locked until it is returned');
  if (window === 'not_open') return refused(ctx, 'Kỳ báo cáo chưa mở', 'The period is not open yet');
  return refused(ctx, 'Kỳ báo cáo đã khóa; đề nghị cấp trên mở khóa cho đơn vị', 'The period is locked; ask the managing unit to unlock it for you');
}

/** Saves a draft (or a returned report being corrected): the autosave. Registry figures are refreshed, computed ones recomputed. */
export async function saveSubmission(db: Kysely<DB>, ctx: Context, id: string, input: SaveSubmissionRequest): Promise<SubmissionView> {
  await db.transaction().execute(async (trx) => {
    const { row, period, window, status } = await lockForChange(trx, ctx, id, input.version);
    requireWriter(ctx, row);
    if (!unitMay(status, window).edit) throw lockedReason(ctx, status, window);
    const compiled = compiledOf(period);
    const values = computeValues(compiled, input.values, await filledFigures(trx, compiled, row.unit_id, period));
    const narrative = cleanNarrative(compiled, input.narrative);
    await trx
      .updateTable('report_submission')
      .set({ values: JSON.stringify(values), narrative: JSON.stringify(narrative), version: row.version + 1, updated_by: actorUserId(ctx), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'report.save', entityType: 'report_submission', entityId: id, unitId: row.unit_id, before: { version: row.version }, after: { version: row.version + 1, values, narrative } });
  });
  return getSubmission(db, ctx, id);
}

/** Sends the report (first time or after a return). Every error of the figures and required parts blocks it. */
export async function submitSubmission(db: Kysely<DB>, ctx: Context, id: string, version: number): Promise<SubmissionView> {
  await db.transaction().execute(async (trx) => {
    const { row, period, window, status } = await lockForChange(trx, ctx, id, version);
    requireWriter(ctx, row);
    if (!unitMay(status, window).submit) throw lockedReason(ctx, status, window);
    const compiled = compiledOf(period);
    const values = reportValues.parse(row.values);
    const narrative = reportNarrative.parse(row.narrative);
    const errors = validateValues(compiled, values, narrative, { complete: true, locale: ctx.locale }).filter((i) => i.severity === 'error');
    if (errors.length > 0) throw invalid(errors.map((e) => ({ path: e.field, message: e.message })));
    const now = new Date();
    await trx
      .updateTable('report_submission')
      .set({ status: 'submitted', first_submitted_at: row.first_submitted_at ?? now, submitted_at: now, version: row.version + 1, updated_by: actorUserId(ctx), updated_at: now })
      .where('id', '=', id)
      .execute();
    const event = status === 'returned' ? 'resubmitted' : 'submitted';
    await repo.appendVersion(trx, { submissionId: id, event, values, narrative, comment: null, actorId: actorUserId(ctx), actorName: actorName(ctx), at: now });
    await recordAudit(trx, ctx, { action: `report.${event}`, entityType: 'report_submission', entityId: id, unitId: row.unit_id, after: { window, values, narrative } });
    // The receiving unit learns of it with the change itself (same transaction).
    const receivers = await repo.writersOf(trx, [period.owner_unit_id]);
    const verb = event === 'resubmitted' ? 'gửi lại' : 'gửi';
    await notifyUsers(trx, receivers.map((w) => ({ userId: w.user_id, kind: `report.${event}`, title: `${row.unit_name} đã ${verb} báo cáo ${period.label}`, body: window === 'late' ? 'Gửi sau hạn' : 'Gửi đúng hạn', link: `/reports/submissions/${id}` })));
  });
  return getSubmission(db, ctx, id);
}

/** The managing unit sends a report back with comments, or accepts it. */
export async function reviewSubmission(db: Kysely<DB>, ctx: Context, id: string, input: { version: number; decision: 'return' | 'accept'; comment?: string }): Promise<SubmissionView> {
  await db.transaction().execute(async (trx) => {
    const { row, period, status } = await lockForChange(trx, ctx, id, input.version);
    if (!manages(ctx, period.owner_path)) throw new AppError('forbidden');
    if (!reviewerMay(status)) throw refused(ctx, 'Chỉ trả lại hoặc tiếp nhận được báo cáo đã gửi', 'Only a sent report can be returned or accepted');
    const now = new Date();
    const returning = input.decision === 'return';
    await trx
      .updateTable('report_submission')
      .set({ status: returning ? 'returned' : 'accepted', returned_comment: returning ? (input.comment ?? null) : row.returned_comment, accepted_at: returning ? null : now, version: row.version + 1, updated_by: actorUserId(ctx), updated_at: now })
      .where('id', '=', id)
      .execute();
    await repo.appendVersion(trx, { submissionId: id, event: returning ? 'returned' : 'accepted', values: row.values, narrative: row.narrative, comment: input.comment ?? null, actorId: actorUserId(ctx), actorName: actorName(ctx), at: now });
    await recordAudit(trx, ctx, { action: returning ? 'report.return' : 'report.accept', entityType: 'report_submission', entityId: id, unitId: row.unit_id, after: { comment: input.comment ?? null } });
    if (returning) {
      const writers = await repo.writersOf(trx, [row.unit_id]);
      await notifyUsers(trx, writers.map((w) => ({ userId: w.user_id, kind: 'report.returned', title: `Báo cáo ${period.label} bị trả lại`, body: input.comment ?? '', link: `/reports/submissions/${id}` })));
    }
  });
  return getSubmission(db, ctx, id);
}

/** Every sent version of a report (sent, returned with comments, resent, accepted), to compare. */
export async function submissionVersions(db: Kysely<DB>, ctx: Context, id: string): Promise<SubmissionVersionView[]> {
  const row = await repo.submissionInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  const versions = await repo.versionsOfSubmission(db, id);
  return versions.map((v) => submissionVersionView.parse({ seq: v.seq, event: v.event, values: v.values, narrative: v.narrative, comment: v.comment, actorName: v.actor_name, at: isoTime(v.at) }));
}

/** The centre lets one unit send a locked period's report until a date (audited). */
export async function unlockUnit(db: Kysely<DB>, ctx: Context, periodId: string, input: { unitId: string; until: string; reason: string }): Promise<{ unitId: string; until: string }> {
  const period = await visiblePeriod(db, ctx, periodId);
  if (!manages(ctx, period.owner_path)) throw new AppError('forbidden');
  const expected = await expectedUnits(db, scopePaths(ctx, 'read'), period);
  if (!expected.some((u) => u.id === input.unitId)) throw notFound();
  if (input.until < todayVn()) throw invalid([{ path: 'until', message: say(ctx, 'Ngày mở khóa đến phải từ hôm nay trở đi', 'The unlock must last until today or later') }]);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('report_unlock').select(['until', 'reason']).where('period_id', '=', periodId).where('unit_id', '=', input.unitId).executeTakeFirst();
    await trx
      .insertInto('report_unlock')
      .values({ period_id: periodId, unit_id: input.unitId, until: input.until, reason: input.reason, granted_by: actorUserId(ctx), granted_at: new Date() })
      .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doUpdateSet({ until: input.until, reason: input.reason, granted_by: actorUserId(ctx), granted_at: new Date() }))
      .execute();
    await recordAudit(trx, ctx, { action: 'report.unlock', entityType: 'report_period', entityId: periodId, unitId: input.unitId, before: before ?? null, after: input });
  });
  return { unitId: input.unitId, until: input.until };
}
