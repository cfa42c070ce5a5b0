import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser } from '../../../test/factories.ts';
import { notifyUsers } from '../../platform/notifications.ts';

let t: TestApp;
let mine: Agent;
let myId: string;
let otherId: string;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = t.database.db;
  const unit = await buildUnit(db, { name: 'Đảng bộ tỉnh Cao Bằng' });
  const me = await buildUser(db, [{ role: 'clerk', unit }]);
  const other = await buildUser(db, [{ role: 'clerk', unit }]);
  myId = me.id;
  otherId = other.id;
  mine = await signIn(t.app, me.username, me.password);
  const note = (userId: string, title: string) => ({ userId, kind: 'report_due', title, body: 'Báo cáo tháng sắp đến hạn', link: null });
  await notifyUsers(db, [note(myId, 'Nhắc báo cáo 1'), note(myId, 'Nhắc báo cáo 2'), note(otherId, 'Nhắc báo cáo của người khác')]);
});
afterAll(() => t.close());

describe('notifications', () => {
  it('lists only my notices, marks them read with an audit row, and leaves others alone', async () => {
    const list = (await mine.request('GET', '/api/notifications')).json<{ items: { id: string; title: string }[]; unread: number }>();
    expect(list.items.map((n) => n.title).sort()).toEqual(['Nhắc báo cáo 1', 'Nhắc báo cáo 2']);
    expect(list.unread).toBe(2);
    const db = t.database.db;
    const others = await db.selectFrom('notification').select('id').where('user_id', '=', otherId).execute();
    const ids = [...list.items.map((n) => n.id), ...others.map((o) => o.id)];
    expect((await mine.request('POST', '/api/notifications/read', { ids })).statusCode).toBe(200);
    expect((await mine.request('GET', '/api/notifications')).json<{ unread: number }>().unread).toBe(0);
    const stillUnread = await db.selectFrom('notification').select('read_at').where('user_id', '=', otherId).executeTakeFirstOrThrow();
    expect(stillUnread.read_at).toBeNull();
    const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'notification.read').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ marked: 2 });
    // Marking again changes nothing and writes no audit row.
    await mine.request('POST', '/api/notifications/read', { ids });
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'notification.read').execute()).toHaveLength(1);
  });
});
