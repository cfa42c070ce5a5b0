import type { FastifyInstance } from 'fastify';

/** Work repeated on a timer while the server runs; it answers what to log, or null when it did nothing. */
export interface PeriodicJob {
  /** What the log lines call it, e.g. "report reminders". */
  readonly name: string;
  /** The interval; 0 turns the job off. */
  readonly minutes: number;
  readonly work: () => Promise<object | null>;
}

/**
 * Runs a job every `minutes` while the server runs, never two runs at once, stopped when the
 * server closes. The work must be safe when several app processes run it (e.g. each
 * reminder is sent once).
 */
export function startPeriodicJob(app: FastifyInstance, job: PeriodicJob): void {
  if (job.minutes === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job
      .work()
      .then((done) => {
        if (done !== null) app.log.info({ [job.name]: done }, `${job.name} done`);
      })
      .catch((error: unknown) => app.log.error({ err: error }, `${job.name} failed`))
      .finally(() => {
        running = false;
      });
  }, job.minutes * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
