import type { ErrorCode, ErrorResponse } from '@tcxd/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue, statusOf } from './errors.ts';
import { localeFromHeader, messageOf } from './messages.ts';

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: { params?: Readonly<Record<string, string | number>>; issues?: readonly FieldIssue[]; retryAfterSeconds?: number } = {},
): FastifyReply {
  const locale = request.context?.locale ?? localeFromHeader(request.headers['accept-language']);
  const body: ErrorResponse = {
    error: {
      code,
      message: messageOf(code, locale, { ...extra.params, requestId: request.id }),
      requestId: request.id,
      ...(extra.issues ? { issues: [...extra.issues] } : {}),
      ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
    },
  };
  if (extra.retryAfterSeconds !== undefined) void reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(statusOf(code)).send(body);
}

/** One place that turns every failure into a status and a localized message; internals stay in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const { params, issues, retryAfterSeconds } = error.options;
      return send(request, reply, error.code, {
        params: { ...params, ...(retryAfterSeconds !== undefined ? { seconds: retryAfterSeconds } : {}) },
        ...(issues ? { issues } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'không hợp lệ',
      }));
      return send(request, reply, 'validation', { issues });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(request, reply, 'payload_too_large');
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'rejected request');
      return send(request, reply, status === 404 ? 'not_found' : 'validation', {
        issues: [{ path: 'request', message: error.message }],
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 'internal');
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 'not_found'));
}
