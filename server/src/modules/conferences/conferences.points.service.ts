import type { CheckInEvent, CheckInRequest, ConfirmationRequest, ConferenceView, PointsChangeRequest } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publishLive } from '../../platform/live-updates.ts';
import { notifyUsers } from '../../platform/notifications.ts';
import { todayVn } from '../../platform/today.ts';
import { vnTimeText } from '../reports/reports.presenter.ts';
import { writersOf } from '../reports/reports.repository.ts';
import { getConference, managedConference, managesConference, requireWithin, visibleConference } from './conferences.service.ts';
import * as repo from './conferences.repository.ts';

/** The live topic of a conference's check-in board. */
export function boardTopic(conferenceId: string): string {
  return `conference:${conferenceId}`;
}

/**
 * Loads a point the actor may act for: the host's staff act for every point, a unit's own
 * writers for theirs. A point outside what the actor can see answers 404; a visible one it may
 * not act for, 403.
 */
async function actablePoint(trx: Transaction<DB>, ctx: Context, conferenceId: string, unitId: string) {
  const conference = await visibleConference(trx, ctx, conferenceId);
  const point = await repo.pointOf(trx, conferenceId, unitId);
  const hostReader = withinScope(conference.host_path, scopePaths(ctx, 'read'));
  if (!point || (!hostReader && !withinScope(point.path, scopePaths(ctx, 'read')))) throw notFound();
  const manages = managesConference(ctx, conference);
  if (!manages && !withinScope(point.path, scopePaths(ctx, 'records.write'))) throw new AppError('forbidden');
  return { conference, point, manages };
}

/** Sends the invitation to every point not yet invited: an in-app notice to the writers of each unit. */
export async function sendInvitations(db: Kysely<DB>, ctx: Context, id: string): Promise<ConferenceView> {
  await db.transaction().execute(async (trx) => {
    const conference = await managedConference(trx, ctx, id);
    const invited = await trx.updateTable('conference_point').set({ invited_at: new Date() }).where('conference_id', '=', id).where('invited_at', 'is', null).returning('unit_id').execute();
    const writers = await writersOf(trx, invited.map((p) => p.unit_id));
    const deadline = conference.confirm_by ? ` Đề nghị xác nhận điểm cầu trước ngày ${conference.confirm_by.split('-').reverse().join('/')}.` : '';
    await notifyUsers(
      trx,
      [...new Set(writers.map((w) => w.user_id))].map((userId) => ({
        userId,
        kind: 'conference.invitation',
        title: `Giấy mời: ${conference.title}`,
        body: `${conference.host_name} mời dự ${conference.title} lúc ${vnTimeText(conference.starts_at)} tại ${conference.host_point}.${deadline}`,
        link: `/conferences/${id}`,
      })),
    );
    await recordAudit(trx, ctx, { action: 'conference.invitations_sent', entityType: 'conference', entityId: id, unitId: conference.host_unit_id, after: { invited: invited.length, notified: writers.length } });
  });
  return getConference(db, ctx, id);
}

/** A unit confirms its point (chair, attendees, contact) before the deadline; the host may record it at any time. */
export async function confirmPoint(db: Kysely<DB>, ctx: Context, id: string, input: ConfirmationRequest): Promise<ConferenceView> {
  await db.transaction().execute(async (trx) => {
    const { conference, point, manages } = await actablePoint(trx, ctx, id, input.unitId);
    if (!manages && conference.confirm_by !== null && todayVn() > conference.confirm_by) throw new AppError('refused', { params: { reason: 'Đã quá hạn xác nhận điểm cầu' } });
    await trx
      .updateTable('conference_point')
      .set({ chair: input.chair, attendees: input.attendees, contact: input.contact, confirmed_at: new Date() })
      .where('conference_id', '=', id)
      .where('unit_id', '=', input.unitId)
      .execute();
    await recordAudit(trx, ctx, { action: 'conference.point_confirmed', entityType: 'conference', entityId: id, unitId: input.unitId, before: { confirmedAt: point.confirmed_at }, after: input });
    const counts = await repo.pointCounts(trx, id);
    await publishLive(trx, boardTopic(id), { unitId: input.unitId, connectedAt: point.connected_at === null ? null : new Date(point.connected_at).toISOString(), ...counts });
  });
  return getConference(db, ctx, id);
}

/**
 * Marks a point connected (or not) on the live board. The event is published in the same
 * transaction, so every app process's open boards see it exactly when it is committed.
 */
export async function checkIn(db: Kysely<DB>, ctx: Context, id: string, input: CheckInRequest): Promise<CheckInEvent> {
  return db.transaction().execute(async (trx) => {
    const { point } = await actablePoint(trx, ctx, id, input.unitId);
    const connectedAt = input.connected ? (point.connected_at === null ? new Date() : new Date(point.connected_at)) : null;
    await trx.updateTable('conference_point').set({ connected_at: connectedAt }).where('conference_id', '=', id).where('unit_id', '=', input.unitId).execute();
    await recordAudit(trx, ctx, { action: input.connected ? 'conference.point_connected' : 'conference.point_disconnected', entityType: 'conference', entityId: id, unitId: input.unitId, before: { connectedAt: point.connected_at }, after: { connectedAt } });
    const counts = await repo.pointCounts(trx, id);
    const event: CheckInEvent = { unitId: input.unitId, connectedAt: connectedAt?.toISOString() ?? null, ...counts };
    await publishLive(trx, boardTopic(id), event);
    return event;
  });
}

/**
 * Adds connection points (units of the host's subtree) or removes them, until the conclusion is
 * recorded. A point that has already connected stays: it took part. New points await the next
 * sending of invitations; open boards get the new counts.
 */
export async function changePoints(db: Kysely<DB>, ctx: Context, id: string, input: PointsChangeRequest): Promise<ConferenceView> {
  await db.transaction().execute(async (trx) => {
    const conference = await managedConference(trx, ctx, id);
    const concluded = await trx.selectFrom('conference_conclusion').select('id').where('conference_id', '=', id).limit(1).executeTakeFirst();
    if (conference.conclusion_summary !== null || concluded) throw new AppError('refused', { params: { reason: 'Hội nghị đã có kết luận, không thay đổi điểm cầu' } });
    const remove = [...new Set(input.remove)];
    const add = [...new Set(input.add)].filter((u) => !remove.includes(u));
    await requireWithin(trx, conference.host_path, [...add, ...remove]);
    if (remove.length > 0) {
      const current = await trx.selectFrom('conference_point').select(['unit_id', 'connected_at']).where('conference_id', '=', id).where('unit_id', 'in', remove).execute();
      if (current.length !== remove.length) throw notFound();
      if (current.some((p) => p.connected_at !== null)) throw new AppError('refused', { params: { reason: 'Điểm cầu đã kết nối, không bớt được' } });
      await trx.deleteFrom('conference_point').where('conference_id', '=', id).where('unit_id', 'in', remove).execute();
    }
    for (let i = 0; i < add.length; i += 1000) {
      await trx
        .insertInto('conference_point')
        .values(add.slice(i, i + 1000).map((unit_id) => ({ conference_id: id, unit_id, chair: null, attendees: null, contact: null, invited_at: null, confirmed_at: null, connected_at: null })))
        .onConflict((oc) => oc.columns(['conference_id', 'unit_id']).doNothing())
        .execute();
    }
    await recordAudit(trx, ctx, { action: 'conference.points_changed', entityType: 'conference', entityId: id, unitId: conference.host_unit_id, after: { added: add, removed: remove } });
    const counts = await repo.pointCounts(trx, id);
    await publishLive(trx, boardTopic(id), { unitId: null, connectedAt: null, ...counts });
  });
  return getConference(db, ctx, id);
}
