import { templateCreateRequest } from '@tcxd/contract';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { systemContext } from '../../platform/context.ts';
import { createDocument } from '../documents/documents.service.ts';
import { createPeriod, createTemplate } from '../reports/reports.templates.service.ts';

let t: TestApp;
let centre: Agent;
let twoProvinces: Agent;
let outsider: Agent;
let root: BuiltUnit;
let provinces: BuiltUnit[];
let other: BuiltUnit;
let periodId = '';
let documentId = '';

const conferenceBody = (extra: Record<string, unknown> = {}) => ({
  hostUnitId: root.id,
  kind: 'monthly_briefing',
  title: 'Hội nghị giao ban trực tuyến ngành Tổ chức xây dựng Đảng tháng 1-2021',
  startsAt: '2021-02-05T01:30:00.000Z',
  hostPoint: 'Hội trường Ban Tổ chức Trung ương, Hà Nội',
  mode: 'online',
  videoLink: 'https://hop.dangcongsan.vn/giao-ban',
  confirmBy: '2021-02-03',
  chairName: 'Nguyễn Văn Chủ Trì',
  chairTitle: 'Phó Trưởng ban Thường trực',
  ...extra,
});

/** The text of a .docx (the paragraphs of word/document.xml). */
function docxText(buffer: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml'] ?? new Uint8Array());
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Trung ương (thử hội nghị)', kind: 'root' });
  provinces = [];
  for (const name of ['Đảng bộ tỉnh Hà Giang', 'Đảng bộ tỉnh Tuyên Quang', 'Đảng bộ tỉnh Cao Bằng', 'Đảng bộ tỉnh Lào Cai']) provinces.push(await buildUnit(db, { parent: root, name, kind: 'province' }));
  other = await buildUnit(db, { name: 'Đảng bộ tỉnh ngoài cuộc' });
  const staff = await buildUser(db, [{ role: 'staff', unit: root }]);
  centre = await signIn(t.app, staff.username, staff.password);
  const [p0, p1] = provinces;
  if (!p0 || !p1) throw new Error('no provinces');
  const clerk = await buildUser(db, [{ role: 'clerk', unit: p0 }, { role: 'clerk', unit: p1 }]);
  twoProvinces = await signIn(t.app, clerk.username, clerk.password);
  const stranger = await buildUser(db, [{ role: 'admin', unit: other }]);
  outsider = await signIn(t.app, stranger.username, stranger.password);
  const ctx = systemContext('test');
  const template = await createTemplate(db, ctx, templateCreateRequest.parse({ ownerUnitId: root.id, code: `HN-${root.code}`, name: 'Báo cáo tháng', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2020-01-01', definition: { sections: [], indicators: [{ code: 'removed', label: 'Xóa tên', type: 'integer' }] } }));
  periodId = (await createPeriod(db, ctx, { templateId: template.id, kind: 'month', year: 2021, index: 1, locksOn: '2099-01-01' })).id;
  documentId = (await createDocument(db, ctx, { ownerUnitId: root.id, number: '45-CT/TW', issuedOn: '2020-06-20', subject: 'Chỉ thị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp', summary: null })).id;
});
afterAll(() => t.close());

describe('conferences', () => {
  it('takes the units expected for the period as connection points, with the period’s "N/M reported"', async () => {
    const res = await centre.request('POST', '/api/conferences', conferenceBody({ reportPeriodId: periodId }));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view.pointList.map((p: { unitId: string }) => p.unitId).sort()).toEqual(provinces.map((p) => p.id).sort());
    expect(view.period).toMatchObject({ id: periodId, reported: 0, expected: 4 });
    expect(view.agenda.map((a: { kind: string }) => a.kind)).toEqual(['report', 'conclusion']);
    expect(view.manages).toBe(true);
  });

  it('defaults to the host’s subordinates on the day, refuses a unit outside its subtree and a deadline after the day', async () => {
    const plain = (await centre.request('POST', '/api/conferences', conferenceBody({ kind: 'thematic' }))).json();
    expect(plain.points).toBe(4);
    expect((await centre.request('POST', '/api/conferences', conferenceBody({ unitIds: [other.id] }))).statusCode).toBe(404);
    expect((await centre.request('POST', '/api/conferences', conferenceBody({ confirmBy: '2021-02-06' }))).statusCode).toBe(422);
    // The Centre lies outside a province clerk's scope: hosting there answers like a missing unit.
    expect((await twoProvinces.request('POST', '/api/conferences', conferenceBody())).statusCode).toBe(404);
  });

  it('invites the points, lets a unit confirm its own point only, and shows a participant only its points', async () => {
    const id = (await centre.request('POST', '/api/conferences', conferenceBody({ confirmBy: null }))).json().id;
    const invited = await centre.request('POST', `/api/conferences/${id}/invitations`);
    expect(invited.json().invitationsSent).toBe(true);
    const notices = (await twoProvinces.request('GET', '/api/notifications')).body;
    expect(notices).toContain('Giấy mời');
    const [p0, , p2] = provinces;
    const confirmed = await twoProvinces.request('POST', `/api/conferences/${id}/confirmations`, { unitId: p0?.id, chair: 'Đồng chí Trưởng ban Tổ chức Tỉnh ủy', attendees: 35, contact: '0219 3866 123' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const seen = confirmed.json();
    expect(seen.pointList).toHaveLength(2);
    expect(seen.points).toBe(4);
    expect(seen.confirmed).toBe(1);
    expect(seen.manages).toBe(false);
    expect((await twoProvinces.request('POST', `/api/conferences/${id}/confirmations`, { unitId: p2?.id, chair: 'X', attendees: 3, contact: 'Y' })).statusCode).toBe(404);
    expect((await twoProvinces.request('PUT', `/api/conferences/${id}/agenda`, { items: [] })).statusCode).toBe(403);
    expect((await outsider.request('GET', `/api/conferences/${id}`)).statusCode).toBe(404);
    expect((await outsider.request('GET', '/api/conferences')).body).not.toContain(id);
    const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['conference.created', 'conference.invitations_sent', 'conference.point_confirmed']);
  });

  it('refuses a unit’s confirmation after the deadline', async () => {
    const id = (await centre.request('POST', '/api/conferences', conferenceBody())).json().id;
    const late = await twoProvinces.request('POST', `/api/conferences/${id}/confirmations`, { unitId: provinces[0]?.id, chair: 'X', attendees: 3, contact: 'Y' });
    expect(late.statusCode).toBe(422);
  });

  it('keeps an agenda of the report, documents to disseminate and named contributions', async () => {
    const id = (await centre.request('POST', '/api/conferences', conferenceBody({ reportPeriodId: periodId }))).json().id;
    const items = [
      { kind: 'report', title: 'Báo cáo tổng hợp tháng 1-2021' },
      { kind: 'document', title: 'Quán triệt Chỉ thị', documentId },
      { kind: 'contribution', title: 'Kinh nghiệm kiểm điểm Ban Thường vụ', unitId: provinces[1]?.id, speaker: 'Trưởng ban Tổ chức Tỉnh ủy' },
      { kind: 'conclusion', title: 'Kết luận của đồng chí chủ trì' },
    ];
    const view = (await centre.request('PUT', `/api/conferences/${id}/agenda`, { items })).json();
    expect(view.agenda.map((a: { kind: string }) => a.kind)).toEqual(['report', 'document', 'contribution', 'conclusion']);
    expect(view.agenda[1]).toMatchObject({ documentNumber: '45-CT/TW' });
    expect(view.agenda[2]).toMatchObject({ unitName: 'Đảng bộ tỉnh Tuyên Quang' });
    expect((await centre.request('PUT', `/api/conferences/${id}/agenda`, { items: [{ kind: 'contribution', title: 'X', unitId: other.id }] })).statusCode).toBe(404);
  });

  it('turns the conclusion into tasks with lead units and due dates in one audited step, and prints the papers', async () => {
    const id = (await centre.request('POST', '/api/conferences', conferenceBody({ reportPeriodId: periodId }))).json().id;
    await centre.request('POST', `/api/conferences/${id}/check-ins`, { unitId: provinces[0]?.id });
    const items = [
      { text: 'Phân công công tác đối với Ủy viên Trung ương khóa XIII', leadUnitId: root.id, dueOn: '2021-02-28' },
      { text: 'Chuẩn bị nhân sự bầu cử đại biểu Quốc hội và Hội đồng nhân dân theo Chỉ thị 45-CT/TW, Hướng dẫn 36-HD/BTCTW', leadUnitId: provinces[0]?.id, dueOn: '2021-03-15' },
      { text: 'Xây dựng cơ sở dữ liệu cá nhân và tổ chức', leadUnitId: provinces[1]?.id, dueOn: '2021-06-30' },
    ];
    expect((await centre.request('PUT', `/api/conferences/${id}/conclusion`, { summary: 'Hội nghị thống nhất nhiệm vụ tháng 2-2021.', items: [{ ...items[0], leadUnitId: other.id }] })).statusCode).toBe(404);
    const recorded = (await centre.request('PUT', `/api/conferences/${id}/conclusion`, { summary: 'Hội nghị thống nhất nhiệm vụ tháng 2-2021.', items })).json();
    expect(recorded.conclusions).toHaveLength(3);
    const made = await centre.request('POST', `/api/conferences/${id}/conclusion/tasks`);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().created).toBe(3);
    const tasks = await t.database.db.selectFrom('work_task').select(['id', 'lead_unit_id', 'due_on', 'source_kind', 'source_conclusion_id', 'owner_unit_id']).where('id', 'in', made.json().taskIds).execute();
    expect(tasks.map((x) => [x.lead_unit_id, x.due_on, x.source_kind, x.owner_unit_id]).sort()).toEqual(items.map((i) => [i.leadUnitId, i.dueOn, 'conclusion', root.id]).sort());
    const view = (await centre.request('GET', `/api/conferences/${id}`)).json();
    expect(view.conclusions.every((c: { taskId: string | null }) => c.taskId !== null)).toBe(true);
    const task = (await centre.request('GET', `/api/tasks/${made.json().taskIds[1]}`)).json();
    expect(task).toMatchObject({ sourceKind: 'conclusion', leadUnitName: 'Đảng bộ tỉnh Hà Giang' });
    // The same items are not turned into tasks twice.
    expect((await centre.request('POST', `/api/conferences/${id}/conclusion/tasks`)).statusCode).toBe(422);
    const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('entity_type', 'in', ['conference', 'work_task']).where('action', 'in', ['task.created', 'conference.conclusions_to_tasks']).where('request_id', '=', String(made.headers['x-request-id'])).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['conference.conclusions_to_tasks', 'task.created', 'task.created', 'task.created']);

    const notice = await centre.request('GET', `/api/conferences/${id}/conclusion-notice.docx`);
    expect(notice.headers['content-disposition']).toContain('thong-bao-ket-luan-2021-02-05.docx');
    const noticeText = docxText(notice.rawPayload);
    expect(noticeText).toContain('THÔNG BÁO');
    expect(noticeText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(noticeText).toContain('Chuẩn bị nhân sự bầu cử đại biểu Quốc hội');
    expect(noticeText).toContain('Đảng bộ tỉnh Hà Giang');
    expect(noticeText).toContain('15/03/2021');
    expect(noticeText).toContain('kết nối 1/4 điểm cầu');
    const minutes = docxText((await centre.request('GET', `/api/conferences/${id}/minutes.docx`)).rawPayload);
    expect(minutes).toContain('BIÊN BẢN');
    expect(minutes).toContain('Số điểm cầu đã kết nối: 1/4');
    expect(minutes).toContain('Xây dựng cơ sở dữ liệu cá nhân và tổ chức');
    const invitation = docxText((await centre.request('GET', `/api/conferences/${id}/invitation.docx`)).rawPayload);
    expect(invitation).toContain('GIẤY MỜI');
    expect(invitation).toContain('https://hop.dangcongsan.vn/giao-ban');
    expect(invitation).toContain('Báo cáo tổng hợp kết quả công tác');
    expect((await outsider.request('GET', `/api/conferences/${id}/conclusion-notice.docx`)).statusCode).toBe(404);
  });

  it('makes no task at all when one item cannot become a task', async () => {
    const db = t.database.db;
    const leaving = await buildUnit(db, { parent: root, name: 'Đảng bộ tỉnh sắp chuyển đi', kind: 'province' });
    const id = (await centre.request('POST', '/api/conferences', conferenceBody({ unitIds: [provinces[0]?.id, leaving.id] }))).json().id;
    const items = [
      { text: 'Nội dung thứ nhất', leadUnitId: provinces[0]?.id, dueOn: '2021-03-01' },
      { text: 'Nội dung của đơn vị chuyển đi', leadUnitId: leaving.id, dueOn: '2021-03-01' },
    ];
    expect((await centre.request('PUT', `/api/conferences/${id}/conclusion`, { summary: '', items })).statusCode).toBe(200);
    // The unit leaves the host's subtree after the conference (moved under another organisation).
    await db.updateTable('org_unit').set({ path: `${other.path}.${leaving.path.split('.').at(-1) ?? ''}` }).where('id', '=', leaving.id).execute();
    expect((await centre.request('POST', `/api/conferences/${id}/conclusion/tasks`)).statusCode).toBe(404);
    const made = await db.selectFrom('work_task').select('id').where('source_conclusion_id', 'in', (await db.selectFrom('conference_conclusion').select('id').where('conference_id', '=', id).execute()).map((c) => c.id)).execute();
    expect(made).toEqual([]);
    const linked = await db.selectFrom('conference_conclusion').select('task_id').where('conference_id', '=', id).execute();
    expect(linked.every((c) => c.task_id === null)).toBe(true);
  });
});
