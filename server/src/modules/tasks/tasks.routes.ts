import { attachmentView, idParams, okResponse, taskCreateRequest, taskEditRequest, taskListQuery, taskSummary, taskUpdateRequest, taskView, workAttachmentLimits } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendFile, uploadOf } from '../../platform/attachments.ts';
import { contextOf } from '../../platform/request-context.ts';
import { uploadBodyLimit } from '../documents/documents.routes.ts';
import { attachToTaskUpdate, readWorkAttachment, removeWorkAttachment } from '../documents/work-attachments.service.ts';
import { startTaskReminderTimer } from './tasks.reminder-timer.ts';
import * as service from './tasks.service.ts';

const tags = ['tasks'];
const entity = { entity: 'work_task' } as const;
const updateEntity = { entity: 'work_task_update' } as const;
const attachmentEntity = { entity: 'work_attachment' } as const;

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  startTaskReminderTimer(app);
  app.addContentTypeParser([...workAttachmentLimits.contentTypes], { parseAs: 'buffer', bodyLimit: uploadBodyLimit }, (_request, body, done) => done(null, body));
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
  app.put(
    '/:id',
    { config: entity, schema: { tags, summary: 'Sửa, hủy nhiệm vụ / Edit or cancel a task', params: idParams, body: taskEditRequest, response: { 200: taskView } } },
    async (request) => service.editTask(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/updates',
    { config: entity, schema: { tags, summary: 'Báo cáo tiến độ, góp ý / Report progress or comment', params: idParams, body: taskUpdateRequest, response: { 201: taskView } } },
    async (request, reply) => reply.status(201).send(await service.addUpdate(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/updates/:id/attachments',
    { config: updateEntity, bodyLimit: uploadBodyLimit, schema: { tags, summary: 'Đính kèm tệp PDF, Word vào báo cáo tiến độ / Attach a file to an update', params: idParams, querystring: z.object({ fileName: z.string().max(255).default('') }), response: { 201: attachmentView } } },
    async (request, reply) => reply.status(201).send(await attachToTaskUpdate(app.db, contextOf(request), request.params.id, uploadOf(request))),
  );
  app.get('/attachments/:id', { config: attachmentEntity, schema: { tags, summary: 'Tải tệp đính kèm nhiệm vụ / Download a task attachment', params: idParams } }, async (request, reply) =>
    sendFile(reply, await readWorkAttachment(app.db, contextOf(request), request.params.id, 'task')),
  );
  app.delete('/attachments/:id', { config: attachmentEntity, schema: { tags, summary: 'Gỡ tệp đính kèm báo cáo tiến độ / Remove a task update attachment', params: idParams, response: { 200: okResponse } } }, async (request) => {
    await removeWorkAttachment(app.db, contextOf(request), request.params.id, 'task');
    return { ok: true as const };
  });
};
