import { type AggregateStructure, type AggregateView, type ReportValues } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { pathLabel } from '../../platform/ids.ts';
import { todayVn } from '../../platform/today.ts';
import { combineStored } from '../../rules/reports/aggregate.ts';
import { childrenAsOf, subtreeAsOf } from '../units/units.repository.ts';
import { type ExpectedUnit, expectedWithGroups, type GroupUnit } from './reports.expected.ts';
import { presentPeriod } from './reports.presenter.ts';
import * as repo from './reports.repository.ts';
import { compiledOf } from './reports.submissions.service.ts';
import { manages, visiblePeriod } from './reports.templates.service.ts';

type Db = Kysely<DB>;

interface Grouping {
  readonly groups: readonly GroupUnit[];
  /** The group of each expected unit that lies under the root. */
  readonly groupOf: ReadonlyMap<string, string>;
}

const byCode = (a: GroupUnit, b: GroupUnit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Groups the expected units under the root's direct sub-units (listed by code). As of the
 * period: by the structure of the period's last day (Hà Giang's 2024 figures under Hà Giang).
 * Today: by the latest structure, where a merged unit sits under its successor (rolled into
 * Tuyên Quang). `rootChildren` are the root's sub-units as of the period when already read.
 */
async function groupUnits(db: Db, scope: readonly string[], rootId: string, units: readonly ExpectedUnit[], structure: AggregateStructure, date: string, rootChildren: readonly GroupUnit[] | null): Promise<Grouping> {
  const unitIds = units.map((u) => u.id);
  if (structure === 'period') {
    // Most assignments expect the root's children or their children: their group is known
    // from the period's parents without walking the whole subtree as of the date.
    const children = rootChildren ?? (await childrenAsOf(db, scope, rootId, date)).map((c) => ({ id: c.id, code: c.code, name: c.name })).sort(byCode);
    const childIds = new Set(children.map((c) => c.id));
    const near = new Map<string, string>();
    for (const u of units) {
      const group = childIds.has(u.id) ? u.id : u.parentId !== null && childIds.has(u.parentId) ? u.parentId : undefined;
      if (group) near.set(u.id, group);
    }
    if (near.size === units.length) return { groups: children, groupOf: near };
    const tree = await subtreeAsOf(db, scope, rootId, date);
    const parent = new Map(tree.map((u) => [u.id, u.parent_id]));
    const groups = tree.filter((u) => u.depth === 1).map((u) => ({ id: u.id, code: u.code, name: u.name })).sort(byCode);
    const groupIds = new Set(groups.map((g) => g.id));
    const groupOf = new Map<string, string>();
    for (const id of unitIds) {
      let at: string | null | undefined = id;
      for (let i = 0; at && i < 60 && !groupIds.has(at); i += 1) at = parent.get(at);
      if (at && groupIds.has(at)) groupOf.set(id, at);
    }
    return { groups, groupOf };
  }
  const children = await childrenAsOf(db, scope, rootId, todayVn());
  const byLabel = new Map(children.map((c) => [pathLabel(c.id), c.id]));
  const rootPath = (await repo.pathsOf(db, [rootId])).get(rootId) ?? '';
  const depth = rootPath === '' ? 0 : rootPath.split('.').length;
  const paths = await repo.pathsOf(db, unitIds);
  const groupOf = new Map<string, string>();
  for (const [id, path] of paths) {
    const label = path.split('.')[depth];
    const group = label === undefined ? undefined : byLabel.get(label);
    if (group) groupOf.set(id, group);
  }
  return { groups: children.map((c) => ({ id: c.id, code: c.code, name: c.name })).sort(byCode), groupOf };
}

/**
 * The sent reports of a period by the expected units below a root (their figures as stored),
 * with the root's direct sub-units as of the period when the root is the owner (else null).
 */
async function sentOf(db: Db, scope: readonly string[], period: repo.PeriodRow, rootId: string) {
  const compiled = compiledOf(period);
  const { units: all, groups } = await expectedWithGroups(db, scope, period);
  // The owner's expected units all lie below it; another root keeps those of its subtree as of the period.
  const inside = rootId === period.owner_unit_id ? null : new Set((await subtreeAsOf(db, scope, rootId, period.ends_on)).map((u) => u.id));
  const expected = inside ? all.filter((u) => inside.has(u.id)) : all;
  const reports = await repo.sentValues(db, period.id, expected.map((u) => u.id));
  return { compiled, expected, rootChildren: inside ? null : groups, reports };
}

function pick(values: ReportValues, codes: ReadonlySet<string>): ReportValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => codes.has(k.split('.')[0] ?? k)));
}

/**
 * Any indicator of a period over the units below a unit (default: the template's owner),
 * grouped by its direct sub-units in the structure as of the period or today's, with the
 * total, and the same total for the previous period and the same period a year before.
 */
export async function aggregatePeriod(db: Db, ctx: Context, periodId: string, query: { structure: AggregateStructure; unitId?: string; indicators?: string }): Promise<AggregateView> {
  const period = await visiblePeriod(db, ctx, periodId);
  const scope = scopePaths(ctx, 'read');
  const rootId = query.unitId ?? period.owner_unit_id;
  if (query.unitId) await requireUnit(db, ctx, query.unitId, 'read');
  const current = await sentOf(db, scope, period, rootId);
  const wanted = query.indicators ? new Set(query.indicators.split(',').map((c) => c.trim()).filter(Boolean)) : new Set(current.compiled.definition.indicators.map((i) => i.code));
  const grouping = await groupUnits(db, scope, rootId, current.expected, query.structure, period.ends_on, current.rootChildren);
  const combined = combineStored(current.compiled, current.reports.map((r) => ({ group: grouping.groupOf.get(r.unit_id), values: r.values })));
  const expectedBy = new Map<string, number>();
  for (const u of current.expected) {
    const g = grouping.groupOf.get(u.id);
    if (g) expectedBy.set(g, (expectedBy.get(g) ?? 0) + 1);
  }
  const comparison = async (other: repo.PeriodRow | undefined) => {
    if (!other) return null;
    const t = await sentOf(db, scope, other, rootId);
    const total = combineStored(t.compiled, t.reports.map((r) => ({ group: undefined, values: r.values }))).total;
    return { periodId: other.id, label: other.label, values: pick(total, wanted) };
  };
  const lastYearStart = `${Number(period.starts_on.slice(0, 4)) - 1}${period.starts_on.slice(4)}`;
  return {
    period: presentPeriod(period, manages(ctx, period.owner_path)),
    structure: query.structure,
    indicators: current.compiled.definition.indicators.filter((i) => wanted.has(i.code)).map((i) => ({ code: i.code, label: i.label, type: i.type })),
    groups: grouping.groups
      .filter((g) => (expectedBy.get(g.id) ?? 0) > 0)
      .map((g) => ({ unit: g, expected: expectedBy.get(g.id) ?? 0, reported: combined.reportedBy.get(g.id) ?? 0, values: pick(combined.byGroup.get(g.id) ?? {}, wanted) })),
    total: pick(combined.total, wanted),
    reported: current.reports.length,
    expected: current.expected.length,
    previous: await comparison(await repo.neighbourPeriod(db, scope, period, { before: period.starts_on })),
    lastYear: await comparison(await repo.neighbourPeriod(db, scope, period, { startsOn: lastYearStart })),
  };
}
