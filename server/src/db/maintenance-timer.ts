import type { FastifyInstance } from 'fastify';
import { startPeriodicJob } from '../platform/periodic-job.ts';
import { vacuumBehind } from './maintenance.ts';

/**
 * On PGlite, vacuums the table most behind every EMBEDDED_VACUUM_MINUTES (0 = off), as
 * PostgreSQL's autovacuum would; a PostgreSQL server does this itself.
 */
export function startEmbeddedVacuum(app: FastifyInstance): void {
  if (app.database.kind !== 'pglite') return;
  startPeriodicJob(app, {
    name: 'embedded vacuum',
    minutes: app.config.embeddedVacuumMinutes,
    work: async () => {
      const [done] = await vacuumBehind(app.db, 1);
      return done === undefined ? null : { ...done };
    },
  });
}
