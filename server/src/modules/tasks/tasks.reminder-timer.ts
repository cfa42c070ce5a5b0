import type { FastifyInstance } from 'fastify';
import { startPeriodicJob } from '../../platform/periodic-job.ts';
import { todayVn } from '../../platform/today.ts';
import { sendTaskReminders } from './tasks.reminders.ts';

/**
 * Checks soon-due and overdue tasks on the server's reminder interval (REPORT_REMINDER_MINUTES,
 * shared with report reminders; 0 turns both off). Each reminder goes once, so several app
 * processes may run it.
 */
export function startTaskReminderTimer(app: FastifyInstance): void {
  startPeriodicJob(app, {
    name: 'task reminders',
    minutes: app.config.reportReminderMinutes,
    work: async () => {
      const sent = await sendTaskReminders(app.db, todayVn());
      return sent.dueSoon + sent.overdue > 0 ? sent : null;
    },
  });
}
