import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';

const pdf = 'application/pdf';
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let root: BuiltUnit;
let province: BuiltUnit;
let other: BuiltUnit;
let centre: Agent;
let provincial: Agent;
let stranger: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  province = await buildUnit(db, { parent: root, name: 'Tỉnh ủy Lào Cai', kind: 'province', validFrom: '2008-08-01' });
  other = await buildUnit(db, { name: 'Đảng bộ tỉnh khác', kind: 'province', validFrom: '2008-08-01' });
  const u1 = await buildUser(db, [{ role: 'admin', unit: root }]);
  const u2 = await buildUser(db, [{ role: 'clerk', unit: province }]);
  const u3 = await buildUser(db, [{ role: 'admin', unit: other }]);
  centre = await signIn(t.app, u1.username, u1.password);
  provincial = await signIn(t.app, u2.username, u2.password);
  stranger = await signIn(t.app, u3.username, u3.password);
});
afterAll(() => t.close());

/** Sends raw bytes as an upload, the way the web page does. */
function upload(agent: Agent, url: string, fileName: string, contentType: string, bytes: Buffer) {
  return t.app.inject({ method: 'POST', url: `${url}?fileName=${encodeURIComponent(fileName)}`, cookies: { tcxd_session: agent.token }, headers: { 'x-csrf-token': agent.csrfToken, 'content-type': contentType }, payload: bytes });
}

describe('attachments of documents and task updates', () => {
  it('accepts PDF and Word by content, refuses a renamed file, an Excel sheet and an oversized file in Vietnamese, and audits', async () => {
    const doc = (await centre.request('POST', '/api/documents', { ownerUnitId: root.id, number: '21-KL/TW', issuedOn: '2021-10-25', subject: 'Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng' })).json<{ id: string }>();
    const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const ok = await upload(centre, `/api/documents/${doc.id}/attachments`, 'Kết luận 21.pdf', pdf, pdfBytes);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: 'Kết luận 21.pdf', size: pdfBytes.length, contentType: pdf });

    const renamed = await upload(centre, `/api/documents/${doc.id}/attachments`, 'gia.docx', docx, Buffer.from('MZ this is an executable'));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.body).toContain('Chỉ nhận tệp PDF hoặc Word');
    const sheet = await upload(centre, `/api/documents/${doc.id}/attachments`, 'bang.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect([400, 415]).toContain(sheet.statusCode);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(centre, `/api/documents/${doc.id}/attachments`, 'lon.pdf', pdf, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('lớn hơn 10 MB');

    const view = (await centre.request('GET', `/api/documents/${doc.id}`)).json<{ attachments: { id: string; fileName: string }[] }>();
    expect(view.attachments.map((a) => a.fileName)).toEqual(['Kết luận 21.pdf']);
    const fileId = view.attachments[0]?.id ?? '';
    const down = await centre.request('GET', `/api/documents/attachments/${fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdfBytes)).toBe(true);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('Kết luận 21.pdf'));
    // Not disseminated to the province yet: it cannot see the document nor its file; after dissemination it can.
    expect((await provincial.request('GET', `/api/documents/attachments/${fileId}`)).statusCode).toBe(404);
    await centre.request('POST', `/api/documents/${doc.id}/disseminations`, { fromUnitId: root.id, asOf: '2021-11-01', unitIds: [province.id] });
    expect((await provincial.request('GET', `/api/documents/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await provincial.request('GET', `/api/tasks/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/documents/attachments/${fileId}`)).statusCode).toBe(404);
    // A reader of a disseminated document may not add files to it (the registering unit lies outside its scope).
    expect((await upload(provincial, `/api/documents/${doc.id}/attachments`, 'them.pdf', pdf, pdfBytes)).statusCode).toBe(404);

    const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('entity_id', 'in', [doc.id, fileId]).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['work.attached', 'work.downloaded']));
  });

  it('attaches a Word report to a unit\'s progress update; only that unit writes, readers of the task download', async () => {
    const task = (await centre.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, assignedUnitIds: [province.id], title: 'Rà soát ban thường vụ', dueOn: '2030-01-01' })).json<{ id: string }>();
    const updated = (await provincial.request('POST', `/api/tasks/${task.id}/updates`, { unitId: province.id, progress: 40, note: 'Đã rà soát 4/10 huyện' })).json<{ updates: { id: string }[] }>();
    const updateId = updated.updates[0]?.id ?? '';
    const word = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);
    expect((await upload(stranger, `/api/tasks/updates/${updateId}/attachments`, 'bao-cao.docx', docx, word)).statusCode).toBe(404);
    const ok = await upload(provincial, `/api/tasks/updates/${updateId}/attachments`, 'Báo cáo tiến độ.docx', docx, word);
    expect(ok.statusCode, ok.body).toBe(201);
    const view = (await centre.request('GET', `/api/tasks/${task.id}`)).json<{ updates: { id: string; attachments: { id: string; fileName: string }[] }[] }>();
    const files = view.updates.find((u) => u.id === updateId)?.attachments ?? [];
    expect(files.map((f) => f.fileName)).toEqual(['Báo cáo tiến độ.docx']);
    const down = await centre.request('GET', `/api/tasks/attachments/${files[0]?.id ?? ''}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(word)).toBe(true);
    expect((await stranger.request('GET', `/api/tasks/attachments/${files[0]?.id ?? ''}`)).statusCode).toBe(404);
  });

  it('removes a file: only writers of the unit that stored it, audited; the other parent kind and strangers get 404', async () => {
    const doc = (await centre.request('POST', '/api/documents', { ownerUnitId: root.id, number: '22-KL/TW', issuedOn: '2021-11-01', subject: 'Kết luận gỡ tệp' })).json<{ id: string }>();
    const pdfBytes = Buffer.from('%PDF-1.7\n%%EOF\n');
    const docFile = (await upload(centre, `/api/documents/${doc.id}/attachments`, 'Gỡ.pdf', pdf, pdfBytes)).json<{ id: string }>();
    await centre.request('POST', `/api/documents/${doc.id}/disseminations`, { fromUnitId: root.id, asOf: '2021-11-02', unitIds: [province.id] });
    expect((await provincial.request('DELETE', `/api/documents/attachments/${docFile.id}`)).statusCode).toBe(404);
    expect((await stranger.request('DELETE', `/api/documents/attachments/${docFile.id}`)).statusCode).toBe(404);
    expect((await centre.request('DELETE', `/api/tasks/attachments/${docFile.id}`)).statusCode).toBe(404);
    expect((await centre.request('DELETE', `/api/documents/attachments/${docFile.id}`)).statusCode).toBe(200);
    expect((await centre.request('GET', `/api/documents/${doc.id}`)).json<{ attachments: unknown[] }>().attachments).toEqual([]);
    expect((await centre.request('DELETE', `/api/documents/attachments/${docFile.id}`)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'before']).where('entity_id', '=', docFile.id).where('action', '=', 'work.detached').execute();
    expect(audit).toEqual([{ action: 'work.detached', before: expect.objectContaining({ fileName: 'Gỡ.pdf', documentId: doc.id }) }]);

    const task = (await centre.request('POST', '/api/tasks', { ownerUnitId: root.id, leadUnitId: root.id, assignedUnitIds: [province.id], title: 'Gỡ tệp báo cáo', dueOn: '2030-01-01' })).json<{ id: string }>();
    const updateId = (await provincial.request('POST', `/api/tasks/${task.id}/updates`, { unitId: province.id, progress: 10 })).json<{ updates: { id: string }[] }>().updates[0]?.id ?? '';
    const own = (await upload(provincial, `/api/tasks/updates/${updateId}/attachments`, 'Nhầm.pdf', pdf, pdfBytes)).json<{ id: string }>();
    expect((await stranger.request('DELETE', `/api/tasks/attachments/${own.id}`)).statusCode).toBe(404);
    expect((await provincial.request('DELETE', `/api/tasks/attachments/${own.id}`)).statusCode).toBe(200);
    const view = (await centre.request('GET', `/api/tasks/${task.id}`)).json<{ updates: { id: string; attachments: unknown[] }[] }>();
    expect(view.updates.find((u) => u.id === updateId)?.attachments).toEqual([]);
  });
});
