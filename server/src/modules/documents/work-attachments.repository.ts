import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const listColumns = ['id', 'document_id', 'task_update_id', 'file_name', 'content_type', 'size', 'uploaded_at'] as const;

/** Attachments of one document, oldest first. */
export function attachmentsOfDocument(db: Db, documentId: string) {
  return db.selectFrom('work_attachment').select(listColumns).where('document_id', '=', documentId).orderBy('uploaded_at').orderBy('id').execute();
}

/** Attachments of several task updates, oldest first. */
export function attachmentsOfUpdates(db: Db, updateIds: readonly string[]) {
  if (updateIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('work_attachment').select(listColumns).where('task_update_id', 'in', updateIds).orderBy('uploaded_at').orderBy('id').execute();
}

/** How many files a record already has (documents and updates share the per-record limit). */
export async function attachmentCount(db: Db, owner: { documentId: string } | { taskUpdateId: string }): Promise<number> {
  const query = db.selectFrom('work_attachment').select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await ('documentId' in owner ? query.where('document_id', '=', owner.documentId) : query.where('task_update_id', '=', owner.taskUpdateId)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One attachment with its bytes. */
export function attachmentById(db: Db, id: string) {
  return db.selectFrom('work_attachment').select([...listColumns, 'content', 'unit_id']).where('id', '=', id).executeTakeFirst();
}

export type WorkAttachmentRow = Awaited<ReturnType<typeof attachmentsOfDocument>>[number];

/** Row -> the API's attachment shape. */
export function presentAttachment(row: WorkAttachmentRow) {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, uploadedAt: new Date(row.uploaded_at).toISOString() };
}
