import type { IndicatorSource } from '@tcxd/contract';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { FilledFigures } from '../../rules/reports/report-values.ts';
import type { CompiledDefinition } from '../../rules/reports/report-definition.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The registry sources a template uses. */
export function sourcesOf(compiled: CompiledDefinition): Set<IndicatorSource> {
  return new Set(compiled.definition.indicators.flatMap((i) => (i.source === null ? [] : [i.source])));
}

/**
 * Figures of a unit read from the member registry, over the unit's subtree as it was at the
 * period's end: members (full and probationary) at the end, admissions in the period.
 * Only the two counts are needed, so this is one query over the effective-dated structure
 * rather than the statistics module's grouped figures.
 */
export async function filledFigures(db: Db, compiled: CompiledDefinition, unitId: string, period: { readonly starts_on: string; readonly ends_on: string }): Promise<FilledFigures> {
  const sources = sourcesOf(compiled);
  if (sources.size === 0) return {};
  const end = period.ends_on;
  const inForce = sql`v.valid_from <= ${end}::date and (v.valid_to is null or v.valid_to > ${end}::date)`;
  const row = await sql<{ members: number; admitted: number }>`
    with recursive tree(unit_id, depth) as (
      select v.unit_id, 0 from org_unit_version v where v.unit_id = ${unitId} and ${inForce}
      union all
      select v.unit_id, tree.depth + 1 from tree join org_unit_version v on v.parent_id = tree.unit_id and ${inForce}
      where tree.depth < 50
    )
    select
      (select count(*) from party_member_period p join tree on tree.unit_id = p.cell_id
        where p.valid_from <= ${end}::date and (p.valid_to is null or p.valid_to > ${end}::date))::int as members,
      (select count(*) from party_member_event e join tree on tree.unit_id = e.cell_id
        where e.kind = 'admitted' and e.effective_date between ${period.starts_on}::date and ${end}::date)::int as admitted`.execute(db);
  const figures = row.rows[0];
  const out: Partial<Record<IndicatorSource, number>> = {};
  if (sources.has('members_at_end')) out.members_at_end = Number(figures?.members ?? 0);
  if (sources.has('admissions_in_period')) out.admissions_in_period = Number(figures?.admitted ?? 0);
  return out;
}
