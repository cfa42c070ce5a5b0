import {
  changePasswordRequest,
  loginRequest,
  okResponse,
  sessionView,
  setLocaleRequest,
  setScopeRequest,
} from '@tcxd/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/request-context.ts';
import { loadSession, sessionCookie } from '../../platform/sessions.ts';
import { presentSession } from './auth.presenter.ts';
import * as service from './auth.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const policy = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.cookieSecure,
    maxAge: app.config.sessionAbsoluteHours * 3600,
  };

  function sessionOf(request: FastifyRequest) {
    if (!request.session) throw new AppError('unauthenticated');
    return request.session;
  }
  function clearCookie(reply: FastifyReply) {
    void reply.clearCookie(sessionCookie, { path: '/' });
  }

  app.post(
    '/login',
    { config: { public: true }, schema: { tags, summary: 'Đăng nhập / Sign in', body: loginRequest, response: { 200: sessionView } } },
    async (request, reply) => {
      const { token } = await service.login(
        app.db,
        { ...policy, lockAfter: app.config.loginLockAfter, ratePerIp: app.config.loginRatePerIp },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
        request.body,
      );
      const session = await loadSession(app.db, token, policy);
      if (!session) throw new AppError('internal');
      void reply.setCookie(sessionCookie, token, cookieOptions);
      return presentSession(session);
    },
  );

  app.get(
    '/me',
    { config: { beforePasswordChange: true }, schema: { tags, summary: 'Phiên hiện tại / Current session', response: { 200: sessionView } } },
    async (request) => presentSession(sessionOf(request)),
  );

  app.post(
    '/logout',
    { config: { beforePasswordChange: true }, schema: { tags, summary: 'Đăng xuất / Sign out', response: { 200: okResponse } } },
    async (request, reply) => {
      await service.logout(app.db, contextOf(request), sessionOf(request).id, false);
      clearCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/logout-all',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'Đăng xuất mọi nơi / Sign out everywhere', response: { 200: z.object({ ended: z.number().int() }) } },
    },
    async (request, reply) => {
      const ended = await service.logout(app.db, contextOf(request), sessionOf(request).id, true);
      clearCookie(reply);
      return { ended };
    },
  );

  app.post(
    '/password',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'Đổi mật khẩu / Change password', body: changePasswordRequest, response: { 200: okResponse } },
    },
    async (request) => {
      await service.changePassword(app.db, contextOf(request), sessionOf(request).id, request.body);
      return { ok: true as const };
    },
  );

  app.put(
    '/scope',
    { schema: { tags, summary: 'Chọn phạm vi làm việc / Choose working scope', body: setScopeRequest, response: { 200: okResponse } } },
    async (request) => {
      await service.setScope(app.db, contextOf(request), sessionOf(request).id, request.body.grantId);
      return { ok: true as const };
    },
  );

  app.put(
    '/locale',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'Chọn ngôn ngữ / Choose language', body: setLocaleRequest, response: { 200: okResponse } },
    },
    async (request) => {
      await service.setLocale(app.db, contextOf(request), request.body.locale);
      return { ok: true as const };
    },
  );
};
