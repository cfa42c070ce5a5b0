import type { TaskSummary } from '@tcxd/contract';
import { describe, expect, it } from 'vitest';
import { timelineLayout } from './timeline-layout.ts';

const task = (id: string, startsOn: string | null, dueOn: string, progress = 0): TaskSummary => ({
  id, parentId: null, title: id, leadUnitId: id, leadUnitName: id, startsOn, dueOn, status: 'in_progress', progress, overdue: false, sourceKind: 'manual', sourceDocumentId: null,
});

describe('timeline layout', () => {
  it('places bars on one axis from the earliest start to the latest due date', () => {
    const layout = timelineLayout([task('a', '2023-01-01', '2023-12-31'), task('b', '2023-07-01', '2023-12-31')], '2023-07-01', 730);
    const [a, b] = layout.bars;
    expect(a?.x).toBe(0);
    expect(a?.width).toBeCloseTo(730, 5);
    expect(b?.x).toBeCloseTo((181 / 365) * 730, 5);
    expect(layout.todayX).toBeCloseTo(b?.x ?? -1, 5);
    expect(layout.ticks.length).toBeLessThanOrEqual(12);
    expect(layout.ticks[0]?.date).toBe('2023-02-01');
  });

  it('starts an undated task a month before its due date, and leaves today out when it is off the axis', () => {
    const layout = timelineLayout([task('a', null, '2024-03-31')], '2030-01-01', 310);
    expect(layout.bars[0]?.width).toBeCloseTo(310, 5);
    expect(layout.todayX).toBeNull();
    expect(timelineLayout([], '2024-01-01', 100).bars).toEqual([]);
  });
});
