import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { localeFromHeader } from './messages.ts';
import { loadSession, sessionCookie } from './sessions.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The context of an authenticated request (routes that are not public always have one). */
export function contextOf(request: FastifyRequest): Context {
  if (!request.context) throw new AppError('unauthenticated');
  return request.context;
}

/**
 * Loads the session of every /api request; refuses non-public routes without one (401),
 * state-changing requests without the session's CSRF token (403), and anything but the
 * password change while a new password is required.
 */
export const requestContextPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('session', null);
  app.decorateRequest('context', null);
  const policy = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config;
    const token = request.cookies[sessionCookie];
    const session = token ? await loadSession(app.db, token, policy) : null;
    request.session = session;
    if (session) {
      // Every log line of the request names the user: each user action is in the log.
      request.log = request.log.child({ userId: session.user.id, user: session.user.username });
      request.context = {
        actor: {
          kind: 'user',
          userId: session.user.id,
          username: session.user.username,
          fullName: session.user.fullName,
          grants: session.grants,
          activeGrantId: session.activeGrantId,
        },
        requestId: request.id,
        ip: request.ip,
        locale: localeFromHeader(request.headers['accept-language']),
      };
    }
    if (access.public) return;
    if (!session) throw new AppError('unauthenticated');
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf');
    }
    if (session.user.mustChangePassword && !access.beforePasswordChange) {
      throw new AppError('password_change_required');
    }
  });
});
