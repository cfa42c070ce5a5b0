import type { PeriodCreateRequest, PeriodView, TemplateCreateRequest, TemplateDefinition, TemplateView, periodListQuery, templateVersionRequest } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { compileDefinition } from '../../rules/reports/report-definition.ts';
import { adHocPeriod, type PeriodDates, periodDateProblems, standardPeriod } from '../../rules/reports/report-periods.ts';
import { presentPeriod, presentTemplate } from './reports.presenter.ts';
import * as repo from './reports.repository.ts';

const say = (ctx: Context, vi: string, en: string) => (ctx.locale === 'en' ? en : vi);

/** Whether the actor manages what a unit owns (creates periods, returns and accepts its reports). */
export function manages(ctx: Context, ownerPath: string): boolean {
  return withinScope(ownerPath, scopePaths(ctx, 'records.write'));
}

function checkDefinition(ctx: Context, definition: TemplateDefinition): void {
  const result = compileDefinition(definition);
  if (!result.ok) throw invalid(result.issues.map((i) => ({ path: `definition.${i.path}`, message: say(ctx, i.vi, i.en) })));
}

/** The problems of a definition being edited (nothing stored): unknown indicators, cycles, rules that are no comparison. */
export function checkTemplateDefinition(ctx: Context, definition: TemplateDefinition): { path: string; message: string }[] {
  const result = compileDefinition(definition);
  return result.ok ? [] : result.issues.map((i) => ({ path: i.path, message: say(ctx, i.vi, i.en) }));
}

/** Templates the actor reports on or manages. */
export async function listTemplates(db: Kysely<DB>, ctx: Context): Promise<TemplateView[]> {
  const rows = await repo.templatesVisible(db, scopePaths(ctx, 'read'));
  const versions = await repo.versionsOf(db, rows.map((r) => r.id));
  return rows.map((r) => presentTemplate(r, versions.filter((v) => v.template_id === r.id), manages(ctx, r.owner_path)));
}

/** One template (404 when the actor neither reports on it nor manages it). */
export async function getTemplate(db: Kysely<DB>, ctx: Context, id: string): Promise<TemplateView> {
  const [row] = await repo.templatesVisible(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  return presentTemplate(row, await repo.versionsOf(db, [row.id]), manages(ctx, row.owner_path));
}

/** Creates a template with its first version, owned by a unit the actor writes for. */
export async function createTemplate(db: Kysely<DB>, ctx: Context, input: TemplateCreateRequest): Promise<TemplateView> {
  await requireUnit(db, ctx, input.ownerUnitId, 'records.write');
  checkDefinition(ctx, input.definition);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('report_template').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw invalid([{ path: 'code', message: say(ctx, `Mã biểu mẫu "${input.code}" đã có`, `Template code "${input.code}" is taken`) }]);
    await trx.insertInto('report_template').values({ id, owner_unit_id: input.ownerUnitId, code: input.code, name: input.name, frequency: input.frequency, assignment: JSON.stringify(input.assignment) }).execute();
    await trx.insertInto('report_template_version').values({ id: newId(), template_id: id, version: 1, valid_from: input.validFrom, definition: JSON.stringify(input.definition) }).execute();
    await recordAudit(trx, ctx, { action: 'report.template_create', entityType: 'report_template', entityId: id, unitId: input.ownerUnitId, after: input });
  });
  return getTemplate(db, ctx, id);
}

async function managedTemplate(db: Kysely<DB>, ctx: Context, id: string) {
  const [row] = await repo.templatesVisible(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  if (!manages(ctx, row.owner_path)) throw new AppError('forbidden');
  return row;
}

/**
 * Adds a version in force from a date. Periods already created keep the version they were
 * made with; periods created later starting on or after the date use the new one.
 */
export async function addVersion(db: Kysely<DB>, ctx: Context, id: string, input: z.infer<typeof templateVersionRequest>): Promise<TemplateView> {
  const row = await managedTemplate(db, ctx, id);
  checkDefinition(ctx, input.definition);
  await db.transaction().execute(async (trx) => {
    const versions = await repo.versionsOf(trx, [id]);
    const last = versions[versions.length - 1];
    if (last && input.validFrom <= last.valid_from) throw invalid([{ path: 'validFrom', message: say(ctx, 'Phiên bản mới phải có hiệu lực sau phiên bản trước', 'A new version must start after the previous one') }]);
    const version = (last?.version ?? 0) + 1;
    await trx.insertInto('report_template_version').values({ id: newId(), template_id: id, version, valid_from: input.validFrom, definition: JSON.stringify(input.definition) }).execute();
    await recordAudit(trx, ctx, { action: 'report.template_version', entityType: 'report_template', entityId: id, unitId: row.owner_unit_id, after: { version, ...input } });
  });
  return getTemplate(db, ctx, id);
}

function datesOf(ctx: Context, input: PeriodCreateRequest): PeriodDates {
  let base: PeriodDates | null;
  if (input.kind === 'ad_hoc') {
    if (!input.startsOn || !input.endsOn || !input.label) throw invalid([{ path: 'startsOn', message: say(ctx, 'Kỳ đột xuất cần tên, ngày bắt đầu và ngày kết thúc', 'An ad hoc period needs a label, a start and an end') }]);
    base = adHocPeriod(input.label, input.startsOn, input.endsOn);
  } else {
    base = input.year === undefined || input.index === undefined ? null : standardPeriod(input.kind, input.year, input.index);
    if (!base) throw invalid([{ path: 'index', message: say(ctx, 'Năm hoặc số thứ tự kỳ không hợp lệ', 'Invalid year or period number') }]);
  }
  const dates = { ...base, label: input.label ?? base.label, opensOn: input.opensOn ?? base.opensOn, dueOn: input.dueOn ?? base.dueOn, locksOn: input.locksOn ?? base.locksOn };
  const problems = periodDateProblems(dates);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: 'dueOn', message: say(ctx, p.vi, p.en) })));
  return dates;
}

/** Opens a reporting period of a template; it uses the template version in force on its first day. */
export async function createPeriod(db: Kysely<DB>, ctx: Context, input: PeriodCreateRequest): Promise<PeriodView> {
  const template = await managedTemplate(db, ctx, input.templateId);
  if (input.kind !== template.frequency && input.kind !== 'ad_hoc') throw invalid([{ path: 'kind', message: say(ctx, 'Loại kỳ không khớp với tần suất của biểu mẫu', 'The period kind does not match the template frequency') }]);
  const dates = datesOf(ctx, input);
  const version = await repo.versionInForce(db, template.id, dates.startsOn);
  if (!version) throw invalid([{ path: 'startsOn', message: say(ctx, 'Chưa có phiên bản biểu mẫu nào có hiệu lực vào kỳ này', 'No template version is in force for this period') }]);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const clash = input.kind === 'ad_hoc' ? undefined : await trx.selectFrom('report_period').select('id').where('template_id', '=', template.id).where('kind', '=', input.kind).where('starts_on', '=', dates.startsOn).executeTakeFirst();
    if (clash) throw invalid([{ path: 'index', message: say(ctx, `Kỳ ${dates.label} đã có`, `Period ${dates.label} already exists`) }]);
    await trx
      .insertInto('report_period')
      .values({ id, template_id: template.id, template_version_id: version.id, kind: input.kind, label: dates.label, starts_on: dates.startsOn, ends_on: dates.endsOn, opens_on: dates.opensOn, due_on: dates.dueOn, locks_on: dates.locksOn })
      .execute();
    await recordAudit(trx, ctx, { action: 'report.period_create', entityType: 'report_period', entityId: id, unitId: template.owner_unit_id, after: { ...dates, version: version.version } });
  });
  return getPeriod(db, ctx, id);
}

/** Loads a period the actor may see; 404 otherwise. */
export async function visiblePeriod(db: Kysely<DB>, ctx: Context, id: string): Promise<repo.PeriodRow> {
  const row = await repo.periodVisible(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  return row;
}

/** One period. */
export async function getPeriod(db: Kysely<DB>, ctx: Context, id: string): Promise<PeriodView> {
  const row = await visiblePeriod(db, ctx, id);
  return presentPeriod(row, manages(ctx, row.owner_path));
}

/** Periods of the templates the actor sees, newest first. */
export async function listPeriods(db: Kysely<DB>, ctx: Context, query: z.infer<typeof periodListQuery>): Promise<PeriodView[]> {
  const rows = await repo.periodsVisible(db, scopePaths(ctx, 'read'), query);
  return rows.map((r) => presentPeriod(r, manages(ctx, r.owner_path)));
}
