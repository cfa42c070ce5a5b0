import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';

/**
 * The live check-in board across two app instances on one database: a browser's stream is
 * served by the second instance while the check-ins are committed through the first. On
 * PGlite both share one handle (two instances in one process); with TEST_DATABASE_URL each
 * holds its own LISTEN connection, which is the multi-process path.
 */
let t: TestApp;
let second: FastifyInstance;
let secondUrl = '';
let centre: Agent;
let participant: Agent;
let root: BuiltUnit;
let provinces: BuiltUnit[];

interface Stream {
  next(event: string): Promise<unknown>;
  close(): void;
  readonly status: number;
}

/** Opens an SSE stream over real HTTP and hands out its events in order. */
async function openStream(url: string, token: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie: `tcxd_session=${token}` }, signal: abort.signal });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pending: { event: string; data: unknown }[] = [];
  const read = async (): Promise<void> => {
    if (!reader) throw new Error('no body');
    const chunk = await reader.read();
    if (chunk.done) throw new Error('stream ended');
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) pending.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  };
  return {
    status: res.status,
    async next(event) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const i = pending.findIndex((p) => p.event === event);
        if (i >= 0) return pending.splice(i, 1)[0]?.data;
        if (Date.now() > deadline) throw new Error(`no ${event} event`);
        await read();
      }
    },
    close: () => abort.abort(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  second = await buildApp(loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', LOGIN_RATE_PER_IP: '1000' }), t.database);
  await second.listen({ port: 0, host: '127.0.0.1' });
  const address = second.server.address();
  secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Trung ương (thử điểm danh)', kind: 'root' });
  provinces = [];
  for (const name of ['Đảng bộ tỉnh Quảng Ninh', 'Đảng bộ thành phố Hải Phòng', 'Đảng bộ tỉnh Ninh Bình']) provinces.push(await buildUnit(db, { parent: root, name, kind: 'province' }));
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  const [p0] = provinces;
  if (!p0) throw new Error('no province');
  const clerk = await buildUser(db, [{ role: 'clerk', unit: p0 }]);
  participant = await signIn(t.app, clerk.username, clerk.password);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('live check-in board', () => {
  it('pushes each committed check-in to the streams served by the other instance, naming only the points a viewer may see', async () => {
    const created = await centre.request('POST', '/api/conferences', {
      hostUnitId: root.id, kind: 'quarterly_review', title: 'Hội nghị trực tuyến sơ kết công tác quý I năm 2024', startsAt: '2024-04-01T01:00:00.000Z',
      hostPoint: 'Hội trường Ban Tổ chức Trung ương', mode: 'online',
    });
    const id = created.json().id;
    const board = await openStream(`${secondUrl}/api/conferences/${id}/live`, centre.token);
    const own = await openStream(`${secondUrl}/api/conferences/${id}/live`, participant.token);
    expect(board.status).toBe(200);
    await board.next('ready');
    await own.next('ready');

    const [p0, p1] = provinces;
    const first = await participant.request('POST', `/api/conferences/${id}/check-ins`, { unitId: p0?.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(await board.next('check-in')).toMatchObject({ unitId: p0?.id, connected: 1, points: 3 });
    expect(await own.next('check-in')).toMatchObject({ unitId: p0?.id, connected: 1 });

    // The host marks another point: the participant learns the count, not which point.
    await centre.request('POST', `/api/conferences/${id}/check-ins`, { unitId: p1?.id });
    expect(await board.next('check-in')).toMatchObject({ unitId: p1?.id, connected: 2 });
    expect(await own.next('check-in')).toEqual({ unitId: null, connectedAt: null, connected: 2, points: 3 });
    // A participant may not mark a point other than its own.
    expect((await participant.request('POST', `/api/conferences/${id}/check-ins`, { unitId: provinces[2]?.id })).statusCode).toBe(404);

    const view = (await centre.request('GET', `/api/conferences/${id}`)).json();
    expect(view.connected).toBe(2);
    board.close();
    own.close();
  });

  it('answers 404 on the stream of a conference outside the scope', async () => {
    const created = await centre.request('POST', '/api/conferences', { hostUnitId: root.id, kind: 'thematic', title: 'Hội nghị chuyên đề', startsAt: '2024-05-01T01:00:00.000Z', hostPoint: 'Hà Nội', mode: 'in_person', unitIds: [provinces[2]?.id] });
    const stream = await openStream(`${secondUrl}/api/conferences/${created.json().id}/live`, participant.token);
    expect(stream.status).toBe(404);
    stream.close();
  });
});
