import type { TaskStatus } from '@tcxd/contract';

export interface ProgressPart {
  readonly status: string;
  readonly progress: number;
}

/** A part's contribution: done counts as 100; cancelled parts are left out. */
function contribution(part: ProgressPart): number | null {
  if (part.status === 'cancelled') return null;
  if (part.status === 'done') return 100;
  return Math.max(0, Math.min(100, part.progress));
}

function mean(parts: readonly ProgressPart[]): number | null {
  const values = parts.map(contribution).filter((v) => v !== null);
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * A task's progress: the mean of its sub-tasks when it has any, else the mean of its per-unit
 * tracking when it is given to several units, else its own figure. Cancelled parts do not
 * count, so cancelling a late sub-task does not drag its parent down.
 */
export function derivedProgress(task: ProgressPart & { readonly children: readonly ProgressPart[]; readonly assignments: readonly ProgressPart[] }): number {
  return mean(task.children) ?? mean(task.assignments) ?? contribution(task) ?? 0;
}

/**
 * The status a task tracked by parts takes from them: done when every counted part is done,
 * in progress once any has started, otherwise not started. A task without parts keeps its own.
 */
export function derivedStatus(own: TaskStatus, parts: readonly ProgressPart[]): TaskStatus {
  if (own === 'cancelled') return own;
  const counted = parts.filter((p) => p.status !== 'cancelled');
  if (counted.length === 0) return own;
  if (counted.every((p) => p.status === 'done')) return 'done';
  if (counted.some((p) => p.status !== 'not_started' || p.progress > 0)) return 'in_progress';
  return 'not_started';
}
