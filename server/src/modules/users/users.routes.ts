import {
  createUserRequest,
  idParams,
  pageOf,
  setGrantsRequest,
  updateUserRequest,
  userListQuery,
  userView,
  userWithPassword,
} from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './users.service.ts';

const tags = ['users'];
const entity = { entity: 'user' } as const;

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Danh sách tài khoản / List users', querystring: userListQuery, response: { 200: pageOf(userView) } } },
    async (request) => service.listUsers(app.db, contextOf(request), request.query),
  );

  app.post(
    '/',
    { schema: { tags, summary: 'Tạo tài khoản / Create user', body: createUserRequest, response: { 201: userWithPassword } } },
    async (request, reply) => reply.status(201).send(await service.createUser(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem tài khoản / Get user', params: idParams, response: { 200: userView } } },
    async (request) => service.getUser(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    { config: entity, schema: { tags, summary: 'Sửa tài khoản / Update user', params: idParams, body: updateUserRequest, response: { 200: userView } } },
    async (request) => service.updateUser(app.db, contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/:id/grants',
    { config: entity, schema: { tags, summary: 'Phân quyền / Set grants', params: idParams, body: setGrantsRequest, response: { 200: userView } } },
    async (request) => service.setGrants(app.db, contextOf(request), request.params.id, request.body.grants),
  );

  app.post(
    '/:id/disable',
    { config: entity, schema: { tags, summary: 'Vô hiệu hóa / Disable', params: idParams, response: { 200: userView } } },
    async (request) => service.setDisabled(app.db, contextOf(request), request.params.id, true),
  );

  app.post(
    '/:id/enable',
    { config: entity, schema: { tags, summary: 'Kích hoạt lại / Enable', params: idParams, response: { 200: userView } } },
    async (request) => service.setDisabled(app.db, contextOf(request), request.params.id, false),
  );

  app.post(
    '/:id/reset-password',
    { config: entity, schema: { tags, summary: 'Cấp lại mật khẩu / Reset password', params: idParams, response: { 200: userWithPassword } } },
    async (request) => service.resetPassword(app.db, contextOf(request), request.params.id),
  );
};
