import { confidenceVoteSetupRequest, electionSetupRequest, taskCreateRequest, templateCreateRequest } from '@tcxd/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVote } from '../src/modules/confidence/confidence.service.ts';
import { createDocument, disseminate } from '../src/modules/documents/documents.service.ts';
import { attachToDocument } from '../src/modules/documents/work-attachments.service.ts';
import { createConference } from '../src/modules/conferences/conferences.service.ts';
import { createElection } from '../src/modules/elections/elections.service.ts';
import { createGroup } from '../src/modules/emulation/emulation.service.ts';
import { importsSettled } from '../src/modules/members/members.import-jobs.ts';
import { addAttachment } from '../src/modules/reports/reports.attachments.service.ts';
import { openSubmission } from '../src/modules/reports/reports.submissions.service.ts';
import { createPeriod, createTemplate } from '../src/modules/reports/reports.templates.service.ts';
import { addUpdate, createTask } from '../src/modules/tasks/tasks.service.ts';
import { systemContext } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { createTestApp, signIn, type Agent, type TestApp } from './app.ts';
import { buildMember, buildUnit, buildUser, type BuiltUnit, type BuiltUser } from './factories.ts';

/**
 * Walks every registered API route. New routes are picked up automatically; a route with
 * an :id must declare its entity (config.entity) and a way to find a foreign record below,
 * and a state-changing route without an :id must have a foreign-data probe below.
 */

interface Fixture {
  readonly unitA: BuiltUnit;
  readonly unitB: BuiltUnit;
  readonly cellB: BuiltUnit;
  readonly userB: BuiltUser;
  readonly userB2: BuiltUser;
  readonly groupB: string;
  readonly memberB: string;
  readonly cellA: BuiltUnit;
  readonly importJobB: string;
  readonly electionB: string;
  readonly reportTemplateB: string;
  readonly reportPeriodB: string;
  readonly reportSubmissionB: string;
  readonly reportAttachmentB: string;
  readonly documentB: string;
  readonly disseminationB: string;
  readonly taskB: string;
  readonly conferenceB: string;
  readonly taskUpdateB: string;
  readonly workAttachmentB: string;
  readonly confidenceVoteB: string;
}

/** For each entity kind: the id of a record inside subtree B. */
const foreignRecord: Readonly<Record<string, (f: Fixture) => string>> = {
  user: (f) => f.userB.id,
  unit: (f) => f.cellB.id,
  emulation_group: (f) => f.groupB,
  member: (f) => f.memberB,
  member_import: (f) => f.importJobB,
  election: (f) => f.electionB,
  report_template: (f) => f.reportTemplateB,
  report_period: (f) => f.reportPeriodB,
  report_submission: (f) => f.reportSubmissionB,
  report_attachment: (f) => f.reportAttachmentB,
  party_document: (f) => f.documentB,
  document_dissemination: (f) => f.disseminationB,
  work_task: (f) => f.taskB,
  conference: (f) => f.conferenceB,
  work_task_update: (f) => f.taskUpdateB,
  work_attachment: (f) => f.workAttachmentB,
  confidence_vote: (f) => f.confidenceVoteB,
};

const memberFieldsFor = (name: string) => ({
  fullName: name,
  sex: 'male',
  birthDate: '1990-01-01',
  ethnicity: 'Kinh',
});

const renameForeign = (f: Fixture) => ({
  operation: { type: 'rename', unitId: f.cellB.id, name: 'Tên mới', effectiveDate: '2025-01-01', documentNumber: '01-QĐ/TU' },
});
const moveForeignUnder = (f: Fixture) => ({
  operation: { type: 'move', unitId: f.cellB.id, parentId: f.unitA.id, effectiveDate: '2025-01-01', documentNumber: '01-QĐ/TU' },
});

/** For state-changing routes without an :id: a body that targets subtree B, and the expected refusal. */
type Probe =
  | {
      body: (f: Fixture) => unknown;
      status: number;
      query?: string;
      contentType?: string;
      /** For work accepted and done in the background: checks afterwards that nothing of subtree B was touched. */
      verify?: (f: Fixture) => Promise<void>;
    }
  | 'self';
const foreignProbe: Readonly<Record<string, Probe>> = {
  'POST /api/auth/login': 'self',
  'POST /api/auth/logout': 'self',
  'POST /api/auth/logout-all': 'self',
  'POST /api/auth/password': 'self',
  'PUT /api/auth/locale': 'self',
  'PUT /api/auth/scope': { body: () => ({ grantId: '00000000-0000-7000-8000-000000000000' }), status: 404 },
  'POST /api/units/reorganisations/preview': { body: renameForeign, status: 404 },
  'POST /api/units/reorganisations': { body: moveForeignUnder, status: 404 },
  'POST /api/units/import': {
    body: (f) => `Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ\nX1,Chi bộ lạ,cell,${f.cellB.code},01/01/2024\n`,
    query: '?format=csv&dryRun=true&documentNumber=1-QD%2FTU',
    contentType: 'text/csv',
    status: 404,
  },
  'POST /api/members/imports': {
    body: (f) => `Họ và tên,Giới tính,Ngày sinh,Dân tộc,Ngày vào Đảng,Mã chi bộ\nXâm Nhập Nhập Khẩu,Nam,01/01/1990,Kinh,01/01/2015,${f.cellB.code}\n`,
    query: '?format=csv&dryRun=false',
    contentType: 'text/csv',
    status: 202,
    verify: async () => {
      await importsSettled();
      const planted = await t.database.db.selectFrom('party_member').select('id').where('full_name', '=', 'Xâm Nhập Nhập Khẩu').execute();
      expect(planted).toEqual([]);
    },
  },
  'POST /api/emulation-groups': {
    body: (f) => ({ kind: 'cluster', name: 'Cụm xâm nhập', year: 2024, members: [{ unitId: f.unitA.id }, { unitId: f.unitB.id }] }),
    status: 404,
  },
  'POST /api/members': {
    body: (f) => ({ fields: memberFieldsFor('Xâm Nhập'), opening: { kind: 'record_opened', date: '2024-01-01', cellId: f.cellB.id, admittedOn: '2015-01-01', fullMemberSince: '2016-01-01' } }),
    status: 404,
  },
  'POST /api/elections': {
    body: (f) => electionSetupFor(f.cellB.id, f.userB.id, [f.userB.id, f.userB2.id]),
    status: 404,
  },
  'POST /api/reports/templates': {
    body: (f) => ({ ownerUnitId: f.unitB.id, code: 'XAM-NHAP', name: 'Biểu mẫu xâm nhập', frequency: 'month', assignment: { kind: 'children' }, validFrom: '2024-01-01', definition: reportDefinition }),
    status: 404,
  },
  'POST /api/reports/templates/check': 'self',
  'POST /api/reports/periods': { body: (f) => ({ templateId: f.reportTemplateB, kind: 'month', year: 2024, index: 2 }), status: 404 },
  'POST /api/notifications/read': 'self',
  'POST /api/documents': { body: (f) => ({ ownerUnitId: f.unitB.id, number: '99-KL/TU', issuedOn: '2024-01-01', subject: 'Xâm nhập' }), status: 404 },
  'POST /api/confidence-votes': { body: (f) => confidenceSetupFor(f.cellB.id, f.userB.id, [f.userB.id, f.userB2.id]), status: 404 },
  'POST /api/conferences': { body: (f) => ({ hostUnitId: f.unitA.id, kind: 'thematic', title: 'Xâm nhập', startsAt: '2024-01-01T01:00:00Z', hostPoint: 'X', mode: 'online', unitIds: [f.cellB.id] }), status: 404 },
  'POST /api/tasks': { body: (f) => ({ ownerUnitId: f.unitA.id, leadUnitId: f.cellB.id, title: 'Xâm nhập', dueOn: '2030-01-01' }), status: 404 },
  'POST /api/users': {
    body: (f) => ({ username: 'xam.nhap', fullName: 'Xâm Nhập', grants: [{ role: 'admin', unitId: f.cellB.id }] }),
    status: 404,
  },
};

/** A valid body for :id routes that take one, so that validation cannot mask a missing scope check. */
const validBody: Readonly<Record<string, (f: Fixture) => unknown>> = {
  'PATCH /api/users/:id': () => ({ fullName: 'Tên Mới' }),
  'PUT /api/users/:id/grants': (f) => ({ grants: [{ role: 'viewer', unitId: f.unitA.id }] }),
  'PUT /api/units/:id/contact': () => ({ phone: '0203 3856 123', email: null, address: null }),
  'PUT /api/emulation-groups/:id': (f) => ({ kind: 'cluster', name: 'Cụm A', year: 2024, members: [{ unitId: f.unitA.id }, { unitId: f.unitA.id }] }),
  'POST /api/emulation-groups/:id/next-year': (f) => ({ headUnitId: f.unitA.id, deputyUnitIds: [] }),
  'PUT /api/members/:id': () => ({ fields: memberFieldsFor('Tên Mới'), rowVersion: 1 }),
  'PUT /api/elections/:id': (f) => electionSetupFor(f.cellB.id, f.userB.id, [f.userB.id, f.userB2.id]),
  'PUT /api/elections/:id/figures': () => ({ issued: 10, returned: 10, notReturned: 0 }),
  'POST /api/elections/:id/entries': () => ({ ballotNumber: 1, ballot: { kind: 'marked', struck: [0] } }),
  'POST /api/elections/:id/resolutions': () => ({ ballotNumber: 1, ballot: { kind: 'marked', struck: [0] }, note: 'Theo phiếu gốc' }),
  'POST /api/elections/:id/next-round': () => ({}),
  'PUT /api/confidence-votes/:id/figures': () => ({ issued: 10, returned: 10, notReturned: 0 }),
  'POST /api/confidence-votes/:id/entries': () => ({ ballotNumber: 1, ballot: { kind: 'marked', levels: ['high', 'low'] } }),
  'POST /api/confidence-votes/:id/resolutions': () => ({ ballotNumber: 1, ballot: { kind: 'marked', levels: ['high', 'low'] }, note: 'Theo phiếu gốc' }),
  'POST /api/reports/templates/:id/versions': () => ({ validFrom: '2030-01-01', definition: reportDefinition }),
  'POST /api/reports/periods/:id/submissions': (f) => ({ unitId: f.cellB.id }),
  'POST /api/reports/periods/:id/reminders': () => ({}),
  'POST /api/reports/periods/:id/unlocks': (f) => ({ unitId: f.cellB.id, until: '2099-01-01', reason: 'Xâm nhập' }),
  'PUT /api/reports/submissions/:id': () => ({ version: 1, values: { removed: 1 }, narrative: {} }),
  'POST /api/reports/submissions/:id/submit': () => ({ version: 1 }),
  'POST /api/reports/submissions/:id/return': () => ({ version: 1, comment: 'Xâm nhập' }),
  'POST /api/reports/submissions/:id/accept': () => ({ version: 1 }),
  'POST /api/documents/:id/relations': (f) => ({ kind: 'guides', targetId: f.documentB }),
  'POST /api/documents/:id/disseminations': (f) => ({ fromUnitId: f.unitA.id, asOf: '2024-06-01', unitIds: [f.cellA.id] }),
  'POST /api/documents/disseminations/:id/reports': (f) => ({ unitId: f.cellA.id, disseminatedOn: '2024-06-01' }),
  'PUT /api/conferences/:id/agenda': () => ({ items: [] }),
  'POST /api/conferences/:id/points': (f) => ({ add: [f.cellA.id] }),
  'POST /api/conferences/:id/confirmations': (f) => ({ unitId: f.cellA.id, chair: 'Xâm Nhập', attendees: 1, contact: '0900' }),
  'POST /api/conferences/:id/check-ins': (f) => ({ unitId: f.cellA.id }),
  'PUT /api/conferences/:id/conclusion': (f) => ({ summary: 'Xâm nhập', items: [{ text: 'Xâm nhập', leadUnitId: f.cellA.id, dueOn: '2030-01-01' }] }),
  'PUT /api/tasks/:id': (f) => ({ title: 'Xâm nhập', leadUnitId: f.cellA.id, dueOn: '2030-01-01' }),
  'POST /api/tasks/:id/updates': (f) => ({ unitId: f.cellA.id, progress: 10 }),
  'POST /api/members/:id/events': (f) => ({ event: { kind: 'transfer_in', date: '2025-01-01', cellId: f.cellA.id }, rowVersion: 1 }),
};



/** A one-indicator report template. */
const reportDefinition = { sections: [], indicators: [{ code: 'removed', label: 'Xóa tên', type: 'integer' }] };

/** A valid election setup of a unit: 3 seats, 4 candidates. */
const electionSetupFor = (unitId: string, headUserId: string, operatorIds: string[]) => ({
  unitId, title: 'Bầu cử Ban Chấp hành', body: 'committee', heldOn: '2025-06-01', seats: 3,
  candidates: ['Ứng Viên Một', 'Ứng Viên Hai', 'Ứng Viên Ba', 'Ứng Viên Bốn'].map((fullName) => ({ fullName, memberId: null })),
  floorNominations: [], convened: 10, votersPresent: 10, exclusions: [],
  committee: [{ fullName: 'Trưởng Ban Kiểm', memberId: null, role: 'head' }], headUserId, operatorIds, tiePolicy: 'further_round', acceptWarnings: true,
});

/** A valid confidence-vote setup of a unit: two persons assessed. */
const confidenceSetupFor = (unitId: string, headUserId: string, operatorIds: string[]) => ({
  unitId, title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ', heldOn: '2025-06-01', persons: [{ fullName: 'Người Được Lấy Phiếu', post: 'Bí thư' }, { fullName: 'Người Thứ Hai', post: 'Phó Bí thư' }],
  convened: 10, present: 10, committee: [{ fullName: 'Trưởng Ban Kiểm', role: 'head' }], headUserId, operatorIds,
});

const apiRoute = (method: string, url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs') && method !== 'HEAD' && method !== 'OPTIONS';

let t: TestApp;
let fixture: Fixture;
let agentA: Agent;
let tokenA = '';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const unitA = await buildUnit(db, { name: 'Đảng bộ tỉnh Hà Giang' });
  const unitB = await buildUnit(db, { name: 'Đảng bộ tỉnh Tuyên Quang' });
  const cellB = await buildUnit(db, { parent: unitB, name: 'Chi bộ thôn Nà Hang' });
  const userB = await buildUser(db, [{ role: 'admin', unit: unitB }]);
  const userA = await buildUser(db, [{ role: 'admin', unit: unitA }]);
  const unitB2 = await buildUnit(db, { name: 'Đảng bộ tỉnh Bắc Kạn' });
  const groupB = await createGroup(db, systemContext('test'), { kind: 'cluster', name: 'Cụm B', year: 2024, note: null, members: [{ unitId: unitB.id, role: 'head' }, { unitId: unitB2.id, role: 'member' }] });
  const cellA = await buildUnit(db, { parent: unitA, name: 'Chi bộ thôn Lũng Cú' });
  const memberB = await buildMember(db, cellB);
  const importJobB = newId();
  await db.insertInto('member_import_job').values({ id: importJobB, status: 'done', phase: 'finished', dry_run: true, file_name: 'b.csv', format: 'csv', created_by: userB.id, report: Buffer.from('x') }).execute();
  const userB2 = await buildUser(db, [{ role: 'clerk', unit: unitB }]);
  const electionB = await createElection(db, systemContext('test'), electionSetupRequest.parse(electionSetupFor(cellB.id, userB.id, [userB.id, userB2.id])));
  const reportTemplateB = await createTemplate(db, systemContext('test'), templateCreateRequest.parse({ ownerUnitId: unitB.id, code: `B-${unitB.code}`, name: 'Báo cáo chi bộ', frequency: 'month', assignment: { kind: 'subtree_kinds', unitKinds: ['cell'] }, validFrom: '2020-01-01', definition: reportDefinition }));
  const reportPeriodB = await createPeriod(db, systemContext('test'), { templateId: reportTemplateB.id, kind: 'month', year: 2024, index: 1, locksOn: '2099-01-01' });
  const reportSubmissionB = await openSubmission(db, systemContext('test'), reportPeriodB.id, cellB.id);
  const reportAttachmentB = await addAttachment(db, systemContext('test'), reportSubmissionB.id, { fileName: 'b.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 b') });
  const documentB = await createDocument(db, systemContext('test'), { ownerUnitId: unitB.id, number: '98-KL/TU', issuedOn: '2024-01-01', subject: 'Kết luận B', summary: null });
  const disseminationB = (await disseminate(db, systemContext('test'), documentB.id, { fromUnitId: unitB.id, asOf: '2024-02-01', unitIds: [] })).disseminations[0]?.id ?? '';
  const confidenceVoteB = await createVote(db, systemContext('test'), confidenceVoteSetupRequest.parse(confidenceSetupFor(cellB.id, userB.id, [userB.id, userB2.id])));
  const taskB = await createTask(db, systemContext('test'), taskCreateRequest.parse({ ownerUnitId: unitB.id, leadUnitId: cellB.id, assignedUnitIds: [cellB.id], title: 'Nhiệm vụ B', dueOn: '2030-01-01' }));
  const taskUpdateB = (await addUpdate(db, systemContext('test'), taskB.id, { kind: 'progress', unitId: cellB.id, status: null, progress: 10, note: null })).updates[0]?.id ?? '';
  const workAttachmentB = (await attachToDocument(db, systemContext('test'), documentB.id, { fileName: 'b.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 b') })).id;
  const conferenceB = await createConference(db, systemContext('test'), { hostUnitId: unitB.id, kind: 'thematic', title: 'Hội nghị B', startsAt: '2024-01-01T01:00:00Z', hostPoint: 'Tuyên Quang', mode: 'online', videoLink: null, reportPeriodId: null, unitIds: [cellB.id], confirmBy: null, chairName: null, chairTitle: null });
  fixture = { unitA, unitB, cellB, userB, userB2, groupB: groupB.id, memberB: memberB.id, cellA, importJobB, electionB: electionB.id, reportTemplateB: reportTemplateB.id, reportPeriodB: reportPeriodB.id, reportSubmissionB: reportSubmissionB.id, reportAttachmentB: reportAttachmentB.id, documentB: documentB.id, disseminationB, taskB: taskB.id, conferenceB: conferenceB.id, taskUpdateB, workAttachmentB, confidenceVoteB: confidenceVoteB.id };
  agentA = await signIn(t.app, userA.username, userA.password);
  tokenA = agentA.token;
});
afterAll(() => t.close());

function routes() {
  return t.app.routeCatalog.filter((r) => apiRoute(r.method, r.url));
}

function fill(url: string, id: string): string {
  return url.replace(/:id\b/g, id);
}

describe('every API route', () => {
  it('has routes to walk', () => {
    expect(routes().length).toBeGreaterThan(10);
  });

  it('answers 401 without a session unless it is public', async () => {
    for (const route of routes()) {
      if (route.access.public) continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.url, fixture.userB.id), payload: route.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 404 for a record of another subtree, on every route with an :id', async () => {
    for (const route of routes().filter((r) => r.url.includes(':'))) {
      const label = `${route.method} ${route.url}`;
      expect(route.access.entity, `${label} must declare config.entity`).toBeDefined();
      const find = foreignRecord[route.access.entity ?? ''];
      expect(find, `${label}: add a foreign record for entity ${route.access.entity}`).toBeDefined();
      const id = find?.(fixture) ?? '';
      const body = validBody[label];
      if (route.hasBody) expect(body, `${label}: add a valid body`).toBeDefined();
      const res = await agentA.request(route.method as 'GET', fill(route.url, id), body ? body(fixture) : undefined);
      expect(res.statusCode, `${label} -> ${res.body}`).toBe(404);
    }
  });

  it('leaks no record of another subtree through a list', async () => {
    const foreignIds = [fixture.unitB.id, fixture.cellB.id, fixture.userB.id, fixture.groupB, fixture.memberB, fixture.importJobB, fixture.electionB, fixture.reportTemplateB, fixture.reportPeriodB, fixture.reportSubmissionB, fixture.reportAttachmentB, fixture.documentB, fixture.disseminationB, fixture.taskB, fixture.conferenceB, fixture.taskUpdateB, fixture.workAttachmentB, fixture.confidenceVoteB];
    for (const route of routes().filter((r) => r.method === 'GET' && !r.url.includes(':'))) {
      const res = await agentA.request('GET', route.url);
      for (const id of foreignIds) expect(res.body, `${route.url} leaks ${id}`).not.toContain(id);
    }
  });

  it('refuses state-changing requests aimed at another subtree', async () => {
    for (const route of routes().filter((r) => r.method !== 'GET' && !r.url.includes(':'))) {
      const label = `${route.method} ${route.url}`;
      const probe = foreignProbe[label];
      expect(probe, `${label}: add a foreign-data probe`).toBeDefined();
      if (!probe || probe === 'self') continue;
      const body = probe.body(fixture);
      const res = probe.contentType
        ? await t.app.inject({
            method: route.method as 'POST',
            url: `${route.url}${probe.query ?? ''}`,
            cookies: { tcxd_session: tokenA },
            headers: { 'x-csrf-token': agentA.csrfToken, 'content-type': probe.contentType },
            payload: String(body),
          })
        : await agentA.request(route.method as 'POST', `${route.url}${probe.query ?? ''}`, body);
      expect(res.statusCode, `${label} -> ${res.body}`).toBe(probe.status);
      await probe.verify?.(fixture);
    }
  });
});
