import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { idParams, memberExportQuery, memberImportJob, memberImportQuery, memberStatsQuery } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { contextOf } from '../../platform/request-context.ts';
import { exportMembers, exportStats } from './members.export.ts';
import { getImportJob, importReport, startImportJob } from './members.import-jobs.ts';

const tags = ['members'];
const jobEntity = { entity: 'member_import' } as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sheetTypes = ['text/csv', xlsxType, 'application/octet-stream'];
/** A register of a million members is about 300 MB as CSV. */
export const maxMemberUploadBytes = 512 * 1024 * 1024;

/** Counts bytes on the way through and fails with 413 past the limit. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new AppError('payload_too_large'));
      else done(null, chunk);
    },
  });
}

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Import (upload, job, error report) and export (lists, statistics) of the member registry. */
export const memberTransferRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload is streamed to a temporary file, not held in memory.
  app.addContentTypeParser(sheetTypes, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    { schema: { tags, summary: 'Nhập đảng viên từ Excel/CSV / Import members', querystring: memberImportQuery, response: { 202: memberImportJob } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const body: unknown = request.body;
      if (!(body instanceof Readable)) throw new AppError('validation', { issues: [{ path: 'body', message: 'Chưa gửi tệp / No file sent' }] });
      const file = path.join(os.tmpdir(), `tcxd-import-${newId()}.${request.query.format}`);
      try {
        await pipeline(body, byteLimit(maxMemberUploadBytes), fs.createWriteStream(file));
      } catch (error) {
        fs.rmSync(file, { force: true });
        throw error;
      }
      const fileName = request.query.fileName ?? `tep-tai-len.${request.query.format}`;
      const job = await startImportJob(app.db, ctx, { path: file, format: request.query.format, fileName, dryRun: request.query.dryRun });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/imports/:id',
    { config: jobEntity, schema: { tags, summary: 'Tiến độ nhập / Import progress', params: idParams, response: { 200: memberImportJob } } },
    async (request) => getImportJob(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/imports/:id/report',
    { config: jobEntity, schema: { tags, summary: 'Báo cáo lỗi nhập (Excel) / Import error report', params: idParams } },
    async (request, reply) => {
      const report = await importReport(app.db, contextOf(request), request.params.id);
      return reply.type(xlsxType).header('content-disposition', attachment('bao-cao-loi-nhap-dang-vien.xlsx')).send(report);
    },
  );

  app.get(
    '/export',
    { schema: { tags, summary: 'Xuất danh sách đảng viên (Excel) / Export members', querystring: memberExportQuery } },
    async (request, reply) => {
      const { layout, ...query } = request.query;
      const write = await exportMembers(app.db, contextOf(request), query, layout);
      const output = new PassThrough();
      write(output).catch((error: unknown) => {
        request.log.error({ err: error }, 'member export failed');
        output.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const name = layout === 'register' ? 'so-danh-sach-dang-vien.xlsx' : 'danh-sach-dang-vien.xlsx';
      return reply.type(xlsxType).header('content-disposition', attachment(name)).send(output);
    },
  );

  app.get(
    '/stats/export',
    { schema: { tags, summary: 'Xuất thống kê đảng viên (Excel) / Export member statistics', querystring: memberStatsQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const buffer = await exportStats(app.db, ctx, request.query, ctx.locale);
      return reply.type(xlsxType).header('content-disposition', attachment(`thong-ke-dang-vien-${request.query.asOf ?? 'hom-nay'}.xlsx`)).send(buffer);
    },
  );
};
