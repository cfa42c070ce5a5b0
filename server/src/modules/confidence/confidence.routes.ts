import {
  ballotFigures,
  confidenceDiscrepancyView,
  confidenceEntryRequest,
  confidenceEntryResult,
  confidenceEntryView,
  confidenceResolutionRequest,
  confidenceResultsView,
  confidenceVoteListItem,
  confidenceVoteListQuery,
  confidenceVoteSetupRequest,
  confidenceVoteView,
  idParams,
} from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import * as ballots from './confidence.ballots.service.ts';
import { confidenceMinutes } from './confidence.documents.ts';
import * as service from './confidence.service.ts';

const tags = ['confidence-votes'];
const entity = { entity: 'confidence_vote' } as const;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const confidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Các đợt lấy phiếu tín nhiệm / Confidence votes', querystring: confidenceVoteListQuery, response: { 200: z.array(confidenceVoteListItem) } } },
    async (request) => service.listVotes(app.db, contextOf(request), request.query.unitId),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Chuẩn bị lấy phiếu tín nhiệm / Set up a confidence vote', body: confidenceVoteSetupRequest, response: { 201: confidenceVoteView } } },
    async (request, reply) => reply.status(201).send(await service.createVote(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem đợt lấy phiếu / Get a confidence vote', params: idParams, response: { 200: confidenceVoteView } } },
    async (request) => service.getVote(app.db, contextOf(request), request.params.id),
  );
  app.put(
    '/:id/figures',
    { config: entity, schema: { tags, summary: 'Số phiếu phát ra, thu vào / Ballot figures', params: idParams, body: ballotFigures, response: { 200: confidenceVoteView } } },
    async (request) => service.setVoteFigures(app.db, contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/:id/entries',
    { config: entity, schema: { tags, summary: 'Các lượt nhập phiếu / Ballot entries', params: idParams, response: { 200: z.array(confidenceEntryView) } } },
    async (request) => ballots.listConfidenceEntries(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/entries',
    { config: entity, schema: { tags, summary: 'Nhập một phiếu / Key a ballot', params: idParams, body: confidenceEntryRequest, response: { 201: confidenceEntryResult } } },
    async (request, reply) => reply.status(201).send(await ballots.enterConfidenceBallot(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/:id/discrepancies',
    { config: entity, schema: { tags, summary: 'Phiếu nhập chênh lệch / Discrepancies', params: idParams, response: { 200: z.array(confidenceDiscrepancyView) } } },
    async (request) => ballots.listConfidenceDiscrepancies(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/resolutions',
    { config: entity, schema: { tags, summary: 'Trưởng ban quyết định phiếu chênh lệch / Resolve a discrepancy', params: idParams, body: confidenceResolutionRequest, response: { 201: confidenceEntryResult } } },
    async (request, reply) => reply.status(201).send(await ballots.resolveConfidenceBallot(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/:id/results',
    { config: entity, schema: { tags, summary: 'Kết quả kiểm phiếu / Results', params: idParams, response: { 200: confidenceResultsView } } },
    async (request) => ballots.confidenceResults(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/finalise',
    { config: entity, schema: { tags, summary: 'Chốt kết quả / Finalise the results', params: idParams, response: { 200: confidenceResultsView } } },
    async (request) => ballots.finaliseConfidenceVote(app.db, contextOf(request), request.params.id),
  );
  app.get(
    '/:id/minutes.docx',
    { config: entity, schema: { tags, summary: 'Biên bản kiểm phiếu (Word) / Counting minutes', params: idParams } },
    async (request, reply) => {
      const doc = await confidenceMinutes(app.db, contextOf(request), request.params.id);
      return reply.type(docxType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.buffer);
    },
  );
};
