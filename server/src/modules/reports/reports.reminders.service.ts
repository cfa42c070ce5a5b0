import type { RemindResult } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context, systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sendMail, type SmtpSettings } from '../../platform/mailer.ts';
import { notifyUsers } from '../../platform/notifications.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays } from '../../rules/reports/report-periods.ts';
import * as repo from './reports.repository.ts';
import { trackPeriod } from './reports.tracking.service.ts';
import { manages, visiblePeriod } from './reports.templates.service.ts';

type ReminderKind = 'before_due' | 'overdue' | 'manual';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function texts(kind: ReminderKind, period: repo.PeriodRow, unitName: string) {
  const title = kind === 'overdue' ? `Quá hạn báo cáo ${period.label}` : `Nhắc gửi báo cáo ${period.label}`;
  const body =
    kind === 'overdue'
      ? `${unitName} chưa gửi báo cáo ${period.label} (${period.template_name}); hạn nộp là ngày ${dmy(period.due_on)}, kỳ báo cáo khóa ngày ${dmy(period.locks_on)}.`
      : `Đề nghị ${unitName} gửi báo cáo ${period.label} (${period.template_name}) trước ngày ${dmy(period.due_on)}.`;
  return { title, body };
}

/**
 * Reminds the writers of some units (in-app, and by e-mail when SMTP is set and the
 * account has an address). Automatic kinds go once per unit; the row is written first, so a
 * second run skips the unit. Returns how many units, notifications and e-mails.
 */
async function remindUnits(db: Kysely<DB>, ctx: Context, smtp: SmtpSettings | null, period: repo.PeriodRow, units: readonly { id: string; name: string }[], kind: ReminderKind): Promise<RemindResult> {
  const mails: { to: string; subject: string; text: string }[] = [];
  let reminded = 0;
  let notified = 0;
  await db.transaction().execute(async (trx) => {
    const writers = await repo.writersOf(trx, units.map((u) => u.id));
    for (const unit of units) {
      const inserted = await trx
        .insertInto('report_reminder')
        .values({ id: newId(), period_id: period.id, unit_id: unit.id, kind, sent_by: actorUserId(ctx), sent_at: new Date() })
        .onConflict((oc) => oc.columns(['period_id', 'unit_id', 'kind']).where('kind', '<>', 'manual').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      reminded += 1;
      const { title, body } = texts(kind, period, unit.name);
      const to = writers.filter((w) => w.unit_id === unit.id);
      await notifyUsers(trx, to.map((w) => ({ userId: w.user_id, kind: `report.${kind}`, title, body, link: `/reports?period=${period.id}` })));
      notified += to.length;
      for (const w of to) if (w.email) mails.push({ to: w.email, subject: title, text: `Kính gửi đồng chí ${w.full_name},\n\n${body}\n\nHệ thống thông tin ngành Tổ chức xây dựng Đảng` });
    }
    if (reminded > 0 || kind === 'manual') await recordAudit(trx, ctx, { action: `report.remind_${kind}`, entityType: 'report_period', entityId: period.id, unitId: period.owner_unit_id, after: { units: reminded, notified, emails: smtp ? mails.length : 0 } });
  });
  // Mail goes after the commit: a slow or failing server never holds the transaction, and a failure leaves the in-app notice.
  let emailed = 0;
  if (smtp) {
    for (const mail of mails) {
      try {
        await sendMail(smtp, mail);
        emailed += 1;
      } catch {
        // Counted as not sent; the in-app notification stands.
      }
    }
  }
  return { units: reminded, notified, emailed };
}

/** "Remind all missing": the centre reminds every expected unit that has not sent (or must resend) its report. */
export async function remindMissing(db: Kysely<DB>, ctx: Context, smtp: SmtpSettings | null, periodId: string, unitIds: readonly string[] | undefined): Promise<RemindResult> {
  const period = await visiblePeriod(db, ctx, periodId);
  if (!manages(ctx, period.owner_path)) throw new AppError('forbidden');
  const tracking = await trackPeriod(db, ctx, periodId, {});
  const wanted = unitIds ? new Set(unitIds) : null;
  const units = tracking.rows.filter((r) => (r.status === 'missing' || r.status === 'returned') && (!wanted || wanted.has(r.unit.id))).map((r) => r.unit);
  return remindUnits(db, ctx, smtp, period, units, 'manual');
}

/**
 * The automatic reminders of a day: three days before the due date to units that have not
 * sent, and after the due date (until the lock) to those still missing. Each goes once.
 */
export async function sendDueReminders(db: Kysely<DB>, smtp: SmtpSettings | null, today = todayVn()): Promise<RemindResult> {
  const ctx = systemContext('report-reminders');
  const periods = await repo.periodsVisible(db, [''], { limit: 200 });
  const total = { units: 0, notified: 0, emailed: 0 };
  for (const period of periods) {
    const kind: ReminderKind | null = today > period.due_on && today < period.locks_on ? 'overdue' : today >= addDays(period.due_on, -3) && today <= period.due_on && today >= period.opens_on ? 'before_due' : null;
    if (!kind) continue;
    const tracking = await trackPeriod(db, ctx, period.id, {});
    const units = tracking.rows.filter((r) => r.status === 'missing').map((r) => r.unit);
    const result = await remindUnits(db, ctx, smtp, period, units, kind);
    total.units += result.units;
    total.notified += result.notified;
    total.emailed += result.emailed;
  }
  return total;
}
