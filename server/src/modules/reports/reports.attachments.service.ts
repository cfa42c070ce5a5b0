import { reportLimits, submissionStatus } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopePaths, withinScope } from '../../platform/access.ts';
import { contentMatches } from '../../platform/attachments.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { todayVn } from '../../platform/today.ts';
import { unitMay, windowOf } from '../../rules/reports/report-periods.ts';
import * as repo from './reports.repository.ts';

const say = (ctx: Context, vi: string, en: string) => (ctx.locale === 'en' ? en : vi);

/** The writer of an editable report: a unit may attach while it can still change the report. */
async function editableSubmission(db: Kysely<DB>, ctx: Context, submissionId: string) {
  const row = await repo.submissionInScope(db, scopePaths(ctx, 'read'), submissionId);
  if (!row) throw notFound();
  if (!withinScope(row.unit_path, scopePaths(ctx, 'records.write'))) throw new AppError('forbidden');
  const period = await repo.periodVisible(db, [''], row.period_id);
  if (!period) throw notFound();
  const unlockedUntil = (await repo.unlocksOf(db, period.id)).get(row.unit_id) ?? null;
  const window = windowOf({ opensOn: period.opens_on, dueOn: period.due_on, locksOn: period.locks_on }, todayVn(), unlockedUntil);
  if (!unitMay(submissionStatus.parse(row.status), window).edit) throw new AppError('refused', { params: { reason: say(ctx, 'Báo cáo không còn sửa được nên không đính kèm thêm được', 'The report can no longer be changed, so nothing can be attached') } });
  return row;
}

/** Attaches a PDF, Word or Excel file (type checked by its first bytes, size limited). */
export async function addAttachment(db: Kysely<DB>, ctx: Context, submissionId: string, file: { fileName: string; contentType: string; bytes: Buffer }) {
  const row = await editableSubmission(db, ctx, submissionId);
  const name = file.fileName.trim().replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  if (name === '') throw invalid([{ path: 'fileName', message: say(ctx, 'Thiếu tên tệp', 'The file name is missing') }]);
  if (file.bytes.length === 0) throw invalid([{ path: 'file', message: say(ctx, 'Tệp rỗng', 'The file is empty') }]);
  if (file.bytes.length > reportLimits.attachmentBytesMax) throw new AppError('payload_too_large');
  if (!contentMatches(file.contentType, file.bytes)) throw invalid([{ path: 'file', message: say(ctx, 'Chỉ nhận tệp PDF, Word hoặc Excel (nội dung tệp không khớp với loại tệp)', 'Only PDF, Word or Excel files are accepted (the content does not match the type)') }]);
  const existing = await repo.attachmentsOf(db, submissionId);
  if (existing.length >= reportLimits.attachmentsPerReport) throw new AppError('refused', { params: { reason: say(ctx, `Mỗi báo cáo đính kèm tối đa ${reportLimits.attachmentsPerReport} tệp`, `At most ${reportLimits.attachmentsPerReport} files per report`) } });
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('report_attachment').values({ id, submission_id: submissionId, file_name: name, content_type: file.contentType, size: file.bytes.length, content: file.bytes, uploaded_by: actorUserId(ctx), uploaded_at: new Date() }).execute();
    await recordAudit(trx, ctx, { action: 'report.attach', entityType: 'report_submission', entityId: submissionId, unitId: row.unit_id, after: { attachmentId: id, fileName: name, size: file.bytes.length } });
  });
  return { id, fileName: name, contentType: file.contentType, size: file.bytes.length, uploadedAt: new Date().toISOString() };
}

/** The bytes of an attachment, for readers of the report. */
export async function readAttachment(db: Kysely<DB>, ctx: Context, id: string) {
  const file = await repo.attachmentWithUnit(db, id);
  if (!file || !withinScope(file.unit_path, scopePaths(ctx, 'read'))) throw notFound();
  return file;
}

/** Removes an attachment (kept in the database, hidden) while the report can still change. */
export async function removeAttachment(db: Kysely<DB>, ctx: Context, id: string): Promise<void> {
  const file = await repo.attachmentWithUnit(db, id);
  if (!file || !withinScope(file.unit_path, scopePaths(ctx, 'read'))) throw notFound();
  const row = await editableSubmission(db, ctx, file.submission_id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('report_attachment').set({ deleted_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'report.detach', entityType: 'report_submission', entityId: file.submission_id, unitId: row.unit_id, before: { attachmentId: id, fileName: file.file_name } });
  });
}
