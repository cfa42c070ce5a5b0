import { auditEntryView, auditQuery, auditVerifyView, pageOf } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './audit.service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Nhật ký thao tác / Audit log', querystring: auditQuery, response: { 200: pageOf(auditEntryView) } } },
    async (request) => service.listAudit(app.db, contextOf(request), request.query),
  );

  app.get(
    '/verify',
    { schema: { tags, summary: 'Kiểm tra chuỗi băm / Verify the hash chain', response: { 200: auditVerifyView } } },
    async (request) => service.verifyAudit(app.db, contextOf(request)),
  );
};
