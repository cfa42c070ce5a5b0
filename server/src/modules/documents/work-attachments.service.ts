import { type attachmentTypes, workAttachmentLimits } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths } from '../../platform/access.ts';
import { checkUpload, type UploadedFile } from '../../platform/attachments.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { taskInScope } from '../tasks/tasks.repository.ts';
import { documentInScope } from './documents.repository.ts';
import * as repo from './work-attachments.repository.ts';

const kinds: ReadonlyArray<(typeof attachmentTypes)[keyof typeof attachmentTypes]> = ['pdf', 'doc', 'docx'];
const rules = { kinds, maxBytes: workAttachmentLimits.bytesMax, kindsLabel: { vi: 'PDF hoặc Word', en: 'PDF or Word' } };

type Owner = { documentId: string } | { taskUpdateId: string };

/** Stores a checked file on its record and audits it, in one transaction. */
async function store(db: Kysely<DB>, ctx: Context, owner: Owner, unitId: string, file: UploadedFile, audit: { entityType: string; entityId: string }) {
  const name = checkUpload(ctx, file, rules);
  return db.transaction().execute(async (trx) => {
    if ((await repo.attachmentCount(trx, owner)) >= workAttachmentLimits.perRecord) {
      throw new AppError('refused', { params: { reason: ctx.locale === 'en' ? `At most ${workAttachmentLimits.perRecord} files per record` : `Mỗi văn bản, mỗi lần báo cáo đính kèm tối đa ${workAttachmentLimits.perRecord} tệp` } });
    }
    const id = newId();
    const row = {
      id,
      document_id: 'documentId' in owner ? owner.documentId : null,
      task_update_id: 'taskUpdateId' in owner ? owner.taskUpdateId : null,
      unit_id: unitId,
      file_name: name,
      content_type: file.contentType,
      size: file.bytes.length,
      content: file.bytes,
      uploaded_by: actorUserId(ctx),
    };
    await trx.insertInto('work_attachment').values(row).execute();
    await recordAudit(trx, ctx, { action: 'work.attached', entityType: audit.entityType, entityId: audit.entityId, unitId, after: { attachmentId: id, fileName: name, size: file.bytes.length, contentType: file.contentType } });
    const stored = await repo.attachmentById(trx, id);
    if (!stored) throw notFound();
    return repo.presentAttachment(stored);
  });
}

/** Attaches a PDF or Word file to a document; only the registering unit's writers may. */
export async function attachToDocument(db: Kysely<DB>, ctx: Context, documentId: string, file: UploadedFile) {
  const doc = await documentInScope(db, scopePaths(ctx, 'read'), documentId);
  if (!doc) throw notFound();
  await requireUnit(db, ctx, doc.owner_unit_id, 'records.write');
  return store(db, ctx, { documentId }, doc.owner_unit_id, file, { entityType: 'party_document', entityId: documentId });
}

/** Attaches a PDF or Word file to a task update; the writers of the reporting unit may. */
export async function attachToTaskUpdate(db: Kysely<DB>, ctx: Context, updateId: string, file: UploadedFile) {
  const update = await db.selectFrom('work_task_update').select(['id', 'task_id', 'unit_id']).where('id', '=', updateId).executeTakeFirst();
  if (!update) throw notFound();
  const task = await taskInScope(db, scopePaths(ctx, 'read'), update.task_id);
  if (!task) throw notFound();
  const unit = await requireUnit(db, ctx, update.unit_id ?? task.lead_unit_id, 'records.write');
  return store(db, ctx, { taskUpdateId: updateId }, unit.id, file, { entityType: 'work_task', entityId: task.id });
}

/**
 * The bytes of an attachment for a reader of its document or task. The parent's visibility
 * decides, so a unit the document was disseminated to can read its files; anything else is 404.
 */
export async function readWorkAttachment(db: Kysely<DB>, ctx: Context, id: string, parent: 'document' | 'task') {
  return logged(db, ctx, await visibleAttachment(db, ctx, id, parent));
}

/** An attachment whose document or task the actor may read; anything else is 404. */
async function visibleAttachment(db: Kysely<DB>, ctx: Context, id: string, parent: 'document' | 'task') {
  const file = await repo.attachmentById(db, id);
  if (!file) throw notFound();
  const scope = scopePaths(ctx, 'read');
  if (parent === 'document') {
    if (file.document_id === null || !(await documentInScope(db, scope, file.document_id))) throw notFound();
    return file;
  }
  if (file.task_update_id === null) throw notFound();
  const update = await db.selectFrom('work_task_update').select(['task_id']).where('id', '=', file.task_update_id).executeTakeFirst();
  if (!update || !(await taskInScope(db, scope, update.task_id))) throw notFound();
  return file;
}

/**
 * Removes an attachment of a document or a task update: only writers of the unit it was stored
 * under may (same rule as attaching); the removal is audited with the file's name and size.
 */
export async function removeWorkAttachment(db: Kysely<DB>, ctx: Context, id: string, parent: 'document' | 'task'): Promise<void> {
  const file = await visibleAttachment(db, ctx, id, parent);
  await requireUnit(db, ctx, file.unit_id, 'records.write');
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('work_attachment').where('id', '=', id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound();
    await recordAudit(trx, ctx, { action: 'work.detached', entityType: 'work_attachment', entityId: id, unitId: file.unit_id, before: { fileName: file.file_name, size: file.size, documentId: file.document_id, taskUpdateId: file.task_update_id } });
  });
}

/** Party documents are read under audit: each download leaves a row naming who took which file. */
async function logged<T extends { id: string; unit_id: string; file_name: string; document_id: string | null; task_update_id: string | null }>(db: Kysely<DB>, ctx: Context, file: T): Promise<T> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, { action: 'work.downloaded', entityType: 'work_attachment', entityId: file.id, unitId: file.unit_id, after: { fileName: file.file_name, documentId: file.document_id, taskUpdateId: file.task_update_id } }),
  );
  return file;
}
