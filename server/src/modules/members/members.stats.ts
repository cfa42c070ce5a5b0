import { type AgeBand, ageBands, type MemberStats, type memberStatsQuery } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { pathLabel } from '../../platform/ids.ts';
import { todayVn } from '../../platform/today.ts';
import { childrenAsOf } from '../units/units.repository.ts';
import { currentFacts, type Fact, factsAsOf, periodCounts, periodCountsNational, tallyFacts } from './members.stats.repository.ts';

/**
 * Age in the statistics is counted by year of birth (the year of the date minus the year
 * of birth), as the sector's statistical forms do, so that the tallies kept per birth year
 * give exact bands.
 */
export function ageBandOf(birthYear: number, year: number): AgeBand {
  const age = year - birthYear;
  if (age <= 30) return '18-30';
  if (age <= 40) return '31-40';
  if (age <= 50) return '41-50';
  if (age <= 60) return '51-60';
  if (age <= 70) return '61-70';
  return '71+';
}

type Tally = { key: string; count: number }[];

function tallyOf(entries: Iterable<[string, number]>, order?: readonly string[]): Tally {
  const map = new Map<string, number>();
  for (const [key, n] of entries) map.set(key, (map.get(key) ?? 0) + n);
  const list = [...map].filter(([, count]) => count !== 0).map(([key, count]) => ({ key, count }));
  return order ? list.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) : list.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** The figures of MemberStats (without unit, dates and period) from counted groups. */
export function summarise(facts: readonly Fact[], year: number) {
  const of = (d: Fact['dimension']) => facts.filter((f) => f.dimension === d);
  const sexYear = of('sex_year');
  const branches = new Map<string, { full: number; probationary: number }>();
  for (const f of of('branch')) {
    if (f.key === null) continue;
    const b = branches.get(f.key) ?? { full: 0, probationary: 0 };
    b[f.status] += f.n;
    branches.set(f.key, b);
  }
  return {
    total: sexYear.reduce((s, f) => s + f.n, 0),
    byStatus: tallyOf(sexYear.map((f) => [f.status, f.n]), ['full', 'probationary']),
    bySex: tallyOf(sexYear.map((f) => [f.sex ?? '', f.n]), ['male', 'female']),
    byAgeBand: tallyOf(sexYear.map((f) => [ageBandOf(f.birthYear ?? year, year), f.n]), ageBands),
    byEthnicity: tallyOf(of('ethnicity').map((f) => [f.key ?? '', f.n])),
    byReligion: tallyOf(of('religion').map((f) => [f.key ?? '', f.n])),
    byEducation: tallyOf(of('education').map((f) => [f.key ?? '', f.n])),
    byPoliticalTheory: tallyOf(of('political_theory').map((f) => [f.key ?? '', f.n])),
    branches,
  };
}

async function rootUnit(db: Kysely<DB>) {
  const root = await db.selectFrom('org_unit').select(['id', 'path', 'name']).where('parent_id', 'is', null).where('kind', '=', 'root').executeTakeFirst();
  if (!root) throw notFound();
  return root;
}

/** The unit asked for, or the top of the actor's scope. */
async function statsUnit(db: Kysely<DB>, ctx: Context, unitId: string | undefined) {
  if (unitId) return requireUnit(db, ctx, unitId, 'read');
  const scope = scopePaths(ctx, 'read');
  const root = await rootUnit(db);
  if (scope.includes('') || scope.includes(root.path)) return root;
  const first = ctx.actor.kind === 'user' ? ctx.actor.grants[0] : undefined;
  if (!first) throw notFound();
  return requireUnit(db, ctx, first.unitId, 'read');
}

/**
 * Members of a unit's subtree on a date, by status, sex, age band, ethnicity, religion
 * (for those allowed to see it), education and political theory, with the unit's
 * sub-units, and the lifecycle events of a period. The whole country comes from the
 * tallies (today's figures, and the events of any period); anything else is counted from
 * the records (`fromScratch` forces that).
 */
export async function memberStatistics(db: Kysely<DB>, ctx: Context, query: z.infer<typeof memberStatsQuery>, options = { fromScratch: false }): Promise<MemberStats> {
  const today = todayVn();
  const asOf = query.asOf ?? today;
  const unit = await statsUnit(db, ctx, query.unitId);
  const scope = scopePaths(ctx, 'read');
  const root = await rootUnit(db);
  const current = asOf >= today;
  const wholeCountry = unit.id === root.id && withinScope(root.path, scope);
  const fromTallies = wholeCountry && !options.fromScratch;
  const facts = current ? (fromTallies ? await tallyFacts(db) : await currentFacts(db, scope, unit.path)) : await factsAsOf(db, scope, unit.id, asOf);
  const year = Number(asOf.slice(0, 4));
  const figures = summarise(facts, year);
  const children = await childrenAsOf(db, scope, unit.id, asOf);
  const byChild = children
    .map((c) => ({ id: c.id, name: c.name, ...(figures.branches.get(pathLabel(c.id)) ?? { full: 0, probationary: 0 }) }))
    .sort((a, b) => b.full + b.probationary - (a.full + a.probationary));
  const from = query.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = query.to ?? asOf;
  const period = fromTallies ? await periodCountsNational(db, from, to) : await periodCounts(db, scope, unit.path, from, to);
  const count = (...kinds: string[]) => kinds.reduce((s, k) => s + (period.get(k) ?? 0), 0);
  const seeReligion = withinScope(unit.path, scopePaths(ctx, 'members.sensitive'));
  return {
    unit: { id: unit.id, name: unit.name },
    asOf,
    total: figures.total,
    byStatus: figures.byStatus,
    bySex: figures.bySex,
    byAgeBand: figures.byAgeBand,
    byEthnicity: figures.byEthnicity,
    byReligion: seeReligion ? figures.byReligion : null,
    byEducation: figures.byEducation,
    byPoliticalTheory: figures.byPoliticalTheory,
    byChild,
    period: {
      from,
      to,
      admitted: count('admitted'),
      recognised: count('recognised'),
      transferredIn: count('transfer_in'),
      transferredOut: count('transfer_out'),
      removed: count('removed', 'not_recognised'),
      expelled: count('expelled'),
      died: count('died'),
    },
  };
}
