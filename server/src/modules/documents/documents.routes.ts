import { attachmentView, disseminationReportRequest, disseminationRequest, documentCreateRequest, documentListQuery, documentRelationRequest, documentSummary, documentView, idParams, okResponse, workAttachmentLimits } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendFile, uploadOf } from '../../platform/attachments.ts';
import { contextOf } from '../../platform/request-context.ts';
import * as service from './documents.service.ts';
import { attachToDocument, readWorkAttachment, removeWorkAttachment } from './work-attachments.service.ts';

const tags = ['documents'];
const documentEntity = { entity: 'party_document' } as const;
const disseminationEntity = { entity: 'document_dissemination' } as const;
const attachmentEntity = { entity: 'work_attachment' } as const;
/** A little over the limit, so that a slightly larger file gets the service's clear refusal. */
export const uploadBodyLimit = workAttachmentLimits.bytesMax + 1024 * 1024;

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([...workAttachmentLimits.contentTypes], { parseAs: 'buffer', bodyLimit: uploadBodyLimit }, (_request, body, done) => done(null, body));
  app.get(
    '/',
    { schema: { tags, summary: 'Sổ văn bản của Đảng / Register of Party documents', querystring: documentListQuery, response: { 200: z.array(documentSummary) } } },
    async (request) => service.listDocuments(app.db, contextOf(request), request.query),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Vào sổ văn bản / Register a document', body: documentCreateRequest, response: { 201: documentView } } },
    async (request, reply) => reply.status(201).send(await service.createDocument(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: documentEntity, schema: { tags, summary: 'Xem văn bản / Get a document', params: idParams, response: { 200: documentView } } },
    async (request) => service.getDocument(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/relations',
    { config: documentEntity, schema: { tags, summary: 'Liên hệ văn bản (thay thế, hướng dẫn, thực hiện, sửa đổi) / Relate documents', params: idParams, body: documentRelationRequest, response: { 201: documentView } } },
    async (request, reply) => reply.status(201).send(await service.addRelation(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/:id/disseminations',
    { config: documentEntity, schema: { tags, summary: 'Phổ biến văn bản xuống đơn vị / Disseminate to units', params: idParams, body: disseminationRequest, response: { 201: documentView } } },
    async (request, reply) => reply.status(201).send(await service.disseminate(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/disseminations/:id/reports',
    {
      config: disseminationEntity,
      schema: { tags, summary: 'Đơn vị báo cáo đã phổ biến / A unit reports its dissemination', params: idParams, body: disseminationReportRequest, response: { 200: documentView } },
    },
    async (request) => service.reportDissemination(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/attachments',
    { config: documentEntity, bodyLimit: uploadBodyLimit, schema: { tags, summary: 'Đính kèm tệp PDF, Word vào văn bản / Attach a PDF or Word file', params: idParams, querystring: z.object({ fileName: z.string().max(255).default('') }), response: { 201: attachmentView } } },
    async (request, reply) => reply.status(201).send(await attachToDocument(app.db, contextOf(request), request.params.id, uploadOf(request))),
  );
  app.get('/attachments/:id', { config: attachmentEntity, schema: { tags, summary: 'Tải tệp đính kèm văn bản / Download a document attachment', params: idParams } }, async (request, reply) =>
    sendFile(reply, await readWorkAttachment(app.db, contextOf(request), request.params.id, 'document')),
  );
  app.delete('/attachments/:id', { config: attachmentEntity, schema: { tags, summary: 'Gỡ tệp đính kèm văn bản / Remove a document attachment', params: idParams, response: { 200: okResponse } } }, async (request) => {
    await removeWorkAttachment(app.db, contextOf(request), request.params.id, 'document');
    return { ok: true as const };
  });
};
