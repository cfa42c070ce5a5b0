import { structureExportQuery, structureImportQuery, structureImportResult, asOfQuery, idParams, reorgPreview, reorgRequest, unitChildrenAsOfQuery, unitDetail, unitNode, unitSearchQuery, updateContactRequest } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/request-context.ts';
import { commitReorganisation, previewReorganisation } from './units.reorg.service.ts';
import * as service from './units.service.ts';
import { exportStructure, importStructure } from './units.transfer.ts';

const maxImportBytes = 20 * 1024 * 1024;
const sheetTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

const tags = ['units'];
const entity = { entity: 'unit' } as const;

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(sheetTypes, { parseAs: 'buffer', bodyLimit: maxImportBytes }, (_request, body, done) => done(null, body));

  app.post(
    '/import',
    {
      bodyLimit: maxImportBytes,
      schema: { tags, summary: 'Nhập cơ cấu từ Excel/CSV / Import structure', querystring: structureImportQuery, response: { 200: structureImportResult } },
    },
    async (request) => {
      const buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return importStructure(app.db, contextOf(request), { buffer, format: request.query.format }, request.query);
    },
  );

  app.get(
    '/export',
    { schema: { tags, summary: 'Xuất cơ cấu ra Excel/CSV / Export structure', querystring: structureExportQuery } },
    async (request, reply) => {
      const { buffer, fileName } = await exportStructure(app.db, contextOf(request), request.query.rootId, request.query.asOf, request.query.format);
      const type = request.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).send(buffer);
    },
  );

  app.get(
    '/',
    { schema: { tags, summary: 'Đơn vị trực thuộc theo ngày / Child units as of a date', querystring: unitChildrenAsOfQuery, response: { 200: z.array(unitNode) } } },
    async (request) => service.listUnits(app.db, contextOf(request), request.query.parentId, request.query.asOf),
  );

  app.get(
    '/search',
    { schema: { tags, summary: 'Tìm đơn vị / Search units', querystring: unitSearchQuery, response: { 200: z.array(unitNode) } } },
    async (request) => service.searchUnits(app.db, contextOf(request), request.query),
  );

  app.get(
    '/:id',
    { config: entity, schema: { tags, summary: 'Hồ sơ đơn vị theo ngày / Unit as of a date', params: idParams, querystring: asOfQuery, response: { 200: unitDetail } } },
    async (request) => service.getUnit(app.db, contextOf(request), request.params.id, request.query.asOf),
  );

  app.put(
    '/:id/contact',
    { config: entity, schema: { tags, summary: 'Liên hệ ban tổ chức / Board contact', params: idParams, body: updateContactRequest, response: { 200: unitDetail } } },
    async (request) => service.updateContact(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/reorganisations/preview',
    { schema: { tags, summary: 'Xem trước sắp xếp tổ chức / Preview a reorganisation', body: reorgRequest, response: { 200: reorgPreview } } },
    async (request) => previewReorganisation(app.db, contextOf(request), request.body.operation),
  );

  app.post(
    '/reorganisations',
    {
      schema: {
        tags,
        summary: 'Thực hiện sắp xếp tổ chức / Carry out a reorganisation',
        body: reorgRequest,
        response: { 201: z.object({ changeId: z.uuid(), preview: reorgPreview }) },
      },
    },
    async (request, reply) => reply.status(201).send(await commitReorganisation(app.db, contextOf(request), request.body.operation)),
  );
};
