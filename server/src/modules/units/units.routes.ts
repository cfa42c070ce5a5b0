import { idParams, unitChildrenQuery, unitSummary } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './units.service.ts';

const tags = ['units'];

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Đơn vị trực thuộc / Child units', querystring: unitChildrenQuery, response: { 200: z.array(unitSummary) } } },
    async (request) => service.listUnits(app.db, contextOf(request), request.query.parentId),
  );

  app.get(
    '/:id',
    { config: { entity: 'unit' }, schema: { tags, summary: 'Xem đơn vị / Get unit', params: idParams, response: { 200: unitSummary } } },
    async (request) => service.getUnit(app.db, contextOf(request), request.params.id),
  );
};
