import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

/** One counted group: a dimension (and its key) for one status. */
export interface Fact {
  readonly dimension: 'sex_year' | 'ethnicity' | 'religion' | 'education' | 'political_theory' | 'branch';
  readonly status: 'probationary' | 'full';
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly key: string | null;
  readonly n: number;
}

interface FactRow {
  readonly g: number;
  readonly status: 'probationary' | 'full';
  readonly sex: string | null;
  readonly birth_year: number | null;
  readonly ethnicity: string | null;
  readonly religion: string | null;
  readonly education: string | null;
  readonly political_theory: string | null;
  readonly branch: string | null;
  readonly n: number;
}

// grouping(sex, birth_year, ethnicity, religion, education, political_theory, branch): 1 = rolled up.
const setOf: Readonly<Record<number, Fact['dimension']>> = {
  0b0011111: 'sex_year',
  0b1101111: 'ethnicity',
  0b1110111: 'religion',
  0b1111011: 'education',
  0b1111101: 'political_theory',
  0b1111110: 'branch',
};

function toFacts(rows: readonly FactRow[]): Fact[] {
  return rows.flatMap((r) => {
    const dimension = setOf[r.g];
    if (!dimension) return [];
    const key = { sex_year: null, ethnicity: r.ethnicity, religion: r.religion, education: r.education, political_theory: r.political_theory, branch: r.branch }[dimension];
    return [{ dimension, status: r.status, sex: r.sex, birthYear: r.birth_year === null ? null : Number(r.birth_year), key, n: Number(r.n) }];
  });
}

const groupBy = sql`
  select grouping(sex, birth_year, ethnicity, religion, education, political_theory, branch) as g,
    status, sex, birth_year, ethnicity, religion, education, political_theory, branch, count(*)::int as n
  from src
  group by grouping sets ((status, sex, birth_year), (status, ethnicity), (status, religion), (status, education), (status, political_theory), (status, branch))`;

const attributes = sql`m.status, m.sex, extract(year from m.birth_date)::int as birth_year, m.ethnicity, coalesce(m.religion, '') as religion,
  coalesce(m.education_general, '') as education, coalesce(m.political_theory, '') as political_theory`;

/**
 * Counts from the member records as they are now, below a unit of today's structure: the
 * branch is the path label of the unit's child that holds the cell.
 */
export async function currentFacts(db: Kysely<DB>, scope: readonly string[], unitPath: string): Promise<Fact[]> {
  const depth = unitPath === '' ? 0 : unitPath.split('.').length;
  const rows = await sql<FactRow>`
    with src as (
      select ${attributes}, case when nlevel(c.path) > ${depth} then subpath(c.path, ${depth}, 1)::text end as branch
      from party_member m join org_unit c on c.id = m.cell_id
      where m.status in ('probationary', 'full') and c.path <@ ${unitPath}::ltree and ${inScope(sql.ref('c.path'), scope)}
    )
    ${groupBy}`.execute(db);
  return toFacts(rows.rows);
}

/**
 * Counts from the periods in force on a past date, over the structure of that date: the
 * unit's subtree as of the date (effective-dated versions), each cell carrying the child of
 * the unit it lay under then.
 */
export async function factsAsOf(db: Kysely<DB>, scope: readonly string[], unitId: string, date: string): Promise<Fact[]> {
  const inForce = sql`v.valid_from <= ${date} and (v.valid_to is null or v.valid_to > ${date})`;
  const rows = await sql<FactRow>`
    with recursive tree(unit_id, branch, depth) as (
      select v.unit_id, null::text, 0 from org_unit_version v where v.unit_id = ${unitId} and ${inForce}
      union all
      select v.unit_id, coalesce(tree.branch, replace(v.unit_id::text, '-', '')), tree.depth + 1
      from tree join org_unit_version v on v.parent_id = tree.unit_id and ${inForce}
      where tree.depth < 50
    ),
    src as (
      select p.status, m.sex, extract(year from m.birth_date)::int as birth_year, m.ethnicity, coalesce(m.religion, '') as religion,
        coalesce(m.education_general, '') as education, coalesce(m.political_theory, '') as political_theory, tree.branch
      from tree
      join party_member_period p on p.cell_id = tree.unit_id and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
      join party_member m on m.id = p.member_id
      join org_unit c on c.id = p.cell_id
      where ${inScope(sql.ref('c.path'), scope)}
    )
    ${groupBy}`.execute(db);
  return toFacts(rows.rows);
}

interface TallyRow {
  readonly dimension: string;
  readonly status: string;
  readonly sex: string | null;
  readonly birth_year: number | null;
  readonly key: string | null;
  readonly n: number;
}

const tallyDimension = (d: string): Fact['dimension'] => (d === 'sex_year' || d === 'branch' || d === 'ethnicity' || d === 'religion' || d === 'education' ? d : 'political_theory');

/**
 * The same counts for the whole country today, from the tallies the triggers keep, summed
 * over the organisations under the Centre in SQL (a few hundred rows cross to the app
 * instead of one per organisation, status, sex and birth year).
 */
export async function tallyFacts(db: Kysely<DB>): Promise<Fact[]> {
  const rows = await sql<TallyRow>`
    select 'sex_year' as dimension, status, sex, birth_year, null::text as key, sum(n)::int as n
      from member_tally group by status, sex, birth_year having sum(n) <> 0
    union all
    select 'branch', status, null, null, top_label, sum(n)::int from member_tally group by status, top_label having sum(n) <> 0
    union all
    select attribute, status, null, null, value, sum(n)::int from member_tally_attr group by attribute, status, value having sum(n) <> 0`.execute(db);
  return rows.rows.map((r) => ({
    dimension: tallyDimension(r.dimension),
    status: r.status === 'full' ? 'full' : 'probationary',
    sex: r.sex,
    birthYear: r.birth_year === null ? null : Number(r.birth_year),
    key: r.key,
    n: Number(r.n),
  }));
}

const periodKinds = sql`('admitted', 'recognised', 'transfer_in', 'transfer_out', 'removed', 'not_recognised', 'expelled', 'died')`;

/** Lifecycle events in a period over the whole country, from the per-day counts the insert trigger keeps. */
export async function periodCountsNational(db: Kysely<DB>, from: string, to: string) {
  const rows = await sql<{ kind: string; n: number }>`
    select kind, sum(n)::int as n from member_event_tally
    where effective_date between ${from} and ${to} and kind in ${periodKinds}
    group by kind`.execute(db);
  return new Map(rows.rows.map((r) => [r.kind, Number(r.n)]));
}

/** Lifecycle events in a period below a unit (admissions and arrivals by their cell, the rest by the member's cell then). */
export async function periodCounts(db: Kysely<DB>, scope: readonly string[], unitPath: string, from: string, to: string) {
  const rows = await sql<{ kind: string; n: number }>`
    select e.kind, count(*)::int as n
    from party_member_event e
    join org_unit c on c.id = case when e.kind in ('admitted', 'transfer_in') then e.cell_id else e.from_cell_id end
    where e.effective_date between ${from} and ${to}
      and e.kind in ${periodKinds}
      and c.path <@ ${unitPath}::ltree and ${inScope(sql.ref('c.path'), scope)}
    group by e.kind`.execute(db);
  return new Map(rows.rows.map((r) => [r.kind, Number(r.n)]));
}

/**
 * Recounts the tallies of some organisations directly under the Centre from the records
 * (after a reorganisation moved cells between them); the same result the triggers keep.
 * Only their own subtrees are read: the organisations by id (a path label is the id without
 * hyphens, which PostgreSQL reads as a uuid), their cells by path, the members by home cell.
 * A label whose organisation no longer sits under the Centre (merged into another) has no
 * cells of its own any more, so its counts are only deleted. A counted member's cell is its
 * home cell (the projection derives both from the same cell).
 */
export async function rebuildTallies(db: Kysely<DB>, labels: readonly string[]): Promise<void> {
  if (labels.length === 0) return;
  const wanted = sql`${sql.val(labels)}::text[]`;
  await sql`delete from member_tally where top_label = any(${wanted})`.execute(db);
  await sql`delete from member_tally_attr where top_label = any(${wanted})`.execute(db);
  const joined = sql`
    from org_unit t
    join org_unit u on u.path <@ t.path
    join party_member r on r.home_cell_id = u.id and r.cell_id = u.id`;
  const counted = sql`t.id = any(${wanted}::uuid[]) and nlevel(t.path) = 2 and r.status in ('probationary', 'full')`;
  await sql`
    insert into member_tally (top_label, status, sex, birth_year, n)
    select subpath(t.path, 1, 1)::text, r.status, r.sex, extract(year from r.birth_date)::int, count(*) ${joined}
    where ${counted}
    group by 1, 2, 3, 4`.execute(db);
  await sql`
    insert into member_tally_attr (top_label, status, attribute, value, n)
    select subpath(t.path, 1, 1)::text, r.status, a.attribute, a.value, count(*) ${joined}
    cross join lateral (values ('ethnicity', r.ethnicity), ('religion', coalesce(r.religion, '')),
      ('education', coalesce(r.education_general, '')), ('political_theory', coalesce(r.political_theory, ''))) as a(attribute, value)
    where ${counted}
    group by 1, 2, 3, 4`.execute(db);
}
