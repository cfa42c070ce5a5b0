import type { DueLists } from '@tcxd/contract';
import { type Kysely, sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { dueListQuery } from '@tcxd/contract';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays, NOT_A_MEMBER, probationDueWithin, TRANSFER_ARRIVAL_WORKING_DAYS, transfersNotArrived } from '../../rules/members/index.ts';
import { presentListItem } from './members.presenter.ts';
import { listColumns, memberVisible } from './members.repository.ts';

/**
 * What a clerk must act on: probationary members whose recognition falls due within the
 * next days (and overdue ones), and members in transit with their arrival deadline
 * (30 working days). The dates come from the member rules.
 */
export async function dueListsFor(db: Kysely<DB>, ctx: Context, query: z.infer<typeof dueListQuery>): Promise<DueLists> {
  const scope = scopePaths(ctx, 'read');
  const unitPath = query.unitId ? (await requireUnit(db, ctx, query.unitId, 'read')).path : null;
  const today = todayVn();
  let rows = db
    .selectFrom('party_member as m')
    .innerJoin('org_unit as c', 'c.id', 'm.home_cell_id')
    .leftJoin('org_unit as t', 't.id', 'm.transit_to_cell_id')
    .select(listColumns)
    .select(['m.probation_ends_on', 'm.recognition_due_on', 'm.transit_since', 'm.transit_to_cell_id', 't.name as transit_name'])
    .where(memberVisible(scope))
    .where((eb) => eb.or([eb.and([eb('m.status', '=', 'probationary'), eb('m.recognition_due_on', '<=', addDays(today, query.days))]), eb('m.status', '=', 'in_transit')]));
  if (unitPath !== null) rows = rows.where(sql<SqlBool>`(c.path <@ ${unitPath}::ltree or t.path <@ ${unitPath}::ltree)`);
  const found = await rows.limit(5_000).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const states = found.map((r) => ({
    memberId: r.id,
    state: {
      ...NOT_A_MEMBER,
      status: r.status === 'in_transit' ? ('in_transit' as const) : ('probationary' as const),
      level: 'probationary' as const,
      cellId: r.status === 'in_transit' ? null : r.cell_id,
      admittedOn: r.admission_date,
      probationEndsOn: r.probation_ends_on,
      recognitionDueOn: r.recognition_due_on,
      transitSince: r.transit_since,
      transitFromCellId: r.cell_id,
      transitToCellId: r.transit_to_cell_id,
    },
  }));
  const probation = probationDueWithin(states, today, query.days).flatMap((d) => {
    const row = byId.get(d.memberId);
    return row ? [{ member: presentListItem(row), probationEndsOn: d.probationEndsOn, dueOn: d.dueOn, daysLeft: d.daysLeft, overdue: d.overdue, postponed: d.postponed }] : [];
  });
  const transfers = transfersNotArrived(states, today, { warnWithinWorkingDays: TRANSFER_ARRIVAL_WORKING_DAYS }).flatMap((d) => {
    const row = byId.get(d.memberId);
    if (!row || !row.transit_to_cell_id) return [];
    return [
      {
        member: presentListItem(row),
        from: { id: row.cell_id, name: row.cell_name },
        to: { id: row.transit_to_cell_id, name: row.transit_name ?? '' },
        since: d.since,
        deadline: d.deadline,
        workingDaysLeft: d.workingDaysLeft,
        overdue: d.overdue,
      },
    ];
  });
  return { probation, transfers };
}
