import type { UnitSummary } from '@tcxd/contract';
import type { UnitRow } from './units.repository.ts';

/** A unit with its number of current children. */
export function presentUnit(row: UnitRow): UnitSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: Number(row.child_count ?? 0),
  };
}
