import type { Insertable, Kysely } from 'kysely';
import { insertByColumns } from '../db/bulk-insert.ts';
import type { DB, ReportSubmissionTable, ReportSubmissionVersionTable } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Context } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
import { addDays, standardPeriod } from '../rules/reports/report-periods.ts';
import { compileStored } from '../rules/reports/report-definition.ts';
import { computeValues } from '../rules/reports/report-values.ts';
import { filledFigures } from '../modules/reports/reports.autofill.ts';
import { expectedUnits } from '../modules/reports/reports.expected.ts';
import { findByCode } from '../modules/units/units.repository.ts';
import { monthlyDefinitionV1, monthlyDefinitionV2 } from './demo-report-template.ts';
import { seededRandom } from './demo-structure.ts';

const narrativeOf = (unitName: string, label: string) => ({
  results: `${unitName} tiếp tục thực hiện Quy định 137-QĐ/TW, 138-QĐ/TW; hoàn thành kế hoạch ${label.toLocaleLowerCase('vi')} về kết nạp đảng viên, kiện toàn tổ chức cơ sở đảng.`,
  limits: 'Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao; việc cập nhật dữ liệu đảng viên còn chậm.',
  next_tasks: 'Chuẩn bị nhân sự đại hội đảng bộ các cấp; tiếp tục xây dựng cơ sở dữ liệu đảng viên.',
});

/**
 * The demo's monthly report of the sector: a template of the Centre (version 2 from the
 * 1-7-2025 merger), January 2021 with 60 of 67 reports sent (all with the 2020 reviews done),
 * every month of 2024 (67 expected) and of the current year (40 expected) with some late and
 * some missing reports, the current month left open. Rows go in by column arrays.
 */
export async function seedDemoReports(db: Kysely<DB>, ctx: Context, today: string): Promise<void> {
  const root = await findByCode(db, 'TW');
  if (!root) return;
  const random = seededRandom(2024);
  const templateId = newId();
  const v1 = newId();
  const v2 = newId();
  const year = Number(today.slice(0, 4));
  const months: [number, number][] = [[2021, 1], ...Array.from({ length: 12 }, (_, i): [number, number] => [2024, i + 1]), ...Array.from({ length: 12 }, (_, i): [number, number] => [year, i + 1])];
  const periods = months.flatMap(([y, m]) => {
    const dates = standardPeriod('month', y, m);
    return dates && dates.opensOn <= today ? [{ id: newId(), ...dates, version: dates.startsOn >= '2025-07-01' ? v2 : v1 }] : [];
  });
  const compiled = { [v1]: compileStored(monthlyDefinitionV1), [v2]: compileStored(monthlyDefinitionV2) };
  const submissions: Insertable<ReportSubmissionTable>[] = [];
  const versions: Insertable<ReportSubmissionVersionTable>[] = [];
  const figures = new Map<string, Awaited<ReturnType<typeof filledFigures>>>();
  for (const period of periods) {
    const expected = await expectedUnits(db, [''], { owner_unit_id: root.id, assignment: { kind: 'children' }, ends_on: period.endsOn });
    const definition = compiled[period.version];
    if (!definition) continue;
    const current = period.dueOn >= today;
    // January 2021: 60 of 67 (5-2-2021 briefing); later months: about 9 in 10, none yet for an open month.
    const missing = period.startsOn === '2021-01-01' ? new Set(expected.map((u) => u.id).sort(() => random() - 0.5).slice(0, 7)) : new Set(expected.filter(() => current || random() < 0.08).map((u) => u.id));
    for (const unit of expected) {
      if (missing.has(unit.id)) continue;
      // Members are counted once per unit and structure (the end of 2024, or today): the demo register does not change month to month.
      const at = period.endsOn < '2025-07-01' ? '2024-12-31' : today;
      const key = `${unit.id}|${at}`;
      if (!figures.has(key)) figures.set(key, await filledFigures(db, definition, unit.id, { starts_on: at, ends_on: at }));
      const commune = Math.floor(random() * 40);
      const enterprise = Math.floor(random() * 12);
      const entered = { 'admitted.commune': commune, 'admitted.enterprise': enterprise, 'admitted.other': Math.floor(random() * 15), admitted_private: Math.floor(enterprise / 2), removed: Math.floor(random() * 4), cards_issued: Math.floor(random() * 60), orgs_consolidated: Math.floor(random() * 5), cadres_appointed: Math.floor(random() * 8), reviews_done: 1, rollout_rate: 80 + Math.floor(random() * 21) };
      const values = computeValues(definition, entered, figures.get(key) ?? {});
      const late = random() < 0.15;
      const sentOn = late ? addDays(period.dueOn, 1 + Math.floor(random() * 8)) : addDays(period.dueOn, -Math.floor(random() * 10));
      const sentAt = new Date(`${sentOn}T03:00:00Z`);
      const accepted = period.dueOn < addDays(today, -20) && random() < 0.7;
      const id = newId(sentAt.getTime());
      const narrative = narrativeOf(unit.name, period.label);
      submissions.push({ id, period_id: period.id, unit_id: unit.id, status: accepted ? 'accepted' : 'submitted', version: accepted ? 4 : 3, values: JSON.stringify(values), narrative: JSON.stringify(narrative), first_submitted_at: sentAt, submitted_at: sentAt, returned_comment: null, accepted_at: accepted ? addDays(sentOn, 2) : null, updated_by: null, updated_at: sentAt, created_at: sentAt });
      versions.push({ submission_id: id, seq: 1, event: 'submitted', values: JSON.stringify(values), narrative: JSON.stringify(narrative), comment: null, actor_id: null, actor_name: 'Dữ liệu minh họa', at: sentAt });
      if (accepted) versions.push({ submission_id: id, seq: 2, event: 'accepted', values: JSON.stringify(values), narrative: JSON.stringify(narrative), comment: null, actor_id: null, actor_name: 'Dữ liệu minh họa', at: new Date(`${addDays(sentOn, 2)}T03:00:00Z`) });
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('report_template').values({ id: templateId, owner_unit_id: root.id, code: 'BC-THANG', name: 'Báo cáo tháng công tác tổ chức xây dựng Đảng', frequency: 'month', assignment: JSON.stringify({ kind: 'children' }) }).execute();
    await trx.insertInto('report_template_version').values([
      { id: v1, template_id: templateId, version: 1, valid_from: '2021-01-01', definition: JSON.stringify(monthlyDefinitionV1) },
      { id: v2, template_id: templateId, version: 2, valid_from: '2025-07-01', definition: JSON.stringify(monthlyDefinitionV2) },
    ]).execute();
    await trx.insertInto('report_period').values(periods.map((p) => ({ id: p.id, template_id: templateId, template_version_id: p.version, kind: 'month', label: p.label, starts_on: p.startsOn, ends_on: p.endsOn, opens_on: p.opensOn, due_on: p.dueOn, locks_on: p.locksOn }))).execute();
    for (let i = 0; i < submissions.length; i += 2_000) await insertByColumns(trx, 'report_submission', submissions.slice(i, i + 2_000));
    for (let i = 0; i < versions.length; i += 2_000) await insertByColumns(trx, 'report_submission_version', versions.slice(i, i + 2_000));
    await recordAudit(trx, ctx, { action: 'report.demo_seed', entityType: 'report_template', entityId: templateId, unitId: root.id, after: { periods: periods.length, submissions: submissions.length } });
  });
}
