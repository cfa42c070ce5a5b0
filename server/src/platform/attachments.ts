import { attachmentTypes } from '@tcxd/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from './context.ts';
import { invalid } from './errors.ts';

type AttachmentKind = (typeof attachmentTypes)[keyof typeof attachmentTypes];

const say = (ctx: Context, vi: string, en: string) => (ctx.locale === 'en' ? en : vi);

/** Whether the bytes look like the declared kind: PDF header, OOXML zip, or the old OLE compound file. */
export function contentMatches(contentType: string, bytes: Buffer): boolean {
  const kind = Object.entries(attachmentTypes).find(([type]) => type === contentType)?.[1];
  if (bytes.length < 5) return false;
  switch (kind) {
    case 'pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'docx':
    case 'xlsx':
      return bytes.readUInt32BE(0) === 0x504b0304;
    case 'doc':
    case 'xls':
      return bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
    case undefined:
      return false;
  }
}

/** An uploaded file as the routes hand it to a service. */
export interface UploadedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/**
 * Checks an upload against the accepted kinds and size and returns its cleaned name. The type
 * must be one of the kinds and the bytes must carry that kind's signature, so a renamed file is
 * refused; each refusal names the file and the rule in the user's language.
 */
export function checkUpload(ctx: Context, file: UploadedFile, rules: { readonly kinds: readonly AttachmentKind[]; readonly maxBytes: number; readonly kindsLabel: { vi: string; en: string } }): string {
  const name = file.fileName.trim().replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  if (name === '') throw invalid([{ path: 'fileName', message: say(ctx, 'Thiếu tên tệp', 'The file name is missing') }]);
  if (file.bytes.length === 0) throw invalid([{ path: 'file', message: say(ctx, `Tệp "${name}" rỗng`, `The file "${name}" is empty`) }]);
  const mb = Math.round(rules.maxBytes / (1024 * 1024));
  if (file.bytes.length > rules.maxBytes) throw invalid([{ path: 'file', message: say(ctx, `Tệp "${name}" lớn hơn ${mb} MB cho phép`, `The file "${name}" is larger than the ${mb} MB allowed`) }]);
  const kind = Object.entries(attachmentTypes).find(([type]) => type === file.contentType)?.[1];
  if (kind === undefined || !rules.kinds.includes(kind) || !contentMatches(file.contentType, file.bytes)) {
    throw invalid([{ path: 'file', message: say(ctx, `Chỉ nhận tệp ${rules.kindsLabel.vi}; nội dung tệp "${name}" không phải loại đó`, `Only ${rules.kindsLabel.en} files are accepted; the content of "${name}" is not of that kind`) }]);
  }
  return name;
}

/** Reads a raw upload (the body as bytes, its type header, the name from the query). */
export function uploadOf(request: FastifyRequest<{ Querystring: { fileName: string } }>): UploadedFile {
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  return { fileName: request.query.fileName, contentType, bytes };
}

/** Sends stored bytes as a download under their original (possibly Vietnamese) name. */
export function sendFile(reply: FastifyReply, file: { readonly content_type: string; readonly file_name: string; readonly content: Buffer }) {
  return reply.type(file.content_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`).send(file.content);
}
