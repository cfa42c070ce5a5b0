import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notifyUsers } from '../../platform/notifications.ts';
import { formatDate } from '../../rules/members/dates.ts';

/** Roles that carry out tasks for their unit (and so are reminded). */
const doerRoles = ['admin', 'staff', 'clerk'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * In-app reminders for tasks due within `daysAhead` days and for overdue ones, to the active
 * users of each unit that still has to act (the lead unit, or each tracked unit not done).
 * Each user gets each kind of reminder for a task once: the notification itself is the record.
 */
export async function sendTaskReminders(db: Kysely<DB>, today: string, daysAhead = 3): Promise<{ dueSoon: number; overdue: number }> {
  const horizon = addDays(today, daysAhead);
  const pending = await db
    .selectFrom('work_task as t')
    .leftJoin('work_task_assignment as a', (join) => join.onRef('a.task_id', '=', 't.id').on('a.status', 'not in', ['done', 'cancelled']))
    .select(['t.id', 't.title', 't.due_on', sql<string>`coalesce(a.unit_id, t.lead_unit_id)`.as('unit_id')])
    .where('t.status', 'not in', ['done', 'cancelled'])
    .where('t.due_on', '<=', horizon)
    // A tracked task reminds only its units not done; an untracked one its lead unit.
    .where((eb) => eb.or([eb('a.unit_id', 'is not', null), eb.not(eb.exists(eb.selectFrom('work_task_assignment as x').select(sql.lit(1).as('one')).whereRef('x.task_id', '=', 't.id')))]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('work_task as c').select(sql.lit(1).as('one')).whereRef('c.parent_id', '=', 't.id'))))
    .execute();
  if (pending.length === 0) return { dueSoon: 0, overdue: 0 };
  const users = await db
    .selectFrom('user_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.unit_id'])
    .where('g.unit_id', 'in', [...new Set(pending.map((p) => p.unit_id))])
    .where('g.role', 'in', doerRoles)
    .where('u.disabled_at', 'is', null)
    .execute();
  const counts = { dueSoon: 0, overdue: 0 };
  await db.transaction().execute(async (trx) => {
    for (const task of pending) {
      const overdue = task.due_on < today;
      const kind = overdue ? 'task.overdue' : 'task.due_soon';
      const link = `/tasks/${task.id}`;
      const recipients = [...new Set(users.filter((u) => u.unit_id === task.unit_id).map((u) => u.user_id))];
      if (recipients.length === 0) continue;
      const already = await trx.selectFrom('notification').select('user_id').where('kind', '=', kind).where('link', '=', link).where('user_id', 'in', recipients).execute();
      const fresh = recipients.filter((r) => !already.some((a) => a.user_id === r));
      await notifyUsers(
        trx,
        fresh.map((userId) => ({
          userId,
          kind,
          title: overdue ? 'Nhiệm vụ quá hạn' : 'Nhiệm vụ sắp đến hạn',
          body: `${task.title} — hạn ${formatDate(task.due_on)}`,
          link,
        })),
      );
      counts[overdue ? 'overdue' : 'dueSoon'] += fresh.length;
    }
  });
  return counts;
}
