import { attachmentTypes, attachmentView, idParams, okResponse, reportLimits, returnRequest, saveSubmissionRequest, submissionVersionView, submissionView, versionRequest } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import { addAttachment, readAttachment, removeAttachment } from './reports.attachments.service.ts';
import * as service from './reports.submissions.service.ts';

const tags = ['reports'];
const submission = { entity: 'report_submission' } as const;
const attachment = { entity: 'report_attachment' } as const;

/** A unit's report: draft, send, return, accept, versions, attachments. */
export const reportSubmissionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(Object.keys(attachmentTypes), { parseAs: 'buffer', bodyLimit: reportLimits.attachmentBytesMax }, (_request, body, done) => done(null, body));

  app.get('/submissions/:id', { config: submission, schema: { tags, summary: 'Báo cáo của đơn vị / Unit report', params: idParams, response: { 200: submissionView } } }, async (request) => service.getSubmission(app.db, contextOf(request), request.params.id));
  app.put(
    '/submissions/:id',
    { config: submission, schema: { tags, summary: 'Lưu nháp / Save the draft', params: idParams, body: saveSubmissionRequest, response: { 200: submissionView } } },
    async (request) => service.saveSubmission(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/submissions/:id/submit',
    { config: submission, schema: { tags, summary: 'Gửi báo cáo / Send the report', params: idParams, body: versionRequest, response: { 200: submissionView } } },
    async (request) => service.submitSubmission(app.db, contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/submissions/:id/return',
    { config: submission, schema: { tags, summary: 'Trả lại báo cáo / Return with comments', params: idParams, body: returnRequest, response: { 200: submissionView } } },
    async (request) => service.reviewSubmission(app.db, contextOf(request), request.params.id, { version: request.body.version, decision: 'return', comment: request.body.comment }),
  );
  app.post(
    '/submissions/:id/accept',
    { config: submission, schema: { tags, summary: 'Tiếp nhận báo cáo / Accept', params: idParams, body: versionRequest, response: { 200: submissionView } } },
    async (request) => service.reviewSubmission(app.db, contextOf(request), request.params.id, { version: request.body.version, decision: 'accept' }),
  );
  app.get(
    '/submissions/:id/versions',
    { config: submission, schema: { tags, summary: 'Các phiên bản đã gửi / Sent versions', params: idParams, response: { 200: z.array(submissionVersionView) } } },
    async (request) => service.submissionVersions(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/submissions/:id/attachments',
    { config: submission, bodyLimit: reportLimits.attachmentBytesMax, schema: { tags, summary: 'Đính kèm tệp (PDF, Word, Excel) / Attach a file', params: idParams, querystring: z.object({ fileName: z.string().max(255).default('') }), response: { 201: attachmentView } } },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      return reply.status(201).send(await addAttachment(app.db, contextOf(request), request.params.id, { fileName: request.query.fileName, contentType, bytes }));
    },
  );
  app.get('/attachments/:id', { config: attachment, schema: { tags, summary: 'Tải tệp đính kèm / Download an attachment', params: idParams } }, async (request, reply) => {
    const file = await readAttachment(app.db, contextOf(request), request.params.id);
    return reply.type(file.content_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`).send(file.content);
  });
  app.delete('/attachments/:id', { config: attachment, schema: { tags, summary: 'Gỡ tệp đính kèm / Remove an attachment', params: idParams, response: { 200: okResponse } } }, async (request) => {
    await removeAttachment(app.db, contextOf(request), request.params.id);
    return { ok: true as const };
  });
};
