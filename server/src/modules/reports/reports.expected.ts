import { type ReportAssignment, reportAssignment } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { childrenAsOf, subtreeAsOf } from '../units/units.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A unit expected to report for a period, as it was at the period's end. */
export interface ExpectedUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
}

/** The stored assignment of a template. */
export function assignmentOf(stored: unknown): ReportAssignment {
  return reportAssignment.parse(stored);
}

/** A direct sub-unit of a period's owner in the structure as of the period (a group of the aggregation). */
export interface GroupUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/**
 * The units a period expects, inside the scope: those assigned by the template in the
 * structure as of the period's last day (the organisation registry's as-of queries), so a
 * month of 2024 expects the 67 organisations directly under the Centre of then and a month
 * after the 1-7-2025 merger the 40 of today. A unit that ended during the period is not
 * expected: its successor reports for the whole period.
 */
export async function expectedUnits(db: Db, scope: readonly string[], period: { readonly owner_unit_id: string; readonly assignment: unknown; readonly ends_on: string }): Promise<ExpectedUnit[]> {
  return (await expectedWithGroups(db, scope, period)).units;
}

/**
 * The expected units with the owner's direct sub-units as of the period (by code), read by the
 * same query: the aggregation groups by them, and asking the registry again costs it a query.
 */
export async function expectedWithGroups(
  db: Db,
  scope: readonly string[],
  period: { readonly owner_unit_id: string; readonly assignment: unknown; readonly ends_on: string },
): Promise<{ units: ExpectedUnit[]; groups: GroupUnit[] }> {
  const assignment = assignmentOf(period.assignment);
  switch (assignment.kind) {
    case 'children': {
      const rows = await childrenAsOf(db, scope, period.owner_unit_id, period.ends_on);
      const units = rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id })).sort(byCode);
      return { units, groups: units.map((u) => ({ id: u.id, code: u.code, name: u.name })) };
    }
    case 'subtree_kinds': {
      const kinds = new Set<string>(assignment.unitKinds);
      const rows = await subtreeAsOf(db, scope, period.owner_unit_id, period.ends_on);
      return {
        units: rows.filter((r) => r.depth > 0 && kinds.has(r.kind)).map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id })).sort(byCode),
        groups: rows.filter((r) => r.depth === 1).map((r) => ({ id: r.id, code: r.code, name: r.name })).sort(byCode),
      };
    }
  }
}

function byCode(a: { readonly code: string }, b: { readonly code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
