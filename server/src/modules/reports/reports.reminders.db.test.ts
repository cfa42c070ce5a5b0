import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import { addDays } from '../../rules/reports/report-periods.ts';
import { monthlyDefinitionV2 } from '../../seed/demo-report-template.ts';
import { sendDueReminders } from './reports.reminders.service.ts';

/** A local SMTP sink: speaks just enough SMTP to accept messages and keeps them. */
function smtpSink(): Promise<{ port: number; messages: { from: string; to: string; data: string }[]; close: () => Promise<void> }> {
  const messages: { from: string; to: string; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: '', data: '' };
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          messages.push(current);
          current = { from: '', to: '', data: '' };
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (line.startsWith('EHLO')) socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (line.startsWith('MAIL FROM:')) {
          current.from = line.slice(10);
          socket.write('250 ok\r\n');
        } else if (line.startsWith('RCPT TO:')) {
          current.to = line.slice(8);
          socket.write('250 ok\r\n');
        } else if (line === 'DATA') {
          inData = true;
          socket.write('354 go\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('500 ?\r\n');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

let t: TestApp;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let centre: Agent;
let units: BuiltUnit[];
let templateId = '';
const today = todayVn();

beforeAll(async () => {
  sink = await smtpSink();
  t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'tcxd@btctw.test' });
  const db = t.database.db;
  const root = await buildUnit(db, { name: 'Trung ương (thử nhắc)', kind: 'root' });
  units = await Promise.all(['Đảng bộ tỉnh Sơn La', 'Đảng bộ tỉnh Điện Biên', 'Đảng bộ tỉnh Lai Châu'].map((name) => buildUnit(db, { parent: root, name, kind: 'province' })));
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  for (const [i, unit] of units.entries()) {
    const user = await buildUser(db, [{ role: 'clerk', unit }]);
    await db.updateTable('app_user').set({ email: `van.thu${i}@tinh.test` }).where('id', '=', user.id).execute();
  }
  const created = await centre.request('POST', '/api/reports/templates', { ownerUnitId: root.id, code: `NHAC-${root.code}`, name: 'Báo cáo tháng', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2020-01-01', definition: monthlyDefinitionV2 });
  templateId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

async function adHoc(label: string, dueOffset: number, lockOffset: number): Promise<string> {
  const res = await centre.request('POST', '/api/reports/periods', { templateId, kind: 'ad_hoc', label, startsOn: addDays(today, -30), endsOn: addDays(today, -1), opensOn: addDays(today, -10), dueOn: addDays(today, dueOffset), locksOn: addDays(today, lockOffset) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('reminders', () => {
  it('"remind all missing" says how many units were reminded, in the app and by e-mail through SMTP', async () => {
    const periodId = await adHoc('Nhắc tay', 5, 15);
    // One unit has sent: only the other two are reminded.
    const opened = await centre.request('POST', `/api/reports/periods/${periodId}/submissions`, { unitId: units[0]?.id });
    const draft = opened.json<{ id: string; version: number }>();
    const saved = await centre.request('PUT', `/api/reports/submissions/${draft.id}`, { version: draft.version, values: { 'admitted.commune': 1, removed: 0 }, narrative: { results: 'Tốt', next_tasks: 'Tiếp tục' } });
    expect((await centre.request('POST', `/api/reports/submissions/${draft.id}/submit`, { version: saved.json<{ version: number }>().version })).statusCode).toBe(200);
    const before = sink.messages.length;
    const res = await centre.request('POST', `/api/reports/periods/${periodId}/reminders`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 2, notified: 2, emailed: 2 });
    const mails = sink.messages.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['<van.thu1@tinh.test>', '<van.thu2@tinh.test>']);
    expect(mails[0]?.from).toBe('<tcxd@btctw.test>');
    const body = Buffer.from(/\r\n\r\n([\s\S]*)$/.exec(mails[0]?.data ?? '')?.[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
    expect(body).toContain('Nhắc tay');
    expect(mails[0]?.data).toContain('Subject: =?UTF-8?B?');
    const audit = await t.database.db.selectFrom('audit_log').select('after').where('entity_id', '=', periodId).where('action', '=', 'report.remind_manual').execute();
    expect(audit).toHaveLength(1);
  });

  it('sends the automatic before-due and overdue reminders once each', async () => {
    const soon = await adHoc('Sắp đến hạn', 2, 12);
    const overdue = await adHoc('Quá hạn', -2, 8);
    const first = await sendDueReminders(t.database.db, t.app.config.smtp, today);
    expect(first.units).toBeGreaterThanOrEqual(6);
    const again = await sendDueReminders(t.database.db, t.app.config.smtp, today);
    expect(again.units).toBe(0);
    const kinds = await t.database.db.selectFrom('report_reminder').select(['period_id', 'kind']).where('period_id', 'in', [soon, overdue]).execute();
    expect(kinds.filter((k) => k.period_id === soon).map((k) => k.kind)).toEqual(['before_due', 'before_due', 'before_due']);
    expect(kinds.filter((k) => k.period_id === overdue).map((k) => k.kind)).toEqual(['overdue', 'overdue', 'overdue']);
  });
});
