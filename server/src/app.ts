import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { startEmbeddedVacuum } from './db/maintenance-timer.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { conferencesRoutes } from './modules/conferences/conferences.routes.ts';
import { confidenceRoutes } from './modules/confidence/confidence.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { electionsRoutes } from './modules/elections/elections.routes.ts';
import { emulationRoutes } from './modules/emulation/emulation.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { registerModuleHooks } from './modules/hooks.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { installErrorHandler } from './platform/error-handler.ts';
import type { RouteEntry } from './platform/fastify-types.ts';
import { requestContextPlugin } from './platform/request-context.ts';
import { serveWebApp } from './platform/static-web.ts';

/** Every domain module and the URL prefix it answers under. */
export const modules = [
  { prefix: '/api/health', routes: healthRoutes },
  { prefix: '/api/auth', routes: authRoutes },
  { prefix: '/api/home', routes: homeRoutes },
  { prefix: '/api/users', routes: usersRoutes },
  { prefix: '/api/units', routes: unitsRoutes },
  { prefix: '/api/audit', routes: auditRoutes },
  { prefix: '/api/emulation-groups', routes: emulationRoutes },
  { prefix: '/api/members', routes: membersRoutes },
  { prefix: '/api/elections', routes: electionsRoutes },
  { prefix: '/api/confidence-votes', routes: confidenceRoutes },
  { prefix: '/api/reports', routes: reportsRoutes },
  { prefix: '/api/notifications', routes: notificationsRoutes },
  { prefix: '/api/documents', routes: documentsRoutes },
  { prefix: '/api/tasks', routes: tasksRoutes },
  { prefix: '/api/conferences', routes: conferencesRoutes },
] as const;

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** The Fastify instance with the platform plugins and every module, on an open database. */
export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  registerModuleHooks();
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'TCXD API', description: 'Hệ thống thông tin ngành Tổ chức xây dựng Đảng', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tcxd_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    // The docs UI registers its own routes; they are public like the JSON they describe.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) catalog.push({ method, url: route.url, access: route.config ?? {}, hasBody: Boolean(route.schema?.body) });
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(requestContextPlugin);

  for (const module of modules) await app.register(module.routes, { prefix: module.prefix });
  await serveWebApp(app, config.webDist);
  startEmbeddedVacuum(app);
  return app;
}
