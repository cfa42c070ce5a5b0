import { describe, expect, it } from 'vitest';
import { followJob, phasePercent } from './import-job-follow.ts';

interface Job {
  readonly status: 'running' | 'done' | 'failed';
  readonly rowsRead: number;
}

describe('followJob', () => {
  it('reports every state until the job stops running', async () => {
    const later: Job[] = [
      { status: 'running', rowsRead: 500 },
      { status: 'done', rowsRead: 800 },
    ];
    const seen: number[] = [];
    let waits = 0;
    const last = await followJob<Job>(
      { status: 'running', rowsRead: 0 },
      {
        load: async () => later.shift() ?? { status: 'failed', rowsRead: -1 },
        onUpdate: (job) => seen.push(job.rowsRead),
        wait: async () => void waits++,
      },
    );
    expect(last).toEqual({ status: 'done', rowsRead: 800 });
    expect(seen).toEqual([0, 500, 800]);
    expect(waits).toBe(2);
  });

  it('does not poll a job that is already finished', async () => {
    let loads = 0;
    const last = await followJob<Job>({ status: 'failed', rowsRead: 3 }, { load: async () => (loads++, { status: 'done', rowsRead: 0 }), onUpdate: () => {}, wait: async () => {} });
    expect(last.status).toBe('failed');
    expect(loads).toBe(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const following = followJob<Job>(
      { status: 'running', rowsRead: 0 },
      { load: async () => ({ status: 'running', rowsRead: 1 }), onUpdate: () => {}, wait: async () => controller.abort(), signal: controller.signal },
    );
    await expect(following).rejects.toThrow('aborted');
  });
});

describe('phasePercent', () => {
  it('grows with the phases and ends at 100', () => {
    const shares = (['reading', 'checking', 'writing', 'finished'] as const).map(phasePercent);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(shares.at(-1)).toBe(100);
  });
});
