import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationsCurrent } from '../../db/migrate.ts';

const healthView = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
  migrations: z.object({ current: z.boolean(), pending: z.number().int() }),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { public: true }, schema: { tags: ['health'], summary: 'Tình trạng / Health', response: { 200: healthView, 503: healthView } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        const migrations = await migrationsCurrent(app.db);
        const status = migrations.current ? 'ok' : 'degraded';
        return reply.status(migrations.current ? 200 : 503).send({ status, database: { kind: app.database.kind, reachable: true }, migrations });
      } catch {
        return reply.status(503).send({ status: 'degraded', database: { kind: app.database.kind, reachable: false }, migrations: { current: false, pending: -1 } });
      }
    },
  );
};
