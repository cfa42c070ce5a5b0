import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';
import { wordsInOrderPattern } from '../../platform/search-text.ts';

type Db = Kysely<DB> | Transaction<DB>;

const summaryColumns = ['d.id', 'd.number_text', 'd.doc_type', 'd.issuer', 'd.issued_on', 'd.subject', 'd.summary', 'd.owner_unit_id'] as const;

/** SQL: a document is replaced when a later document's relation says so. */
const replacedSql = sql<boolean>`exists (select 1 from party_document_relation r where r.to_id = d.id and r.kind = 'replaces')`;

/**
 * Documents visible in a scope: registered by a unit of the scope, or disseminated to one
 * (a provincial committee sees the Central documents it must carry out).
 */
function visible(db: Db, scope: readonly string[]) {
  return db
    .selectFrom('party_document as d')
    .innerJoin('org_unit as o', 'o.id', 'd.owner_unit_id')
    .select(summaryColumns)
    .select(replacedSql.as('replaced'))
    .where((eb) =>
      eb.or([
        inScope(sql.ref('o.path'), scope),
        eb.exists(
          eb
            .selectFrom('document_dissemination as s')
            .innerJoin('dissemination_unit as du', 'du.dissemination_id', 's.id')
            .innerJoin('org_unit as t', 't.id', 'du.unit_id')
            .select(sql.lit(1).as('one'))
            .whereRef('s.document_id', '=', 'd.id')
            .where(inScope(sql.ref('t.path'), scope)),
        ),
      ]),
    );
}

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof visible>['execute']>>[number];

/** Documents of a scope, newest first, filtered by accent-free words, type, year and status. */
export function listDocuments(db: Db, scope: readonly string[], filter: { q?: string; type?: string; year?: number; status?: 'in_force' | 'replaced' }) {
  let query = visible(db, scope);
  if (filter.q) query = query.where('d.search_text', 'like', wordsInOrderPattern(filter.q));
  if (filter.type) query = query.where('d.doc_type', '=', filter.type);
  if (filter.year !== undefined) query = query.where('d.issued_on', '>=', `${filter.year}-01-01`).where('d.issued_on', '<=', `${filter.year}-12-31`);
  if (filter.status === 'replaced') query = query.where(replacedSql);
  if (filter.status === 'in_force') query = query.where(sql<boolean>`not ${replacedSql}`);
  return query.orderBy('d.issued_on', 'desc').orderBy('d.number', 'desc').limit(500).execute();
}

/** One document of the scope. */
export function documentInScope(db: Db, scope: readonly string[], id: string) {
  return visible(db, scope).where('d.id', '=', id).executeTakeFirst();
}

/** Whether a document with this number was already registered on that date. */
export function numberTaken(db: Db, numberText: string, issuedOn: string) {
  return db.selectFrom('party_document').select('id').where('number_text', '=', numberText).where('issued_on', '=', issuedOn).executeTakeFirst();
}

/** Relations of a document in both directions, each with the other document (restricted to the scope). */
export async function relationsOf(db: Db, scope: readonly string[], id: string) {
  const rows = await db
    .selectFrom('party_document_relation')
    .select(['from_id', 'to_id', 'kind'])
    .where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)]))
    .orderBy('created_at')
    .execute();
  const otherIds = [...new Set(rows.map((r) => (r.from_id === id ? r.to_id : r.from_id)))];
  const others = otherIds.length === 0 ? [] : await visible(db, scope).where('d.id', 'in', otherIds).execute();
  return { rows, others };
}

/** Disseminations of a document with each receiving unit's name as of the dissemination date. */
export async function disseminationsOf(db: Db, documentId: string) {
  const heads = await db
    .selectFrom('document_dissemination as h')
    .innerJoin('org_unit as f', 'f.id', 'h.from_unit_id')
    .select(['h.id', 'h.from_unit_id', 'f.name as from_unit_name', 'h.as_of'])
    .where('h.document_id', '=', documentId)
    .orderBy('h.as_of')
    .execute();
  if (heads.length === 0) return { heads, units: [] };
  const units = await db
    .selectFrom('dissemination_unit as du')
    .innerJoin('document_dissemination as s', 's.id', 'du.dissemination_id')
    .innerJoin('org_unit as u', 'u.id', 'du.unit_id')
    .select(['du.dissemination_id', 'du.unit_id', 'du.disseminated_on', 'du.implementing_number', 'u.path', 'u.valid_to'])
    .select(
      sql<string>`coalesce((select v.name from org_unit_version v where v.unit_id = u.id and v.valid_from <= s.as_of order by v.valid_from desc limit 1), u.name)`.as('name'),
    )
    .where('du.dissemination_id', 'in', heads.map((h) => h.id))
    .execute();
  return { heads, units };
}

/** A dissemination with its document, for the per-unit report. */
export function disseminationById(db: Db, id: string) {
  return db.selectFrom('document_dissemination').select(['id', 'document_id', 'from_unit_id', 'as_of']).where('id', '=', id).executeTakeFirst();
}

/** The units that were direct subordinates of a unit on a date (also those merged away since). */
export function childrenOn(db: Db, parentId: string, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['u.id', 'u.path'])
    .where('v.parent_id', '=', parentId)
    .where('v.valid_from', '<=', date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
    .execute();
}

/** Units (by id) that existed on a date. */
export function unitsOn(db: Db, ids: readonly string[], date: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
}
