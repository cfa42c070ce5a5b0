import type { MemberCreateRequest, MemberEventInput, MemberEventKind, MemberFields, MemberListPage, MemberListQuery, MemberView, memberEventRequest, memberUpdateRequest } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { todayVn } from '../../platform/today.ts';
import { checkTransition, type MemberEvent, refusalFor, replayHistory, validateMemberFields } from '../../rules/members/index.ts';
import type { RuleMessage } from '../../rules/rule-outcome.ts';
import { columnsOfInput, columnsOfOpening, periodsOf, projectionOf, ruleEventOf, toRuleEvent } from './members.history.ts';
import { presentEvent, presentListItem, presentMember } from './members.presenter.ts';
import * as repo from './members.repository.ts';


function refused(ctx: Context, message: RuleMessage): AppError {
  return new AppError('refused', { params: { reason: ctx.locale === 'en' ? message.en : message.vi } });
}

/**
 * A cell (chi bộ) in existence on the date: one the actor may write to, or (as the target of
 * a transfer, which may lie anywhere in the country) any cell.
 */
async function requireCell(db: Kysely<DB>, ctx: Context, cellId: string, date: string, path: string, access: 'write' | 'target' = 'write') {
  if (access === 'write') await requireUnit(db, ctx, cellId, 'records.write');
  const [cell] = await repo.cellsById(db, [cellId]);
  if (!cell) throw invalid([{ path, message: ctx.locale === 'en' ? 'No such party cell' : 'Không có chi bộ này' }]);
  if (!repo.cellKinds.has(cell.kind)) throw invalid([{ path, message: ctx.locale === 'en' ? `${cell.name} is not a party cell` : `${cell.name} không phải là chi bộ` }]);
  if (cell.valid_from > date || (cell.valid_to !== null && cell.valid_to <= date)) {
    throw invalid([{ path, message: ctx.locale === 'en' ? `${cell.name} did not exist on that date` : `${cell.name} không tồn tại vào ngày đó` }]);
  }
  return cell;
}

/** The rules' field checks (formats, date order, ages) as field issues; warnings pass. */
function checkFields(ctx: Context, fields: MemberFields, dates: { admittedOn?: string; fullMemberSince?: string | null }) {
  const issues = validateMemberFields({ ...fields, ...dates }, todayVn()).filter((i) => i.severity === 'error');
  if (issues.length > 0) {
    const where = (field: string) => (field === 'admittedOn' || field === 'fullMemberSince' ? `opening.${field}` : `fields.${field}`);
    throw invalid(issues.map((i) => ({ path: where(i.field), message: ctx.locale === 'en' ? i.en : i.vi })));
  }
}

async function refuseIdentityClash(trx: Transaction<DB>, ctx: Context, memberId: string | null, fields: MemberFields) {
  const clashes = await repo.identityClashes(trx, memberId, fields.cardNumber, fields.citizenId);
  const issues = clashes.flatMap((c) => [
    ...(fields.cardNumber && c.card_number === fields.cardNumber ? [{ path: 'fields.cardNumber', message: ctx.locale === 'en' ? `Card number ${fields.cardNumber} belongs to another member` : `Số thẻ ${fields.cardNumber} đã cấp cho đảng viên khác` }] : []),
    ...(fields.citizenId && c.citizen_id === fields.citizenId ? [{ path: 'fields.citizenId', message: ctx.locale === 'en' ? 'This citizen id belongs to another member' : 'Số định danh cá nhân này đã thuộc về đảng viên khác' }] : []),
  ]);
  if (issues.length > 0) throw invalid(issues);
}

/** Rewrites the derived state and periods of a member from the whole history. */
export async function rewriteDerived(trx: Transaction<DB>, memberId: string, events: readonly MemberEvent[]): Promise<void> {
  const cells = events.flatMap((e) => ('cellId' in e ? [e.cellId] : e.kind === 'transfer_out' && e.to.kind === 'cell' ? [e.to.cellId] : e.kind === 'temporary_transfer_out' && e.host.kind === 'cell' ? [e.host.cellId] : []));
  const successions = await repo.successionsFor(trx, cells);
  await repo.saveDerived(trx, memberId, projectionOf(events, todayVn(), successions), periodsOf(events, successions));
}

/** Enters a member: a new admission, or an existing member from the paper register. */
export async function createMember(db: Kysely<DB>, ctx: Context, request: MemberCreateRequest): Promise<MemberView> {
  const { fields, opening } = request;
  await requireCell(db, ctx, opening.cellId, opening.date, 'opening.cellId');
  const admittedOn = opening.kind === 'admitted' ? opening.date : opening.admittedOn;
  checkFields(ctx, fields, { admittedOn, fullMemberSince: opening.kind === 'record_opened' ? opening.fullMemberSince : null });
  const columns = columnsOfOpening(opening);
  const event = ruleEventOf(columns, 1);
  const check = checkTransition([], event, { today: todayVn(), birthDate: fields.birthDate });
  if (!check.ok) throw refused(ctx, check.errors[0] ?? { code: 'refused', severity: 'error', vi: '', en: '', params: {} });
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await refuseIdentityClash(trx, ctx, null, fields);
    const projection = projectionOf([event], todayVn(), new Map());
    await trx.insertInto('party_member').values({ id, ...repo.fieldColumns(fields), ...projection }).execute();
    await repo.insertEvent(trx, { id: newId(), memberId: id, seq: 1, columns, fromCellId: null, documentNumber: opening.documentNumber ?? null, note: opening.note, enteredBy: actorUserId(ctx) });
    await repo.replacePeriods(trx, id, periodsOf([event], new Map()));
    await recordAudit(trx, ctx, { action: `member.${opening.kind}`, entityType: 'party_member', entityId: id, unitId: opening.cellId, after: { fields, opening } });
  });
  return getMember(db, ctx, id, { logRead: false });
}

/** Locks the member for a change after checking visibility and the caller's version. */
async function lockForChange(trx: Transaction<DB>, ctx: Context, id: string, rowVersion: number) {
  const visible = await repo.memberInScope(trx, scopePaths(ctx, 'read'), id);
  if (!visible) throw notFound();
  const row = await repo.lockMember(trx, id);
  if (!row) throw notFound();
  if (row.row_version !== rowVersion) throw new AppError('conflict');
  return row;
}

/** Edits the record's fields (optimistic concurrency: a stale rowVersion is refused). */
export async function updateMember(db: Kysely<DB>, ctx: Context, id: string, request: z.infer<typeof memberUpdateRequest>): Promise<MemberView> {
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx, id, request.rowVersion);
    await requireUnit(trx, ctx, row.home_cell_id, 'records.write');
    checkFields(ctx, request.fields, { admittedOn: row.admission_date, fullMemberSince: row.full_member_date });
    await refuseIdentityClash(trx, ctx, id, request.fields);
    await trx.updateTable('party_member').set({ ...repo.fieldColumns(request.fields), row_version: row.row_version + 1 }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'member.update', entityType: 'party_member', entityId: id, unitId: row.home_cell_id, before: row, after: request.fields });
  });
  return getMember(db, ctx, id, { logRead: false });
}

/** The cell whose clerk records an event: the arrival cell for an arrival, else the member's own. */
function writerCell(event: MemberEventInput, row: repo.MemberRecordRow): string {
  return event.kind === 'transfer_in' ? event.cellId : row.home_cell_id;
}

/** Records a lifecycle event if the rules allow it; the state and periods follow. */
export async function recordEvent(db: Kysely<DB>, ctx: Context, id: string, request: z.infer<typeof memberEventRequest>): Promise<MemberView> {
  const { event } = request;
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx, id, request.rowVersion);
    await requireUnit(trx, ctx, writerCell(event, row), 'records.write');
    const columns = columnsOfInput(event);
    if (columns.cellId) await requireCell(trx, ctx, columns.cellId, event.date, 'event.cellId', event.kind === 'transfer_in' ? 'write' : 'target');
    const stored = await repo.eventsOf(trx, id);
    const history = stored.map(toRuleEvent);
    const seq = Math.max(0, ...stored.map((e) => e.seq)) + 1;
    const ruleEvent = ruleEventOf(columns, seq);
    const check = checkTransition(history, ruleEvent, { today: todayVn(), birthDate: row.birth_date, allowBackdating: request.confirmBackdated });
    if (!check.ok) throw refused(ctx, check.errors[0] ?? { code: 'refused', severity: 'error', vi: '', en: '', params: {} });
    await repo.insertEvent(trx, { id: newId(), memberId: id, seq, columns, fromCellId: row.cell_id ?? row.home_cell_id, documentNumber: event.documentNumber ?? null, note: event.note, enteredBy: actorUserId(ctx) });
    await rewriteDerived(trx, id, [...history, ruleEvent]);
    await recordAudit(trx, ctx, { action: `member.${event.kind}`, entityType: 'party_member', entityId: id, unitId: row.home_cell_id, before: { status: row.status, cellId: row.cell_id }, after: { event } });
  });
  return getMember(db, ctx, id, { logRead: false });
}

/** A sample of each kind, to ask the rules what may follow now. */
function sampleEvent(kind: MemberEventInput['kind'], date: string, sequence: number, row: repo.MemberRecordRow): MemberEvent {
  const base = { date, sequence };
  switch (kind) {
    case 'recognition_postponed':
      return { ...base, kind, newDueDate: date };
    case 'transfer_out':
      return { ...base, kind, to: { kind: 'outside', destination: '-' } };
    case 'temporary_transfer_out':
      return { ...base, kind, host: { kind: 'outside', destination: '-' } };
    case 'transfer_in':
      return { ...base, kind, cellId: row.transit_to_cell_id ?? row.home_cell_id };
    case 'discipline':
      return { ...base, kind, form: 'reprimand' };
    default:
      return { ...base, kind };
  }
}

const recordableKinds: readonly MemberEventInput['kind'][] = ['recognised', 'recognition_postponed', 'not_recognised', 'transfer_out', 'transfer_in', 'temporary_transfer_out', 'temporary_return', 'exempted', 'exemption_ended', 'discipline', 'removed', 'expelled', 'died'];

/** The full record with its history; every read of a full record is logged. */
export async function getMember(db: Kysely<DB>, ctx: Context, id: string, options = { logRead: true }): Promise<MemberView> {
  const row = await repo.memberInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  const stored = await repo.eventsOf(db, id);
  const cells = await repo.cellsById(db, [row.home_cell_id, ...(row.transit_to_cell_id ? [row.transit_to_cell_id] : [])]);
  const pathOf = (cellId: string | null) => cells.find((c) => c.id === cellId)?.path ?? null;
  const homePath = pathOf(row.home_cell_id) ?? '';
  const transitPath = pathOf(row.transit_to_cell_id);
  const names = await repo.unitNames(db, [row.cell_id, row.home_cell_id, row.transit_to_cell_id, row.temporary_cell_id, ...stored.map((e) => e.cell_id)]);
  const today = todayVn();
  const state = replayHistory(stored.map(toRuleEvent));
  const writable = (cellPath: string | null) => cellPath !== null && withinScope(cellPath, scopePaths(ctx, 'records.write'));
  const next = Math.max(0, ...stored.map((e) => e.seq)) + 1;
  const allowedEvents: MemberEventKind[] = recordableKinds.filter(
    (kind) => (kind === 'transfer_in' ? writable(transitPath) || writable(homePath) : writable(homePath)) && refusalFor(state, sampleEvent(kind, today, next, row), { today }) === null,
  );
  if (options.logRead) {
    await db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'member.read', entityType: 'party_member', entityId: id, unitId: row.home_cell_id }));
  }
  const seeSensitive = withinScope(homePath, scopePaths(ctx, 'members.sensitive'));
  return presentMember(row, {
    events: stored.map((e) => presentEvent(e, names, ctx.locale, seeSensitive)),
    names,
    seeSensitive,
    allowedEvents,
  });
}

/** A page of members in the scope (optionally below one unit), in Vietnamese name order. */
export async function listMembers(db: Kysely<DB>, ctx: Context, query: MemberListQuery): Promise<MemberListPage> {
  const unitPath = query.unitId ? (await requireUnit(db, ctx, query.unitId, 'read')).path : null;
  const sensitive = scopePaths(ctx, 'members.sensitive').length > 0;
  const { items, total, totalCapped } = await repo.listMembers(db, scopePaths(ctx, 'read'), query, unitPath, sensitive, todayVn());
  return { items: items.map(presentListItem), total, totalCapped, page: query.page, pageSize: query.pageSize };
}
