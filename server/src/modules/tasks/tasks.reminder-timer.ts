import type { FastifyInstance } from 'fastify';
import { todayVn } from '../../platform/today.ts';
import { sendTaskReminders } from './tasks.reminders.ts';

/**
 * Checks soon-due and overdue tasks on the server's reminder interval (REPORT_REMINDER_MINUTES,
 * shared with report reminders; 0 turns both off). Each reminder goes once, so several app
 * processes may run it.
 */
export function startTaskReminderTimer(app: FastifyInstance): void {
  const minutes = app.config.reportReminderMinutes;
  if (minutes === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendTaskReminders(app.db, todayVn())
      .then((r) => {
        if (r.dueSoon + r.overdue > 0) app.log.info({ reminders: r }, 'task reminders sent');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'task reminders failed'))
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
