import { dueListQuery, dueLists, idParams, memberCreateRequest, memberEventRequest, memberListPage, memberListQuery, memberStats, memberStatsQuery, memberUpdateRequest, memberView } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/request-context.ts';
import { dueListsFor } from './members.due.ts';
import * as service from './members.service.ts';
import { memberStatistics } from './members.stats.ts';
import { memberTransferRoutes } from './members.transfer.routes.ts';

const tags = ['members'];
const entity = { entity: 'member' } as const;

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(memberTransferRoutes);

  app.get(
    '/',
    { schema: { tags, summary: 'Danh sách đảng viên / Members', querystring: memberListQuery, response: { 200: memberListPage } } },
    async (request) => service.listMembers(app.db, contextOf(request), request.query),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Kết nạp hoặc lập hồ sơ đảng viên / Enter a member', body: memberCreateRequest, response: { 201: memberView } } },
    async (request, reply) => reply.status(201).send(await service.createMember(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/due',
    { schema: { tags, summary: 'Đến hạn xử lý / Due lists', querystring: dueListQuery, response: { 200: dueLists } } },
    async (request) => dueListsFor(app.db, contextOf(request), request.query),
  );

  app.get(
    '/stats',
    { schema: { tags, summary: 'Thống kê đảng viên / Member statistics', querystring: memberStatsQuery, response: { 200: memberStats } } },
    async (request) => memberStatistics(app.db, contextOf(request), request.query),
  );

  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Hồ sơ đảng viên / Member record', params: idParams, response: { 200: memberView } } },
    async (request) => service.getMember(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/:id',
    { config: entity, schema: { tags, summary: 'Sửa hồ sơ / Edit a record', params: idParams, body: memberUpdateRequest, response: { 200: memberView } } },
    async (request) => service.updateMember(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/events',
    { config: entity, schema: { tags, summary: 'Ghi nhận biến động / Record an event', params: idParams, body: memberEventRequest, response: { 200: memberView } } },
    async (request) => service.recordEvent(app.db, contextOf(request), request.params.id, request.body),
  );
};
