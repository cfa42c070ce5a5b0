import type { TaskSummary } from '@tcxd/contract';

const dayMs = 24 * 60 * 60 * 1000;
const days = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);

export interface TimelineLayout {
  readonly bars: readonly { readonly task: TaskSummary; readonly x: number; readonly width: number }[];
  readonly ticks: readonly { readonly date: string; readonly x: number }[];
  readonly todayX: number | null;
}

/**
 * Places tasks on a common time axis of `width` pixels: a task without a start date starts a
 * month before it is due; bars are at least 3 px wide; month ticks thinned to at most 12.
 */
export function timelineLayout(tasks: readonly TaskSummary[], today: string, width: number): TimelineLayout {
  if (tasks.length === 0) return { bars: [], ticks: [], todayX: null };
  const spans = tasks.map((task) => {
    const end = days(task.dueOn);
    const start = task.startsOn ? Math.min(days(task.startsOn), end) : end - 30;
    return { task, start, end };
  });
  const min = Math.min(...spans.map((s) => s.start));
  const max = Math.max(...spans.map((s) => s.end)) + 1;
  const scale = width / Math.max(1, max - min);
  const bars = spans.map((s) => ({ task: s.task, x: (s.start - min) * scale, width: Math.max(3, (s.end + 1 - s.start) * scale) }));
  const months: string[] = [];
  const first = new Date(min * dayMs);
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); d.getTime() / dayMs < max; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d.toISOString().slice(0, 10));
  const step = Math.max(1, Math.ceil(months.length / 12));
  const ticks = months.filter((_m, i) => i % step === 0).map((date) => ({ date, x: (days(date) - min) * scale }));
  const t = days(today);
  return { bars, ticks, todayX: t >= min && t <= max ? (t - min) * scale : null };
}
