import { aggregateQuery, aggregateView, consolidatedQuery, idParams, inboxItem, openSubmissionRequest, periodCreateRequest, periodListQuery, periodView, remindRequest, remindResult, submissionView, templateCheckResult, templateCreateRequest, templateDefinition, templateVersionRequest, templateView, trackingQuery, trackingView, unlockRequest, yearGridQuery, yearGridView } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import { aggregatePeriod } from './reports.aggregate.service.ts';
import { consolidatedReport, indicatorsWorkbook } from './reports.documents.ts';
import { remindMissing } from './reports.reminders.service.ts';
import { reportSubmissionRoutes } from './reports.submission.routes.ts';
import { openSubmission, unlockUnit } from './reports.submissions.service.ts';
import * as templates from './reports.templates.service.ts';
import { inbox, trackPeriod, yearGrid } from './reports.tracking.service.ts';
import { startReminderTimer } from './reports.reminder-timer.ts';

const tags = ['reports'];
const template = { entity: 'report_template' } as const;
const period = { entity: 'report_period' } as const;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Periodic reporting: templates, periods, tracking, aggregation, consolidated documents. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(reportSubmissionRoutes);
  startReminderTimer(app);

  app.get('/templates', { schema: { tags, summary: 'Biểu mẫu báo cáo / Report templates', response: { 200: z.array(templateView) } } }, async (request) => templates.listTemplates(app.db, contextOf(request)));
  app.post(
    '/templates',
    { schema: { tags, summary: 'Tạo biểu mẫu / Create a template', body: templateCreateRequest, response: { 201: templateView } } },
    async (request, reply) => reply.status(201).send(await templates.createTemplate(app.db, contextOf(request), request.body)),
  );
  app.post(
    '/templates/check',
    { schema: { tags, summary: 'Kiểm tra biểu mẫu đang soạn / Check a definition being edited', body: templateDefinition, response: { 200: templateCheckResult } } },
    async (request) => ({ issues: templates.checkTemplateDefinition(contextOf(request), request.body) }),
  );
  app.get('/templates/:id', { config: template, schema: { tags, summary: 'Biểu mẫu / Template', params: idParams, response: { 200: templateView } } }, async (request) => templates.getTemplate(app.db, contextOf(request), request.params.id));
  app.post(
    '/templates/:id/versions',
    { config: template, schema: { tags, summary: 'Phiên bản mới của biểu mẫu / New template version', params: idParams, body: templateVersionRequest, response: { 201: templateView } } },
    async (request, reply) => reply.status(201).send(await templates.addVersion(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get('/periods', { schema: { tags, summary: 'Kỳ báo cáo / Periods', querystring: periodListQuery, response: { 200: z.array(periodView) } } }, async (request) => templates.listPeriods(app.db, contextOf(request), request.query));
  app.post(
    '/periods',
    { schema: { tags, summary: 'Mở kỳ báo cáo / Open a period', body: periodCreateRequest, response: { 201: periodView } } },
    async (request, reply) => reply.status(201).send(await templates.createPeriod(app.db, contextOf(request), request.body)),
  );
  app.get('/periods/:id', { config: period, schema: { tags, summary: 'Kỳ báo cáo / Period', params: idParams, response: { 200: periodView } } }, async (request) => templates.getPeriod(app.db, contextOf(request), request.params.id));
  app.get(
    '/periods/:id/tracking',
    { config: period, schema: { tags, summary: 'Theo dõi tiến độ báo cáo / Tracking', params: idParams, querystring: trackingQuery, response: { 200: trackingView } } },
    async (request) => trackPeriod(app.db, contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/periods/:id/aggregate',
    { config: period, schema: { tags, summary: 'Tổng hợp số liệu / Aggregation', params: idParams, querystring: aggregateQuery, response: { 200: aggregateView } } },
    async (request) => aggregatePeriod(app.db, contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/periods/:id/consolidated.docx',
    { config: period, schema: { tags, summary: 'Báo cáo tổng hợp (Word) / Consolidated report', params: idParams, querystring: consolidatedQuery } },
    async (request, reply) => {
      const doc = await consolidatedReport(app.db, contextOf(request), request.params.id, request.query);
      return reply.type(docxType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.buffer);
    },
  );
  app.get(
    '/periods/:id/indicators.xlsx',
    { config: period, schema: { tags, summary: 'Chỉ tiêu theo đơn vị (Excel) / Indicators by unit', params: idParams } },
    async (request, reply) => {
      const doc = await indicatorsWorkbook(app.db, contextOf(request), request.params.id);
      return reply.type(xlsxType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.buffer);
    },
  );
  app.post(
    '/periods/:id/submissions',
    { config: period, schema: { tags, summary: 'Mở báo cáo của đơn vị / Open a unit report', params: idParams, body: openSubmissionRequest, response: { 200: submissionView } } },
    async (request) => openSubmission(app.db, contextOf(request), request.params.id, request.body.unitId),
  );
  app.post(
    '/periods/:id/reminders',
    { config: period, schema: { tags, summary: 'Nhắc các đơn vị chưa báo cáo / Remind missing units', params: idParams, body: remindRequest, response: { 200: remindResult } } },
    async (request) => remindMissing(app.db, contextOf(request), app.config.smtp, request.params.id, request.body.unitIds),
  );
  app.post(
    '/periods/:id/unlocks',
    { config: period, schema: { tags, summary: 'Mở khóa cho một đơn vị / Unlock for a unit', params: idParams, body: unlockRequest, response: { 200: z.object({ unitId: z.uuid(), until: z.string() }) } } },
    async (request) => unlockUnit(app.db, contextOf(request), request.params.id, request.body),
  );

  app.get('/year-grid', { schema: { tags, summary: 'Theo dõi cả năm / Year grid', querystring: yearGridQuery, response: { 200: yearGridView } } }, async (request) => yearGrid(app.db, contextOf(request), request.query));
  app.get('/inbox', { schema: { tags, summary: 'Báo cáo đơn vị cần gửi / Reports to send', response: { 200: z.array(inboxItem) } } }, async (request) => inbox(app.db, contextOf(request)));
};
