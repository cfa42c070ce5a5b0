import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedProgress, derivedStatus } from './tasks.progress.ts';

const part = (status: string, progress: number) => ({ status, progress });
const leaf = (status: string, progress: number) => ({ ...part(status, progress), children: [], assignments: [] });

describe('derived progress', () => {
  it('is the own figure of a leaf, 100 when done', () => {
    expect(derivedProgress(leaf('in_progress', 40))).toBe(40);
    expect(derivedProgress(leaf('done', 10))).toBe(100);
  });

  it('averages sub-tasks before per-unit tracking and leaves cancelled parts out', () => {
    const task = { ...part('in_progress', 5), children: [part('done', 0), part('in_progress', 50), part('cancelled', 0)], assignments: [part('not_started', 0)] };
    expect(derivedProgress(task)).toBe(75);
  });

  it('averages per-unit tracking when there are no sub-tasks', () => {
    expect(derivedProgress({ ...part('in_progress', 0), children: [], assignments: [part('done', 0), part('in_progress', 20), part('not_started', 0)] })).toBe(40);
  });

  it('stays between the smallest and largest part', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom('not_started', 'in_progress', 'done'), progress: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 30 }), (children) => {
        const values = children.map((c) => (c.status === 'done' ? 100 : c.progress));
        const p = derivedProgress({ ...part('in_progress', 0), children, assignments: [] });
        expect(p).toBeGreaterThanOrEqual(Math.floor(Math.min(...values)));
        expect(p).toBeLessThanOrEqual(Math.ceil(Math.max(...values)));
      }),
    );
  });

  it('derives the status from the parts', () => {
    expect(derivedStatus('not_started', [part('done', 100), part('cancelled', 0)])).toBe('done');
    expect(derivedStatus('not_started', [part('done', 100), part('not_started', 0)])).toBe('in_progress');
    expect(derivedStatus('in_progress', [part('not_started', 0)])).toBe('not_started');
    expect(derivedStatus('in_progress', [])).toBe('in_progress');
    expect(derivedStatus('cancelled', [part('done', 100)])).toBe('cancelled');
  });
});
