import type { DocumentCreateRequest, DocumentRelationKind, DocumentSummary, DocumentView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parsePartyNumber } from '../../documents/party-number.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { presentDissemination, presentRelations, presentSummary } from './documents.presenter.ts';
import * as repo from './documents.repository.ts';
import { attachmentsOfDocument, presentAttachment } from './work-attachments.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The register of Party documents visible to the actor. */
export async function listDocuments(db: Db, ctx: Context, filter: Parameters<typeof repo.listDocuments>[2]): Promise<DocumentSummary[]> {
  const rows = await repo.listDocuments(db, scopePaths(ctx, 'read'), filter);
  return rows.map(presentSummary);
}

/** One document with its relations and disseminations. */
export async function getDocument(db: Db, ctx: Context, id: string): Promise<DocumentView> {
  const scope = scopePaths(ctx, 'read');
  const row = await repo.documentInScope(db, scope, id);
  if (!row) throw notFound();
  const { rows, others } = await repo.relationsOf(db, scope, id);
  const { heads, units } = await repo.disseminationsOf(db, id);
  const files = await attachmentsOfDocument(db, id);
  return {
    ...presentSummary(row),
    summary: row.summary,
    relations: presentRelations(id, rows, others),
    disseminations: heads.map((h) => presentDissemination(h, units, scope)),
    attachments: files.map(presentAttachment),
  };
}

/** Registers a document; its number must be a Party number (State-style numbers are refused with a hint). */
export async function createDocument(db: Kysely<DB>, ctx: Context, input: DocumentCreateRequest): Promise<DocumentView> {
  const parsed = parsePartyNumber(input.number);
  if (!parsed.ok) throw invalid([{ path: 'number', message: parsed.error.vi }]);
  const { value } = parsed;
  const numberText = `${value.numberText}-${value.type}/${value.issuer}`;
  return db.transaction().execute(async (trx) => {
    const owner = await requireUnit(trx, ctx, input.ownerUnitId, 'records.write');
    if (await repo.numberTaken(trx, numberText, input.issuedOn)) throw new AppError('conflict');
    const id = newId();
    await trx
      .insertInto('party_document')
      .values({
        id,
        owner_unit_id: owner.id,
        number_text: numberText,
        number: value.number,
        doc_type: value.type,
        issuer: value.issuer,
        issued_on: input.issuedOn,
        subject: input.subject,
        summary: input.summary,
        search_text: normalizeSearch(`${numberText} ${input.subject} ${input.summary ?? ''}`),
      })
      .execute();
    const created = await getDocument(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'document.created', entityType: 'party_document', entityId: id, unitId: owner.id, after: created });
    return created;
  });
}

/** Loads a document the actor may change: it must be registered by a unit of its records.write scope. */
async function requireOwnDocument(trx: Transaction<DB>, ctx: Context, id: string) {
  const row = await repo.documentInScope(trx, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  await requireUnit(trx, ctx, row.owner_unit_id, 'records.write');
  return row;
}

/**
 * States that this document replaces, guides, implements or amends another. A document only
 * replaces an older one, and "replaces" makes the target's status "replaced".
 */
export async function addRelation(db: Kysely<DB>, ctx: Context, id: string, input: { kind: DocumentRelationKind; targetId: string }): Promise<DocumentView> {
  return db.transaction().execute(async (trx) => {
    const from = await requireOwnDocument(trx, ctx, id);
    const target = await repo.documentInScope(trx, scopePaths(ctx, 'read'), input.targetId);
    if (!target) throw notFound();
    if (target.id === from.id) throw new AppError('refused', { params: { reason: 'Văn bản không thể liên hệ với chính nó' } });
    if (input.kind === 'replaces' && target.issued_on > from.issued_on) {
      throw new AppError('refused', { params: { reason: 'Văn bản chỉ thay thế văn bản ban hành trước nó' } });
    }
    const exists = await trx.selectFrom('party_document_relation').select('kind').where('from_id', '=', id).where('to_id', '=', target.id).where('kind', '=', input.kind).executeTakeFirst();
    if (exists) throw new AppError('conflict');
    await trx.insertInto('party_document_relation').values({ from_id: id, to_id: target.id, kind: input.kind }).execute();
    const after = await getDocument(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'document.related', entityType: 'party_document', entityId: id, unitId: from.owner_unit_id, after: { kind: input.kind, targetId: target.id } });
    return after;
  });
}

/**
 * Sends a document down to units: the listed ones, or every direct subordinate of the sending
 * unit as it stood on the date. The set is fixed then, so the count stays over the units of
 * that date across a later reorganisation.
 */
export async function disseminate(db: Kysely<DB>, ctx: Context, id: string, input: { fromUnitId: string; asOf: string; unitIds: string[] }): Promise<DocumentView> {
  return db.transaction().execute(async (trx) => {
    const doc = await repo.documentInScope(trx, scopePaths(ctx, 'read'), id);
    if (!doc) throw notFound();
    const from = await requireUnit(trx, ctx, input.fromUnitId, 'records.write');
    if (input.asOf < doc.issued_on) throw new AppError('refused', { params: { reason: 'Ngày phổ biến trước ngày ban hành văn bản' } });
    const targets = input.unitIds.length === 0 ? await repo.childrenOn(trx, from.id, input.asOf) : await repo.unitsOn(trx, [...new Set(input.unitIds)], input.asOf);
    if (input.unitIds.length > 0 && targets.length !== new Set(input.unitIds).size) throw notFound();
    if (!targets.every((u) => withinScope(u.path, [from.path]))) throw notFound();
    if (targets.length === 0) throw new AppError('refused', { params: { reason: 'Không có đơn vị nhận vào ngày đã chọn' } });
    const disseminationId = newId();
    await trx.insertInto('document_dissemination').values({ id: disseminationId, document_id: id, from_unit_id: from.id, as_of: input.asOf }).execute();
    await trx
      .insertInto('dissemination_unit')
      .values(targets.map((u) => ({ dissemination_id: disseminationId, unit_id: u.id, disseminated_on: null, implementing_number: null })))
      .execute();
    await recordAudit(trx, ctx, { action: 'document.disseminated', entityType: 'party_document', entityId: id, unitId: from.id, after: { disseminationId, asOf: input.asOf, units: targets.length } });
    return getDocument(trx, ctx, id);
  });
}

/** A receiving unit records the day it disseminated the document and its own implementing document. */
export async function reportDissemination(
  db: Kysely<DB>,
  ctx: Context,
  disseminationId: string,
  input: { unitId: string; disseminatedOn: string; implementingNumber: string | null },
): Promise<DocumentView> {
  return db.transaction().execute(async (trx) => {
    const head = await repo.disseminationById(trx, disseminationId);
    if (!head) throw notFound();
    const row = await trx.selectFrom('dissemination_unit').select(['unit_id']).where('dissemination_id', '=', disseminationId).where('unit_id', '=', input.unitId).executeTakeFirst();
    if (!row) throw notFound();
    const unit = await requireUnit(trx, ctx, input.unitId, 'records.write');
    let implementing = input.implementingNumber;
    if (implementing !== null) {
      const parsed = parsePartyNumber(implementing);
      if (!parsed.ok) throw invalid([{ path: 'implementingNumber', message: parsed.error.vi }]);
      implementing = `${parsed.value.numberText}-${parsed.value.type}/${parsed.value.issuer}`;
    }
    if (input.disseminatedOn < head.as_of) throw new AppError('refused', { params: { reason: 'Ngày phổ biến trước ngày nhận văn bản' } });
    await trx
      .updateTable('dissemination_unit')
      .set({ disseminated_on: input.disseminatedOn, implementing_number: implementing })
      .where('dissemination_id', '=', disseminationId)
      .where('unit_id', '=', unit.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'document.dissemination_reported', entityType: 'document_dissemination', entityId: disseminationId, unitId: unit.id, after: { disseminatedOn: input.disseminatedOn, implementingNumber: implementing } });
    return getDocument(trx, ctx, head.document_id);
  });
}
