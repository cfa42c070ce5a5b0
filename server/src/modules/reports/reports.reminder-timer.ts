import type { FastifyInstance } from 'fastify';
import { startPeriodicJob } from '../../platform/periodic-job.ts';
import { sendDueReminders } from './reports.reminders.service.ts';

/**
 * Checks due and overdue reports on a timer while the server runs (each reminder goes once,
 * so several app processes may run it). REPORT_REMINDER_MINUTES=0 turns it off.
 */
export function startReminderTimer(app: FastifyInstance): void {
  startPeriodicJob(app, {
    name: 'report reminders',
    minutes: app.config.reportReminderMinutes,
    work: async () => {
      const sent = await sendDueReminders(app.db, app.config.smtp);
      return sent.units > 0 ? sent : null;
    },
  });
}
