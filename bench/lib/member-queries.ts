import type { MemberStats } from '@tcxd/contract';
import type { Database } from '../../server/src/db/connect.ts';
import { pathLabel } from '../../server/src/platform/ids.ts';

/** The kinds of name a user types into the member list's search box. */
export type SearchKind = 'full name with diacritics' | 'full name without diacritics' | 'family + given name' | 'partial name';

/**
 * What officials type when looking a member up, drawn from the names the demo generates:
 * whole names as written and as typed without diacritics, family plus given name (the
 * middle name left out), and fragments (a family name, a given name, a beginning).
 */
export const searchMix: readonly { readonly kind: SearchKind; readonly q: string }[] = [
  ...['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Minh Tuấn', 'Phạm Thu Hương', 'Đặng Quang Vinh', 'Bùi Ngọc Anh'].map((q) => ({ kind: 'full name with diacritics' as const, q })),
  ...['nguyen van hung', 'tran thi lan', 'hoang duc hai', 'vo thanh trung', 'do kim yen', 'ly xuan son'].map((q) => ({ kind: 'full name without diacritics' as const, q })),
  ...['Nguyễn Hùng', 'Trần Lan', 'le tuan', 'Ngô Dũng'].map((q) => ({ kind: 'family + given name' as const, q })),
  ...['Nguyễn Văn', 'Hương', 'thi huong', 'Dũng', 'nguy', 'Huỳnh'].map((q) => ({ kind: 'partial name' as const, q })),
];

/** One cell of the national breakdown: a unit under the Centre, status, sex and age band. */
export interface BreakdownRow {
  readonly top_label: string;
  readonly status: string;
  readonly sex: string;
  readonly age_band: string;
  readonly n: number;
}

/**
 * The national breakdown by a plain GROUP BY over the member records: every unit directly
 * under the Centre (the second label of the cell's path) × status × sex × age band (by
 * year of birth, as the statistics count it), current members only.
 */
export async function plainBreakdown(pool: Database['pool'], year: number): Promise<BreakdownRow[]> {
  const result = await pool.query<BreakdownRow>(
    `select top_label, status, sex,
       case when age <= 30 then '18-30' when age <= 40 then '31-40' when age <= 50 then '41-50'
         when age <= 60 then '51-60' when age <= 70 then '61-70' else '71+' end as age_band,
       count(*)::int as n
     from (select subpath(c.path, 1, 1)::text as top_label, m.status, m.sex, $1::int - extract(year from m.birth_date)::int as age
           from party_member m join org_unit c on c.id = m.cell_id
           where m.status in ('probationary', 'full') and nlevel(c.path) > 1) as current_members
     group by 1, 2, 3, 4`,
    [year],
  );
  return result.rows;
}

function sums(rows: readonly BreakdownRow[], key: (r: BreakdownRow) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) map.set(key(r), (map.get(key(r)) ?? 0) + Number(r.n));
  return map;
}

/**
 * Where the service's figures and the plain breakdown disagree (empty when they give the
 * same totals by status, sex, age band and unit under the Centre).
 */
export function breakdownDifferences(stats: MemberStats, rows: readonly BreakdownRow[]): string[] {
  const differences: string[] = [];
  const compare = (what: string, service: ReadonlyMap<string, number>, plain: ReadonlyMap<string, number>) => {
    for (const key of new Set([...service.keys(), ...plain.keys()])) {
      const a = service.get(key) ?? 0;
      const b = plain.get(key) ?? 0;
      if (a !== b) differences.push(`${what} ${key}: service ${a}, GROUP BY ${b}`);
    }
  };
  const tally = (list: readonly { key: string; count: number }[]) => new Map(list.map((t) => [t.key, t.count]));
  compare('total', new Map([['all', stats.total]]), sums(rows, () => 'all'));
  compare('status', tally(stats.byStatus), sums(rows, (r) => r.status));
  compare('sex', tally(stats.bySex), sums(rows, (r) => r.sex));
  compare('age band', tally(stats.byAgeBand), sums(rows, (r) => r.age_band));
  const units = new Map(stats.byChild.flatMap((c) => [[`${pathLabel(c.id)} full`, c.full] as const, [`${pathLabel(c.id)} probationary`, c.probationary] as const]));
  compare('unit', new Map([...units].filter(([, n]) => n !== 0)), sums(rows, (r) => `${r.top_label} ${r.status}`));
  return differences;
}
