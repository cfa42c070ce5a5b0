import type { FastifyInstance } from 'fastify';
import { sendDueReminders } from './reports.reminders.service.ts';

/**
 * Checks due and overdue reports on a timer while the server runs (each reminder goes once,
 * so several app processes may run it). REPORT_REMINDER_MINUTES=0 turns it off.
 */
export function startReminderTimer(app: FastifyInstance): void {
  const minutes = app.config.reportReminderMinutes;
  if (minutes === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(app.db, app.config.smtp)
      .then((r) => {
        if (r.units > 0) app.log.info({ reminders: r }, 'report reminders sent');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'report reminders failed'))
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
