import { type InboxItem, type Region, submissionStatus, type TrackingRow, type TrackingStatus, type TrackingView, type YearGridView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopePaths, withinScope } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { todayVn } from '../../platform/today.ts';
import { trackingStatusOf, windowOf } from '../../rules/reports/report-periods.ts';
import { type ExpectedUnit, expectedUnits } from './reports.expected.ts';
import { isoTime, presentPeriod, vnDateOf } from './reports.presenter.ts';
import { regionOf } from './reports.regions.ts';
import * as repo from './reports.repository.ts';
import { manages, visiblePeriod } from './reports.templates.service.ts';

type Db = Kysely<DB>;

export interface UnitFilter {
  readonly clusterId?: string;
  readonly region?: Region;
}

/** Keeps the units of an emulation cluster or a region (a cluster outside the scope is 404). */
async function filterUnits(db: Db, ctx: Context, units: readonly ExpectedUnit[], filter: UnitFilter): Promise<ExpectedUnit[]> {
  let kept = [...units];
  if (filter.clusterId) {
    const members = await repo.groupUnitIds(db, scopePaths(ctx, 'read'), filter.clusterId);
    if (!members) throw notFound();
    kept = kept.filter((u) => members.has(u.id));
  }
  if (filter.region) kept = kept.filter((u) => regionOf(u.code) === filter.region);
  return kept;
}

type StatusRow = Awaited<ReturnType<typeof repo.statusesOf>>[number];

function statusOf(row: StatusRow | undefined, dueOn: string): TrackingStatus {
  if (!row) return 'missing';
  return trackingStatusOf({ status: submissionStatus.parse(row.status), firstSubmittedOn: row.first_submitted_at ? vnDateOf(row.first_submitted_at) : null }, dueOn);
}

/** Counts of a list of statuses: the "N/M" figure and its parts. */
function countOf(statuses: readonly TrackingStatus[]) {
  const n = (s: TrackingStatus) => statuses.filter((x) => x === s).length;
  return { expected: statuses.length, onTime: n('on_time'), late: n('late'), missing: n('missing'), returned: n('returned'), reported: n('on_time') + n('late') };
}

/**
 * Who has reported for a period: every expected unit inside the viewer's scope (the
 * structure as of the period) with on time / late / returned / missing, and the counts.
 */
export async function trackPeriod(db: Db, ctx: Context, periodId: string, filter: UnitFilter): Promise<TrackingView> {
  const period = await visiblePeriod(db, ctx, periodId);
  // The reports' statuses do not depend on the expected units: asked together (PostgreSQL runs them on two connections).
  const [units, statuses, unlocks] = await Promise.all([
    expectedUnits(db, scopePaths(ctx, 'read'), period).then((expected) => filterUnits(db, ctx, expected, filter)),
    repo.statusesOf(db, [periodId]),
    repo.unlocksOf(db, periodId),
  ]);
  const byUnit = new Map(statuses.map((s) => [s.unit_id, s]));
  const rows: TrackingRow[] = units.map((u) => {
    const s = byUnit.get(u.id);
    return {
      unit: { id: u.id, code: u.code, name: u.name },
      region: regionOf(u.code),
      status: statusOf(s, period.due_on),
      draft: s?.status === 'draft',
      accepted: s?.status === 'accepted',
      submissionId: s?.id ?? null,
      firstSubmittedAt: isoTime(s?.first_submitted_at ?? null),
      unlockedUntil: unlocks.get(u.id) ?? null,
    };
  });
  return {
    period: presentPeriod(period, manages(ctx, period.owner_path)),
    ...countOf(rows.map((r) => r.status)),
    accepted: rows.filter((r) => r.accepted).length,
    window: windowOf({ opensOn: period.opens_on, dueOn: period.due_on, locksOn: period.locks_on }, todayVn(), null),
    rows,
  };
}

/** A whole year of a template: unit × period, each cell the unit's status or "not expected" (the unit did not exist then). */
export async function yearGrid(db: Db, ctx: Context, query: { templateId: string; year: number } & UnitFilter): Promise<YearGridView> {
  const scope = scopePaths(ctx, 'read');
  const periods = (await repo.periodsVisible(db, scope, { templateId: query.templateId, year: query.year })).filter((p) => p.kind === p.frequency).reverse();
  if (periods.length === 0) {
    const template = await repo.templatesVisible(db, scope, query.templateId);
    if (template.length === 0) throw notFound();
  }
  const statuses = await repo.statusesOf(db, periods.map((p) => p.id));
  const byKey = new Map(statuses.map((s) => [`${s.period_id}|${s.unit_id}`, s]));
  const units = new Map<string, ExpectedUnit>();
  const expectedBy = await Promise.all(periods.map(async (p) => new Set((await filterUnits(db, ctx, await expectedUnits(db, scope, p), query)).map((u) => { units.set(u.id, u); return u.id; }))));
  const ordered = [...units.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = ordered.map((u) => ({
    unit: { id: u.id, code: u.code, name: u.name },
    cells: periods.map((p, i) => (expectedBy[i]?.has(u.id) ? statusOf(byKey.get(`${p.id}|${u.id}`), p.due_on) : ('not_expected' as const))),
  }));
  return {
    periods: periods.map((p, i) => {
      const column = rows.map((r) => r.cells[i]).filter((c): c is TrackingStatus => c !== undefined && c !== 'not_expected');
      return { id: p.id, label: p.label, expected: column.length, reported: column.filter((c) => c === 'on_time' || c === 'late').length };
    }),
    rows,
  };
}

/**
 * What the actor's units have to report: the recent periods of the templates they report on,
 * each with the unit's report if any. Only units the actor writes for are listed.
 */
export async function inbox(db: Db, ctx: Context): Promise<InboxItem[]> {
  const writeScope = scopePaths(ctx, 'records.write');
  if (writeScope.length === 0) return [];
  const periods = await repo.periodsVisible(db, scopePaths(ctx, 'read'), { limit: 24 });
  const today = todayVn();
  const items: InboxItem[] = [];
  const statuses = await repo.statusesOf(db, periods.map((p) => p.id));
  for (const period of periods) {
    if (period.opens_on > today && period.starts_on > today) continue;
    const expected = await expectedUnits(db, writeScope, period);
    if (expected.length > 50) continue; // the managing side follows these through tracking
    const paths = await repo.pathsOf(db, expected.map((u) => u.id));
    for (const unit of expected) {
      if (!withinScope(paths.get(unit.id) ?? '', writeScope)) continue;
      const s = statuses.find((x) => x.period_id === period.id && x.unit_id === unit.id);
      items.push({
        period: presentPeriod(period, manages(ctx, period.owner_path)),
        unit: { id: unit.id, code: unit.code, name: unit.name },
        submissionId: s?.id ?? null,
        status: s ? submissionStatus.parse(s.status) : null,
        window: windowOf({ opensOn: period.opens_on, dueOn: period.due_on, locksOn: period.locks_on }, today, null),
      });
    }
  }
  return items;
}
