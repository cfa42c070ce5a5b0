import { emulationGroupInput, emulationGroupView, emulationListQuery, idParams, nextYearRequest } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './emulation.service.ts';

const tags = ['emulation'];
const entity = { entity: 'emulation_group' } as const;

export const emulationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Cụm, khối thi đua / Emulation clusters and blocs', querystring: emulationListQuery, response: { 200: z.array(emulationGroupView) } } },
    async (request) => service.listGroups(app.db, contextOf(request), request.query.year),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Lập cụm, khối / Create a group', body: emulationGroupInput, response: { 201: emulationGroupView } } },
    async (request, reply) => reply.status(201).send(await service.createGroup(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem cụm, khối / Get a group', params: idParams, response: { 200: emulationGroupView } } },
    async (request) => service.getGroup(app.db, contextOf(request), request.params.id),
  );
  app.put(
    '/:id',
    { config: entity, schema: { tags, summary: 'Sửa cụm, khối / Update a group', params: idParams, body: emulationGroupInput, response: { 200: emulationGroupView } } },
    async (request) => service.updateGroup(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/next-year',
    {
      config: entity,
      schema: { tags, summary: 'Bầu cụm trưởng, cụm phó năm sau / Elect next year’s head and deputies', params: idParams, body: nextYearRequest, response: { 201: emulationGroupView } },
    },
    async (request, reply) => reply.status(201).send(await service.electNextYear(app.db, contextOf(request), request.params.id, request.body)),
  );
};
