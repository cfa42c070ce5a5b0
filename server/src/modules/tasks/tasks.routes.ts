import { idParams, taskCreateRequest, taskListQuery, taskSummary, taskUpdateRequest, taskView } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import { startTaskReminderTimer } from './tasks.reminder-timer.ts';
import * as service from './tasks.service.ts';

const tags = ['tasks'];
const entity = { entity: 'work_task' } as const;

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  startTaskReminderTimer(app);
  app.get(
    '/',
    { schema: { tags, summary: 'Nhiệm vụ, đề án / Tasks and projects', querystring: taskListQuery, response: { 200: z.array(taskSummary) } } },
    async (request) => {
      const { overdue, ...rest } = request.query;
      return service.listTasks(app.db, contextOf(request), { ...rest, ...(overdue === undefined ? {} : { overdue: overdue === 'true' }) });
    },
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Giao nhiệm vụ / Assign a task', body: taskCreateRequest, response: { 201: taskView } } },
    async (request, reply) => reply.status(201).send(await service.createTask(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem nhiệm vụ / Get a task', params: idParams, response: { 200: taskView } } },
    async (request) => service.getTask(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/updates',
    { config: entity, schema: { tags, summary: 'Báo cáo tiến độ, góp ý / Report progress or comment', params: idParams, body: taskUpdateRequest, response: { 201: taskView } } },
    async (request, reply) => reply.status(201).send(await service.addUpdate(app.db, contextOf(request), request.params.id, request.body)),
  );
};
