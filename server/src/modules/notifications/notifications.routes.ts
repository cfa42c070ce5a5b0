import { markReadRequest, notificationList, okResponse } from '@tcxd/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/request-context.ts';
import { markMyNotificationsRead, myNotifications } from './notifications.service.ts';

const tags = ['notifications'];

/** The signed-in user's own in-app notifications (no one else's: the user id comes from the session). */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: { tags, summary: 'Thông báo của tôi / My notifications', response: { 200: notificationList } } }, async (request) => {
    const { rows, unread } = await myNotifications(app.db, contextOf(request));
    return { items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at.toISOString(), readAt: r.read_at ? r.read_at.toISOString() : null })), unread };
  });
  app.post('/read', { schema: { tags, summary: 'Đánh dấu đã đọc / Mark read', body: markReadRequest, response: { 200: okResponse } } }, async (request) => {
    await markMyNotificationsRead(app.db, contextOf(request), request.body.ids);
    return { ok: true as const };
  });
};
