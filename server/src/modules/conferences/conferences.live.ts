import { type CheckInEvent, checkInEvent } from '@tcxd/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { startLiveUpdates } from '../../platform/live-updates.ts';

/** A comment line every 25 s keeps proxies from closing a quiet stream. */
const heartbeatMs = 25_000;
/**
 * A stream ends after 30 minutes; the browser's EventSource reconnects at once, and the new
 * request is authenticated again, so a signed-out session does not keep receiving events.
 */
const lifetimeMs = 30 * 60_000;

export interface BoardStreams {
  /** Streams the check-in events of one conference to this reply; `visible` decides which points the viewer may see named. */
  open(reply: FastifyReply, conferenceId: string, topic: string, visible: (unitId: string) => boolean): void;
}

/**
 * The Server-Sent Events side of the live check-in board. Events reach this process through
 * platform/live-updates.ts (PostgreSQL LISTEN/NOTIFY), so a check-in committed by any app
 * process is pushed to the browsers connected to every process.
 */
export async function startBoardStreams(app: FastifyInstance): Promise<BoardStreams> {
  const live = await startLiveUpdates(app.database);
  const open = new Set<() => void>();
  // Open streams would hold the server's close; end them first.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => live.close());
  return {
    open(reply, conferenceId, topic, visible) {
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const send = (name: string, data: unknown) => raw.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      send('ready', { conferenceId });
      const off = live.subscribe(topic, (data) => {
        const parsed = checkInEvent.safeParse(data);
        if (!parsed.success) return;
        const event: CheckInEvent = parsed.data.unitId !== null && visible(parsed.data.unitId) ? parsed.data : { ...parsed.data, unitId: null, connectedAt: null };
        send('check-in', event);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        off();
        raw.end();
      };
      const expiry = setTimeout(end, lifetimeMs);
      open.add(end);
      raw.on('close', end);
    },
  };
}
