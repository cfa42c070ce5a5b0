import {
  agendaRequest,
  checkInEvent,
  checkInRequest,
  conclusionRequest,
  conclusionTasksResult,
  conferenceCreateRequest,
  conferenceListQuery,
  conferenceSummary,
  conferenceView,
  confirmationRequest,
  idParams,
  pointsChangeRequest,
} from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopePaths, withinScope } from '../../platform/access.ts';
import { contextOf } from '../../platform/request-context.ts';
import { type ConferenceDocumentKind, conferenceDocument } from './conferences.documents.ts';
import { startBoardStreams } from './conferences.live.ts';
import * as points from './conferences.points.service.ts';
import { pointsOf } from './conferences.repository.ts';
import * as service from './conferences.service.ts';
import { conclusionsToTasks } from './conferences.tasks.service.ts';

const tags = ['conferences'];
const entity = { entity: 'conference' } as const;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const documents: readonly { path: string; kind: ConferenceDocumentKind; summary: string }[] = [
  { path: 'invitation', kind: 'invitation', summary: 'Giấy mời (Word) / Invitation' },
  { path: 'minutes', kind: 'minutes', summary: 'Biên bản hội nghị (Word) / Minutes' },
  { path: 'conclusion-notice', kind: 'notice', summary: 'Thông báo kết luận (Word) / Conclusion notice' },
];

export const conferencesRoutes: FastifyPluginAsyncZod = async (app) => {
  const streams = await startBoardStreams(app);
  app.get(
    '/',
    { schema: { tags, summary: 'Hội nghị giao ban, sơ kết, tổng kết / Conferences', querystring: conferenceListQuery, response: { 200: z.array(conferenceSummary) } } },
    async (request) => service.listConferences(app.db, contextOf(request), request.query),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Tạo hội nghị / Create a conference', body: conferenceCreateRequest, response: { 201: conferenceView } } },
    async (request, reply) => reply.status(201).send(await service.createConference(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem hội nghị / Get a conference', params: idParams, response: { 200: conferenceView } } },
    async (request) => service.getConference(app.db, contextOf(request), request.params.id),
  );
  app.put(
    '/:id/agenda',
    { config: entity, schema: { tags, summary: 'Chương trình hội nghị / Set the agenda', params: idParams, body: agendaRequest, response: { 200: conferenceView } } },
    async (request) => service.setAgenda(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/invitations',
    { config: entity, schema: { tags, summary: 'Gửi giấy mời các điểm cầu / Send the invitations', params: idParams, response: { 200: conferenceView } } },
    async (request) => points.sendInvitations(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/points',
    { config: entity, schema: { tags, summary: 'Thêm, bớt điểm cầu / Add or remove connection points', params: idParams, body: pointsChangeRequest, response: { 200: conferenceView } } },
    async (request) => points.changePoints(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/confirmations',
    { config: entity, schema: { tags, summary: 'Xác nhận điểm cầu / Confirm a connection point', params: idParams, body: confirmationRequest, response: { 200: conferenceView } } },
    async (request) => points.confirmPoint(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/check-ins',
    { config: entity, schema: { tags, summary: 'Điểm cầu kết nối / Check a point in', params: idParams, body: checkInRequest, response: { 200: checkInEvent } } },
    async (request) => points.checkIn(app.db, contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/:id/live',
    { config: entity, schema: { tags, summary: 'Bảng điểm danh trực tiếp (Server-Sent Events) / Live check-in board', params: idParams } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const conference = await service.visibleConference(app.db, ctx, request.params.id);
      const readScope = scopePaths(ctx, 'read');
      const hostReader = withinScope(conference.host_path, readScope);
      const own = hostReader ? null : new Set((await pointsOf(app.db, conference.id, readScope)).map((p) => p.unit_id));
      streams.open(reply, conference.id, points.boardTopic(conference.id), (unitId) => own === null || own.has(unitId));
      return reply;
    },
  );
  app.put(
    '/:id/conclusion',
    { config: entity, schema: { tags, summary: 'Ghi kết luận / Record the conclusion', params: idParams, body: conclusionRequest, response: { 200: conferenceView } } },
    async (request) => service.recordConclusion(app.db, contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/:id/conclusion/tasks',
    { config: entity, schema: { tags, summary: 'Giao kết luận thành nhiệm vụ / Turn the conclusion into tasks', params: idParams, response: { 201: conclusionTasksResult } } },
    async (request, reply) => reply.status(201).send(await conclusionsToTasks(app.db, contextOf(request), request.params.id)),
  );
  for (const doc of documents) {
    app.get(
      `/:id/${doc.path}.docx`,
      { config: entity, schema: { tags, summary: doc.summary, params: idParams } },
      async (request, reply) => {
        const file = await conferenceDocument(app.db, contextOf(request), request.params.id, doc.kind);
        return reply.type(docxType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.buffer);
      },
    );
  }
};
