/** What the import page needs to know of a job to follow it. */
export interface FollowedJob {
  readonly status: 'running' | 'done' | 'failed';
}

interface FollowOptions<J> {
  /** Loads the job's current state. */
  readonly load: () => Promise<J>;
  /** Called with every state seen, the first one included. */
  readonly onUpdate: (job: J) => void;
  /** Waits before the next look (about 700 ms in the app). */
  readonly wait: () => Promise<void>;
  readonly signal?: AbortSignal;
}

/** Follows a background job from its first state until it is no longer running; resolves with the last state. */
export async function followJob<J extends FollowedJob>(first: J, { load, onUpdate, wait, signal }: FollowOptions<J>): Promise<J> {
  let job = first;
  onUpdate(job);
  while (job.status === 'running') {
    await wait();
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    job = await load();
    onUpdate(job);
  }
  return job;
}

/** A pause of the given length. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const phaseShares = { reading: 20, checking: 55, writing: 85, finished: 100 } as const;

/** How far along a job is, by its phase (the number of rows is not known in advance). */
export function phasePercent(phase: keyof typeof phaseShares): number {
  return phaseShares[phase];
}
