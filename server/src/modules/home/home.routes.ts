import { homeSummary } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './home.service.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/summary',
    { schema: { tags: ['home'], summary: 'Số liệu trang chủ / Home figures', response: { 200: homeSummary } } },
    async (request) => service.homeSummary(app.db, contextOf(request)),
  );
};
