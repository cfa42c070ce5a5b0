import type { AgendaRequest, ConclusionRequest, ConferenceCreateRequest, ConferenceSummary, ConferenceView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { pathWithin, requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { documentInScope } from '../documents/documents.repository.ts';
import { expectedUnits } from '../reports/reports.expected.ts';
import { vnDateOf } from '../reports/reports.presenter.ts';
import { periodVisible } from '../reports/reports.repository.ts';
import { trackPeriod } from '../reports/reports.tracking.service.ts';
import { unitPaths } from '../tasks/tasks.repository.ts';
import { childrenAsOf } from '../units/units.repository.ts';
import { presentAgendaItem, presentConclusion, presentPoint, presentSummary } from './conferences.presenter.ts';
import * as repo from './conferences.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Conferences the actor hosts or takes part in, latest first. */
export async function listConferences(db: Db, ctx: Context, filter: { year?: number; kind?: string }): Promise<ConferenceSummary[]> {
  const rows = await repo.listConferences(db, scopePaths(ctx, 'read'), filter);
  return rows.map(presentSummary);
}

/** Loads a visible conference; 404 when missing or outside the scope. */
export async function visibleConference(db: Db, ctx: Context, id: string): Promise<repo.ConferenceRow> {
  const row = await repo.conferenceInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  return row;
}

/** Whether the actor may change a conference: write access on the host unit. */
export function managesConference(ctx: Context, row: { readonly host_path: string }): boolean {
  return withinScope(row.host_path, scopePaths(ctx, 'records.write'));
}

/** Loads a conference the actor may change: 404 outside the scope, 403 when only a participant. */
export async function managedConference(db: Db, ctx: Context, id: string): Promise<repo.ConferenceRow> {
  const row = await visibleConference(db, ctx, id);
  if (!managesConference(ctx, row)) throw new AppError('forbidden');
  return row;
}

/**
 * One conference: the host sees every point, a participating unit its own points; the
 * period's "N/M reported" comes from the reporting module.
 */
export async function getConference(db: Db, ctx: Context, id: string): Promise<ConferenceView> {
  const row = await visibleConference(db, ctx, id);
  const readScope = scopePaths(ctx, 'read');
  const hostReader = withinScope(row.host_path, readScope);
  const [points, agenda, conclusions] = await Promise.all([repo.pointsOf(db, id, hostReader ? null : readScope), repo.agendaOf(db, id), repo.conclusionsOf(db, id)]);
  let period: ConferenceView['period'] = null;
  if (row.report_period_id !== null && hostReader) {
    const tracking = await trackPeriod(db, ctx, row.report_period_id, {});
    period = { id: row.report_period_id, label: tracking.period.label, reported: tracking.reported, expected: tracking.expected };
  }
  return {
    ...presentSummary(row),
    videoLink: row.video_link,
    confirmBy: row.confirm_by,
    chairName: row.chair_name,
    chairTitle: row.chair_title,
    manages: managesConference(ctx, row),
    confirmed: row.confirmed ?? 0,
    invitationsSent: (row.invited ?? 0) > 0,
    period,
    pointList: points.map(presentPoint),
    agenda: agenda.map(presentAgendaItem),
    conclusionSummary: row.conclusion_summary,
    conclusions: conclusions.map(presentConclusion),
  };
}

/** Refuses units outside the host's subtree exactly like missing ones. */
export async function requireWithin(db: Db, hostPath: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await unitPaths(db, unique);
  if (rows.length !== unique.length || !rows.every((u) => pathWithin(u.path, hostPath))) throw notFound();
}

/**
 * Creates a conference with its connection points: the units given, or by default those
 * expected to report for the period briefed on (the structure of the period's end), or the
 * host's direct subordinates on the day. The agenda starts with the consolidated report.
 */
export async function createConference(db: Kysely<DB>, ctx: Context, input: ConferenceCreateRequest): Promise<ConferenceView> {
  const id = await db.transaction().execute(async (trx) => {
    const host = await requireUnit(trx, ctx, input.hostUnitId, 'records.write');
    const readScope = scopePaths(ctx, 'read');
    const period = input.reportPeriodId === null ? null : await periodVisible(trx, readScope, input.reportPeriodId);
    if (input.reportPeriodId !== null && !period) throw notFound();
    const day = vnDateOf(input.startsAt);
    const unitIds = input.unitIds ?? (period ? (await expectedUnits(trx, [host.path], period)).map((u) => u.id) : (await childrenAsOf(trx, [host.path], host.id, day)).map((u) => u.id));
    await requireWithin(trx, host.path, unitIds);
    if (input.confirmBy !== null && input.confirmBy > day) throw new AppError('refused', { params: { reason: 'Hạn xác nhận sau ngày họp' } });
    const conferenceId = newId();
    await trx
      .insertInto('conference')
      .values({
        id: conferenceId,
        host_unit_id: host.id,
        kind: input.kind,
        title: input.title,
        starts_at: new Date(input.startsAt),
        host_point: input.hostPoint,
        mode: input.mode,
        video_link: input.videoLink,
        report_period_id: period?.id ?? null,
        confirm_by: input.confirmBy,
        chair_name: input.chairName,
        chair_title: input.chairTitle,
        conclusion_summary: null,
      })
      .execute();
    const unique = [...new Set(unitIds)];
    for (let i = 0; i < unique.length; i += 1000) {
      await trx.insertInto('conference_point').values(unique.slice(i, i + 1000).map((unit_id) => ({ conference_id: conferenceId, unit_id, chair: null, attendees: null, contact: null, invited_at: null, confirmed_at: null, connected_at: null }))).execute();
    }
    const agenda = [
      ...(period ? [{ kind: 'report', title: `Báo cáo tổng hợp kết quả công tác ${period.label.toLocaleLowerCase('vi')}` }] : []),
      { kind: 'conclusion', title: 'Kết luận của đồng chí chủ trì hội nghị' },
    ];
    await trx.insertInto('conference_agenda_item').values(agenda.map((a, position) => ({ id: newId(), conference_id: conferenceId, position, kind: a.kind, title: a.title, document_id: null, unit_id: null, speaker: null }))).execute();
    await recordAudit(trx, ctx, { action: 'conference.created', entityType: 'conference', entityId: conferenceId, unitId: host.id, after: { ...input, unitIds: unique.length } });
    return conferenceId;
  });
  return getConference(db, ctx, id);
}

/** Replaces the agenda: documents must be visible in the register, contributing units in the host's subtree. */
export async function setAgenda(db: Kysely<DB>, ctx: Context, id: string, input: AgendaRequest): Promise<ConferenceView> {
  await db.transaction().execute(async (trx) => {
    const row = await managedConference(trx, ctx, id);
    const readScope = scopePaths(ctx, 'read');
    for (const item of input.items) {
      if (item.documentId !== null && !(await documentInScope(trx, readScope, item.documentId))) throw notFound();
    }
    await requireWithin(trx, row.host_path, input.items.flatMap((i) => (i.unitId === null ? [] : [i.unitId])));
    const before = await repo.agendaOf(trx, id);
    await trx.deleteFrom('conference_agenda_item').where('conference_id', '=', id).execute();
    if (input.items.length > 0) {
      await trx
        .insertInto('conference_agenda_item')
        .values(input.items.map((item, position) => ({ id: newId(), conference_id: id, position, kind: item.kind, title: item.title, document_id: item.documentId, unit_id: item.unitId, speaker: item.speaker })))
        .execute();
    }
    await recordAudit(trx, ctx, { action: 'conference.agenda_set', entityType: 'conference', entityId: id, unitId: row.host_unit_id, before: before.map(presentAgendaItem), after: input });
  });
  return getConference(db, ctx, id);
}

/**
 * Records the chair's conclusion and its items (each with a lead unit and a due date).
 * Items already turned into tasks stay as they are; the others are replaced by the input.
 */
export async function recordConclusion(db: Kysely<DB>, ctx: Context, id: string, input: ConclusionRequest): Promise<ConferenceView> {
  await db.transaction().execute(async (trx) => {
    const row = await managedConference(trx, ctx, id);
    await requireWithin(trx, row.host_path, input.items.map((i) => i.leadUnitId));
    const before = await repo.conclusionsOf(trx, id);
    await trx.deleteFrom('conference_conclusion').where('conference_id', '=', id).where('task_id', 'is', null).execute();
    const kept = await trx.selectFrom('conference_conclusion').select((eb) => eb.fn.max('position').as('last')).where('conference_id', '=', id).executeTakeFirst();
    const start = kept?.last === null || kept?.last === undefined ? 0 : Number(kept.last) + 1;
    if (input.items.length > 0) {
      await trx
        .insertInto('conference_conclusion')
        .values(input.items.map((item, i) => ({ id: newId(), conference_id: id, position: start + i, text: item.text, lead_unit_id: item.leadUnitId, due_on: item.dueOn, task_id: null })))
        .execute();
    }
    await trx.updateTable('conference').set({ conclusion_summary: input.summary === '' ? null : input.summary }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'conference.conclusion_recorded', entityType: 'conference', entityId: id, unitId: row.host_unit_id, before: { summary: row.conclusion_summary, items: before.map(presentConclusion) }, after: input });
  });
  return getConference(db, ctx, id);
}
