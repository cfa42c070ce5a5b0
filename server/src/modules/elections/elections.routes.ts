import {
  ballotEntryRequest,
  ballotEntryResult,
  ballotEntryView,
  ballotFigures,
  ballotResolutionRequest,
  discrepancyView,
  electionAccount,
  electionAccountsQuery,
  electionListItem,
  electionListQuery,
  electionResultsView,
  electionSetupRequest,
  electionView,
  idParams,
  nextRoundRequest,
} from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import * as ballots from './elections.ballots.service.ts';
import { electionDocument } from './elections.documents.ts';
import * as service from './elections.service.ts';

const tags = ['elections'];
const entity = { entity: 'election' } as const;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const electionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Các cuộc bầu cử / Elections', querystring: electionListQuery, response: { 200: z.array(electionListItem) } } },
    async (request) => service.listElections(app.db, contextOf(request), request.query.unitId),
  );
  app.get(
    '/accounts',
    { schema: { tags, summary: 'Tài khoản có thể nhập phiếu / Accounts that may key ballots', querystring: electionAccountsQuery, response: { 200: z.array(electionAccount) } } },
    async (request) => service.electionAccounts(app.db, contextOf(request), request.query.unitId),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Chuẩn bị bầu cử / Set up an election', body: electionSetupRequest, response: { 201: electionView } } },
    async (request, reply) => reply.status(201).send(await service.createElection(app.db, contextOf(request), request.body)),
  );
  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Xem cuộc bầu cử / Get an election', params: idParams, response: { 200: electionView } } },
    async (request) => service.getElection(app.db, contextOf(request), request.params.id),
  );
  app.put(
    '/:id',
    { config: entity, schema: { tags, summary: 'Sửa thiết lập trước khi nhập phiếu / Edit the setup before ballots', params: idParams, body: electionSetupRequest, response: { 200: electionView } } },
    async (request) => service.updateElection(app.db, contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/:id/figures',
    { config: entity, schema: { tags, summary: 'Số phiếu phát ra, thu vào / Ballot figures', params: idParams, body: ballotFigures, response: { 200: electionView } } },
    async (request) => service.setFigures(app.db, contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/:id/entries',
    { config: entity, schema: { tags, summary: 'Các lượt nhập phiếu / Ballot entries', params: idParams, response: { 200: z.array(ballotEntryView) } } },
    async (request) => ballots.listEntries(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/entries',
    { config: entity, schema: { tags, summary: 'Nhập một phiếu / Key a ballot', params: idParams, body: ballotEntryRequest, response: { 201: ballotEntryResult } } },
    async (request, reply) => reply.status(201).send(await ballots.enterBallot(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/:id/discrepancies',
    { config: entity, schema: { tags, summary: 'Phiếu nhập chênh lệch / Discrepancies', params: idParams, response: { 200: z.array(discrepancyView) } } },
    async (request) => ballots.listDiscrepancies(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/resolutions',
    { config: entity, schema: { tags, summary: 'Trưởng ban quyết định phiếu chênh lệch / Resolve a discrepancy', params: idParams, body: ballotResolutionRequest, response: { 201: ballotEntryResult } } },
    async (request, reply) => reply.status(201).send(await ballots.resolveBallot(app.db, contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/:id/results',
    { config: entity, schema: { tags, summary: 'Kết quả kiểm phiếu / Results', params: idParams, response: { 200: electionResultsView } } },
    async (request) => ballots.electionResults(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/finalise',
    { config: entity, schema: { tags, summary: 'Chốt kết quả / Finalise the results', params: idParams, response: { 200: electionResultsView } } },
    async (request) => ballots.finaliseElection(app.db, contextOf(request), request.params.id),
  );
  app.post(
    '/:id/next-round',
    { config: entity, schema: { tags, summary: 'Chuẩn bị vòng bầu tiếp theo / Prepare the next round', params: idParams, body: nextRoundRequest, response: { 201: electionView } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const results = await ballots.electionResults(app.db, ctx, request.params.id);
      const next = results.outcome?.nextRound ?? null;
      return reply.status(201).send(await service.prepareNextRound(app.db, ctx, request.params.id, request.body, next));
    },
  );
  app.get(
    '/:id/minutes.docx',
    { config: entity, schema: { tags, summary: 'Biên bản kiểm phiếu (Word) / Counting minutes', params: idParams } },
    async (request, reply) => {
      const doc = await electionDocument(app.db, contextOf(request), request.params.id, 'minutes');
      return reply.type(docxType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.buffer);
    },
  );
  app.get(
    '/:id/announcement.docx',
    { config: entity, schema: { tags, summary: 'Thông báo kết quả bầu cử (Word) / Results announcement', params: idParams } },
    async (request, reply) => {
      const doc = await electionDocument(app.db, contextOf(request), request.params.id, 'announcement');
      return reply.type(docxType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.buffer);
    },
  );
};
