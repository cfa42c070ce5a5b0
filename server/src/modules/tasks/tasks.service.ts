import type { TaskCreateRequest, TaskEditRequest, TaskStatus, TaskSummary, TaskUpdateRequest, TaskView } from '@tcxd/contract';
import { taskStatus } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { effectiveGrants, pathWithin, requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { actorUserId } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { todayVn } from '../../platform/today.ts';
import { documentInScope } from '../documents/documents.repository.ts';
import { attachmentsOfUpdates, presentAttachment } from '../documents/work-attachments.repository.ts';
import { derivedProgress, derivedStatus } from './tasks.progress.ts';
import * as repo from './tasks.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

const statusOf = (text: string): TaskStatus => taskStatus.catch('not_started').parse(text);

function present(row: repo.TaskRow, today: string): TaskSummary {
  const status = statusOf(row.status);
  return {
    id: row.id,
    parentId: row.parent_id,
    title: row.title,
    leadUnitId: row.lead_unit_id,
    leadUnitName: row.lead_unit_name,
    startsOn: row.starts_on,
    dueOn: row.due_on,
    status,
    progress: row.progress,
    overdue: row.due_on < today && status !== 'done' && status !== 'cancelled',
    sourceKind: row.source_kind === 'document' ? 'document' : row.source_kind === 'conclusion' ? 'conclusion' : 'manual',
    sourceDocumentId: row.source_document_id,
  };
}

/** Tasks in the actor's scope: its own (mine), those its units assigned (unit), or all. */
export async function listTasks(db: Db, ctx: Context, filter: repo.TaskFilter): Promise<TaskSummary[]> {
  const today = todayVn();
  const own = effectiveGrants(ctx).map((g) => g.unitId);
  const rows = await repo.listTasks(db, scopePaths(ctx, 'read'), own, filter, today);
  return rows.map((r) => present(r, today));
}

/** One task with sub-tasks, coordinating units, per-unit rollout ("60/67 completed", who is behind) and updates. */
export async function getTask(db: Db, ctx: Context, id: string): Promise<TaskView> {
  const scope = scopePaths(ctx, 'read');
  const row = await repo.taskInScope(db, scope, id);
  if (!row) throw notFound();
  const today = todayVn();
  const [children, coordinators, tally, behind, updates] = await Promise.all([
    repo.subTasks(db, id),
    repo.coordinatorsOf(db, id),
    repo.rolloutTally(db, id),
    repo.behindOf(db, scope, id, 200),
    repo.updatesOf(db, id),
  ]);
  const files = await attachmentsOfUpdates(db, updates.map((u) => u.id));
  return {
    ...present(row, today),
    description: row.description,
    leadPerson: row.lead_person,
    ownerUnitId: row.owner_unit_id,
    coordinatingUnits: coordinators.map((c) => ({ unitId: c.unit_id, name: c.name })),
    subTasks: children.map((c) => present(c, today)),
    rollout: tally.total === 0 ? null : { completed: tally.completed, total: tally.total, behind: behind.map((b) => ({ unitId: b.unit_id, name: b.name, status: statusOf(b.status), progress: b.progress })) },
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind === 'comment' ? 'comment' : 'progress',
      unitId: u.unit_id,
      unitName: u.unit_name,
      status: u.status === null ? null : statusOf(u.status),
      progress: u.progress,
      note: u.note,
      createdAt: new Date(u.created_at).toISOString(),
      attachments: files.filter((f) => f.task_update_id === u.id).map(presentAttachment),
    })),
  };
}

/**
 * Creates a task (from hand, or from a document in the register). The lead, coordinating and
 * tracked units must lie in the assigning unit's subtree; a sub-task's parent must be visible.
 */
export async function createTask(db: Kysely<DB>, ctx: Context, input: TaskCreateRequest, source: { kind: 'manual' | 'document' | 'conclusion'; conclusionId: string | null } = { kind: 'manual', conclusionId: null }): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    const id = await insertTask(trx, ctx, input, source);
    return getTask(trx, ctx, id);
  });
}

/** Inserts one task inside an open transaction (also used to turn a conclusion into tasks). */
export async function insertTask(trx: Transaction<DB>, ctx: Context, input: TaskCreateRequest, source: { kind: 'manual' | 'document' | 'conclusion'; conclusionId: string | null }): Promise<string> {
  const owner = await requireUnit(trx, ctx, input.ownerUnitId, 'records.write');
  const unitIds = [...new Set([input.leadUnitId, ...input.coordinatingUnitIds, ...input.assignedUnitIds])];
  const units = await repo.unitPaths(trx, unitIds);
  if (units.length !== unitIds.length || !units.every((u) => pathWithin(u.path, owner.path))) throw notFound();
  if (input.parentId !== null && !(await repo.taskInScope(trx, scopePaths(ctx, 'read'), input.parentId))) throw notFound();
  if (input.sourceDocumentId !== null && !(await documentInScope(trx, scopePaths(ctx, 'read'), input.sourceDocumentId))) throw notFound();
  if (input.startsOn !== null && input.startsOn > input.dueOn) throw new AppError('refused', { params: { reason: 'Ngày bắt đầu sau hạn hoàn thành' } });
  const id = newId();
  const kind = source.kind === 'manual' && input.sourceDocumentId !== null ? 'document' : source.kind;
  await trx
    .insertInto('work_task')
    .values({
      id,
      parent_id: input.parentId,
      owner_unit_id: owner.id,
      title: input.title,
      description: input.description,
      source_kind: kind,
      source_document_id: input.sourceDocumentId,
      source_conclusion_id: source.conclusionId,
      lead_unit_id: input.leadUnitId,
      lead_person: input.leadPerson,
      starts_on: input.startsOn,
      due_on: input.dueOn,
      status: 'not_started',
      progress: 0,
      completed_on: null,
      search_text: normalizeSearch(`${input.title} ${input.description ?? ''}`),
    })
    .execute();
  const coordinators = [...new Set(input.coordinatingUnitIds)].filter((u) => u !== input.leadUnitId);
  if (coordinators.length > 0) await trx.insertInto('work_task_coordinator').values(coordinators.map((unit_id) => ({ task_id: id, unit_id }))).execute();
  const assigned = [...new Set(input.assignedUnitIds)];
  if (assigned.length > 0) await trx.insertInto('work_task_assignment').values(assigned.map((unit_id) => ({ task_id: id, unit_id, status: 'not_started', progress: 0, completed_on: null }))).execute();
  await recordAudit(trx, ctx, { action: 'task.created', entityType: 'work_task', entityId: id, unitId: owner.id, after: { ...input, sourceKind: kind } });
  if (input.parentId !== null) await recomputeUpwards(trx, input.parentId);
  return id;
}

/**
 * Edits a task: writers of its assigning unit may change the title, lead, coordinating units and
 * dates, cancel it (with a reason kept in its history) or take it back from cancelled. The lead
 * and coordinating units must stay in the assigning unit's subtree.
 */
export async function editTask(db: Kysely<DB>, ctx: Context, id: string, input: TaskEditRequest): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    const task = await repo.taskInScope(trx, scopePaths(ctx, 'read'), id);
    if (!task) throw notFound();
    const [owner] = await repo.unitPaths(trx, [task.owner_unit_id]);
    if (!owner || !withinScope(owner.path, scopePaths(ctx, 'records.write'))) throw new AppError('forbidden');
    const unitIds = [...new Set([input.leadUnitId, ...input.coordinatingUnitIds])];
    const units = await repo.unitPaths(trx, unitIds);
    if (units.length !== unitIds.length || !units.every((u) => pathWithin(u.path, owner.path))) throw notFound();
    if (input.startsOn !== null && input.startsOn > input.dueOn) throw new AppError('refused', { params: { reason: 'Ngày bắt đầu sau hạn hoàn thành' } });
    const wasCancelled = task.status === 'cancelled';
    if (input.cancelled && !wasCancelled && !input.cancelReason) throw new AppError('refused', { params: { reason: 'Cần nêu lý do hủy nhiệm vụ' } });
    const reopened = wasCancelled && !input.cancelled;
    const status = input.cancelled ? 'cancelled' : reopened ? (task.progress > 0 ? 'in_progress' : 'not_started') : statusOf(task.status);
    await trx
      .updateTable('work_task')
      .set({
        title: input.title,
        description: input.description,
        lead_unit_id: input.leadUnitId,
        lead_person: input.leadPerson,
        starts_on: input.startsOn,
        due_on: input.dueOn,
        status,
        ...(status === task.status ? {} : { completed_on: null }),
        search_text: normalizeSearch(`${input.title} ${input.description ?? ''}`),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('work_task_coordinator').where('task_id', '=', id).execute();
    const coordinators = [...new Set(input.coordinatingUnitIds)].filter((u) => u !== input.leadUnitId);
    if (coordinators.length > 0) await trx.insertInto('work_task_coordinator').values(coordinators.map((unit_id) => ({ task_id: id, unit_id }))).execute();
    if (status !== task.status) {
      // The change of status shows in the task's history like a report, with the reason as its note.
      await trx
        .insertInto('work_task_update')
        .values({ id: newId(), task_id: id, unit_id: owner.id, kind: 'progress', status, progress: null, note: input.cancelled ? input.cancelReason : null, author_id: actorUserId(ctx) })
        .execute();
      // A reopened task takes its figures from its parts again; a cancelled one drops out of its parent's.
      if (reopened) await recomputeUpwards(trx, id);
      else if (task.parent_id !== null) await recomputeUpwards(trx, task.parent_id);
    }
    const before = { title: task.title, description: task.description, leadUnitId: task.lead_unit_id, leadPerson: task.lead_person, startsOn: task.starts_on, dueOn: task.due_on, status: task.status };
    await recordAudit(trx, ctx, { action: input.cancelled && !wasCancelled ? 'task.cancelled' : 'task.edited', entityType: 'work_task', entityId: id, unitId: owner.id, before, after: { ...input, status } });
    return getTask(trx, ctx, id);
  });
}

/** Re-derives progress and status of a task and its ancestors from their parts. */
async function recomputeUpwards(trx: Transaction<DB>, startId: string): Promise<void> {
  let id: string | null = startId;
  const today = todayVn();
  while (id !== null) {
    const task = await trx.selectFrom('work_task').select(['id', 'parent_id', 'status', 'progress']).where('id', '=', id).executeTakeFirstOrThrow();
    const { children, assignments } = await repo.partsOf(trx, id);
    const parts = children.length > 0 ? children : assignments;
    const status = derivedStatus(statusOf(task.status), parts);
    const progress = parts.length > 0 ? derivedProgress({ ...task, children, assignments }) : task.progress;
    await trx.updateTable('work_task').set({ status, progress, completed_on: status === 'done' ? today : null }).where('id', '=', id).execute();
    id = task.parent_id;
  }
}

/**
 * Records progress or a comment. On a task tracked per unit, a unit reports its own line; on
 * others the lead unit reports. Progress of a task with sub-tasks is derived, never typed.
 */
export async function addUpdate(db: Kysely<DB>, ctx: Context, id: string, input: TaskUpdateRequest): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    const task = await repo.taskInScope(trx, scopePaths(ctx, 'read'), id);
    if (!task) throw notFound();
    const reporting = input.unitId ?? task.lead_unit_id;
    const tracked = await trx.selectFrom('work_task_assignment').select(['unit_id']).where('task_id', '=', id).where('unit_id', '=', reporting).executeTakeFirst();
    if (input.unitId !== null && !tracked && input.unitId !== task.lead_unit_id) throw notFound();
    const unit = await requireUnit(trx, ctx, reporting, input.kind === 'comment' ? 'read' : 'records.write');
    if (!withinScope(unit.path, scopePaths(ctx, 'read'))) throw notFound();
    const today = todayVn();
    if (input.kind === 'progress') {
      const progress = input.status === 'done' ? 100 : input.progress;
      if (tracked) {
        await trx
          .updateTable('work_task_assignment')
          .set({ ...(input.status ? { status: input.status } : {}), ...(progress !== null ? { progress } : {}), completed_on: input.status === 'done' ? today : null })
          .where('task_id', '=', id)
          .where('unit_id', '=', reporting)
          .execute();
      } else {
        const { children, assignments } = await repo.partsOf(trx, id);
        if (children.length > 0 || assignments.length > 0) throw new AppError('refused', { params: { reason: 'Tiến độ của nhiệm vụ này tính từ nhiệm vụ con, đơn vị thực hiện' } });
        await trx
          .updateTable('work_task')
          .set({ ...(input.status ? { status: input.status } : progress !== null && progress > 0 ? { status: 'in_progress' } : {}), ...(progress !== null ? { progress } : {}), completed_on: input.status === 'done' ? today : null })
          .where('id', '=', id)
          .execute();
      }
      await recomputeUpwards(trx, tracked ? id : (task.parent_id ?? id));
    }
    const updateId = newId();
    await trx
      .insertInto('work_task_update')
      .values({ id: updateId, task_id: id, unit_id: reporting, kind: input.kind, status: input.status, progress: input.progress, note: input.note, author_id: actorUserId(ctx) })
      .execute();
    await recordAudit(trx, ctx, { action: input.kind === 'comment' ? 'task.commented' : 'task.progress_reported', entityType: 'work_task', entityId: id, unitId: reporting, after: input });
    return getTask(trx, ctx, id);
  });
}
