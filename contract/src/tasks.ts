import { z } from 'zod';
import { isoDate } from './common.ts';
import { attachmentView } from './reports.ts';

export const taskStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof taskStatus>;

export const taskCreateRequest = z.object({
  ownerUnitId: z.uuid(),
  parentId: z.uuid().nullable().default(null),
  title: z.string().trim().min(1).max(500),
  description: z.string().trim().max(5000).nullable().default(null),
  sourceDocumentId: z.uuid().nullable().default(null),
  leadUnitId: z.uuid(),
  leadPerson: z.string().trim().max(200).nullable().default(null),
  coordinatingUnitIds: z.array(z.uuid()).max(200).default([]),
  /** Units each tracked separately (a task given to all provinces). */
  assignedUnitIds: z.array(z.uuid()).max(5000).default([]),
  startsOn: isoDate.nullable().default(null),
  dueOn: isoDate,
});
export type TaskCreateRequest = z.infer<typeof taskCreateRequest>;

/**
 * Edit of a task by its assigning unit: every field is replaced. Status may only be set by hand
 * to cancelled (with a reason) or back from cancelled; other statuses follow reported progress.
 */
export const taskEditRequest = z.object({
  title: z.string().trim().min(1).max(500),
  description: z.string().trim().max(5000).nullable().default(null),
  leadUnitId: z.uuid(),
  leadPerson: z.string().trim().max(200).nullable().default(null),
  coordinatingUnitIds: z.array(z.uuid()).max(200).default([]),
  startsOn: isoDate.nullable().default(null),
  dueOn: isoDate,
  cancelled: z.boolean().default(false),
  /** Required when cancelling: kept in the task's history. */
  cancelReason: z.string().trim().max(2000).nullable().default(null),
});
export type TaskEditRequest = z.infer<typeof taskEditRequest>;

export const taskUpdateRequest = z.object({
  kind: z.enum(['progress', 'comment']).default('progress'),
  /** For a task tracked per unit: the unit reporting; otherwise the lead unit. */
  unitId: z.uuid().nullable().default(null),
  status: taskStatus.nullable().default(null),
  progress: z.number().int().min(0).max(100).nullable().default(null),
  note: z.string().trim().max(5000).nullable().default(null),
});
export type TaskUpdateRequest = z.infer<typeof taskUpdateRequest>;

export const taskListQuery = z.object({
  view: z.enum(['mine', 'unit', 'all']).default('all'),
  status: taskStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: isoDate.optional(),
  documentId: z.uuid().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const taskSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  title: z.string(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  startsOn: isoDate.nullable(),
  dueOn: isoDate,
  status: taskStatus,
  /** Derived from sub-tasks or per-unit tracking when the task has them. */
  progress: z.number().int(),
  overdue: z.boolean(),
  sourceKind: z.enum(['manual', 'document', 'conclusion']),
  sourceDocumentId: z.uuid().nullable(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

export const taskView = taskSummary.extend({
  description: z.string().nullable(),
  leadPerson: z.string().nullable(),
  ownerUnitId: z.uuid(),
  coordinatingUnits: z.array(z.object({ unitId: z.uuid(), name: z.string() })),
  subTasks: z.array(taskSummary),
  rollout: z
    .object({
      completed: z.number().int(),
      total: z.number().int(),
      behind: z.array(z.object({ unitId: z.uuid(), name: z.string(), status: taskStatus, progress: z.number().int() })),
    })
    .nullable(),
  updates: z.array(
    z.object({ id: z.uuid(), kind: z.enum(['progress', 'comment']), unitId: z.uuid().nullable(), unitName: z.string().nullable(), status: taskStatus.nullable(), progress: z.number().int().nullable(), note: z.string().nullable(), createdAt: z.string(), attachments: z.array(attachmentView) }),
  ),
});
export type TaskView = z.infer<typeof taskView>;
