import type { DisseminationView, DocumentRelationKind, DocumentSummary, DocumentView } from '@tcxd/contract';
import { isPartyDocType, partyDocTypes } from '../../documents/party-number.ts';
import { withinScope } from '../../platform/access.ts';
import type { DocumentRow } from './documents.repository.ts';

const relationKinds: readonly DocumentRelationKind[] = ['replaces', 'guides', 'implements', 'amends'];

/** A register row as the list shows it. */
export function presentSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    number: row.number_text,
    type: row.doc_type,
    typeName: isPartyDocType(row.doc_type) ? partyDocTypes[row.doc_type].vi : row.doc_type,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    subject: row.subject,
    status: row.replaced ? 'replaced' : 'in_force',
    ownerUnitId: row.owner_unit_id,
  };
}

interface DisseminationUnitRow {
  readonly dissemination_id: string;
  readonly unit_id: string;
  readonly disseminated_on: string | null;
  readonly implementing_number: string | null;
  readonly path: string;
  readonly valid_to: string | null;
  readonly name: string;
}

/**
 * One dissemination: "N/M units have disseminated", counted over every unit that received it
 * (the units of its date, even if a reorganisation has merged them since); the list shows only
 * the units inside the viewer's scope.
 */
export function presentDissemination(head: { id: string; from_unit_id: string; from_unit_name: string; as_of: string }, units: readonly DisseminationUnitRow[], scope: readonly string[]): DisseminationView {
  const own = units.filter((u) => u.dissemination_id === head.id);
  return {
    id: head.id,
    fromUnitId: head.from_unit_id,
    fromUnitName: head.from_unit_name,
    asOf: head.as_of,
    done: own.filter((u) => u.disseminated_on !== null).length,
    total: own.length,
    units: own
      .filter((u) => withinScope(u.path, scope))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((u) => ({ unitId: u.unit_id, name: u.name, disseminatedOn: u.disseminated_on, implementingNumber: u.implementing_number, endedOn: u.valid_to })),
  };
}

/** Relations seen from one document: outgoing ones it states, incoming ones stated by others. */
export function presentRelations(id: string, rows: readonly { from_id: string; to_id: string; kind: string }[], others: readonly DocumentRow[]): DocumentView['relations'] {
  const byId = new Map(others.map((o) => [o.id, presentSummary(o)]));
  return rows.flatMap((r) => {
    const kind = relationKinds.find((k) => k === r.kind);
    const other = byId.get(r.from_id === id ? r.to_id : r.from_id);
    if (!kind || !other) return [];
    return [{ kind, direction: r.from_id === id ? ('outgoing' as const) : ('incoming' as const), document: other }];
  });
}
