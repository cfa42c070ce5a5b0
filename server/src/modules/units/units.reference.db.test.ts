import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories.ts';
import { systemContext } from '../../platform/context.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { applyReference2025, seedReferenceTop } from '../../seed/reference.ts';
import { ensureRootUnit } from './units.service.ts';

let t: TestApp;
let admin: Agent;
let rootId: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemContext('test-seed');
  rootId = await ensureRootUnit(t.database.db, ctx);
  await seedReferenceTop(t.database.db, ctx);
  await applyReference2025(t.database.db, ctx);
  const rows = await t.database.db.selectFrom('org_unit').select(['id', 'code']).execute();
  for (const r of rows) ids.set(r.code, r.id);
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: { id: rootId, code: 'TW', name: 'TW', path: '' } }]);
  admin = await signIn(t.app, user.username, user.password);
}, 180_000);
afterAll(() => t.close());

const under = async (asOf: string) => (await admin.request('GET', `/api/units?parentId=${rootId}&asOf=${asOf}`)).json() as { id: string; name: string; code: string }[];

describe('the reference structure and the real 2025 changes', () => {
  it('has 67 organisations directly under the Centre in 2024 and 40 today', async () => {
    expect(await under('2024-01-01')).toHaveLength(67);
    expect(await under('2025-02-02')).toHaveLength(67);
    expect(await under('2025-02-03')).toHaveLength(69);
    expect(await under('2025-06-30')).toHaveLength(69);
    expect(await under('2025-07-01')).toHaveLength(40);
    expect(await under('2026-11-25')).toHaveLength(40);
  });

  it('keeps Hà Giang under the Centre on 30-6-2025 and inside Tuyên Quang from 1-7-2025', async () => {
    const haGiang = ids.get('02') ?? '';
    const before = (await admin.request('GET', `/api/units/${haGiang}?asOf=2025-06-30`)).json();
    expect(before).toMatchObject({ name: 'Đảng bộ tỉnh Hà Giang', existsAsOf: true, ancestors: [{ code: 'TW' }] });
    const after = (await admin.request('GET', `/api/units/${haGiang}?asOf=2025-07-01`)).json();
    expect(after).toMatchObject({ existsAsOf: false, validTo: '2025-07-01', successor: { name: 'Đảng bộ tỉnh Tuyên Quang' } });
    expect(after.timeline.map((e: { event: string; date: string; documentNumber: string }) => [e.event, e.date, e.documentNumber])).toEqual([
      ['created', '2021-01-01', 'Dữ liệu tham chiếu 2021'],
      ['merged_into', '2025-07-01', '60-NQ/TW'],
    ]);
    expect(after.timeline[1].detail).toBe('Sáp nhập vào Đảng bộ tỉnh Tuyên Quang');
    const inEnglish = await t.app.inject({ method: 'GET', url: `/api/units/${haGiang}?asOf=2025-07-01`, cookies: { tcxd_session: admin.token }, headers: { 'accept-language': 'en' } });
    expect(inEnglish.json().timeline.map((e: { detail: string }) => e.detail)).toEqual(['Created', 'Merged into Đảng bộ tỉnh Tuyên Quang']);
    const tuyenQuang = (await admin.request('GET', `/api/units/${ids.get('08')}`)).json();
    expect(tuyenQuang.timeline.at(-1)).toMatchObject({ event: 'absorbed', detail: 'Tiếp nhận (sáp nhập) Đảng bộ tỉnh Hà Giang' });
  });

  it('renames Thừa Thiên Huế to Huế on 1-1-2025 and Yên Bái becomes Lào Cai on 1-7-2025', async () => {
    const hue = ids.get('46') ?? '';
    expect((await admin.request('GET', `/api/units/${hue}?asOf=2024-12-31`)).json().name).toBe('Đảng bộ tỉnh Thừa Thiên Huế');
    expect((await admin.request('GET', `/api/units/${hue}?asOf=2025-01-01`)).json().name).toBe('Đảng bộ thành phố Huế');
    const yenBai = ids.get('15') ?? '';
    expect((await admin.request('GET', `/api/units/${yenBai}?asOf=2025-06-30`)).json().name).toBe('Đảng bộ tỉnh Yên Bái');
    expect((await admin.request('GET', `/api/units/${yenBai}?asOf=2025-07-01`)).json().name).toBe('Đảng bộ tỉnh Lào Cai');
  });

  it('replaces the two central blocs by four committees on 3-2-2025', async () => {
    const names = (await under('2025-02-03')).map((u) => u.code);
    expect(names).toEqual(expect.arrayContaining(['CQDTW', 'CP', 'QH', 'MTTQ', 'QD', 'CATW']));
    expect(names).not.toContain('KCQTW');
    expect((await under('2025-02-02')).map((u) => u.code)).toEqual(expect.arrayContaining(['KCQTW', 'KDNTW']));
  });

  it('finds units with or without diacritics and by code', async () => {
    const plain = (await admin.request('GET', '/api/units/search?q=ha%20giang')).json();
    expect(plain.map((u: { name: string }) => u.name)).toContain('Đảng bộ tỉnh Hà Giang');
    const accented = (await admin.request('GET', `/api/units/search?q=${encodeURIComponent('Hà Giang')}`)).json();
    expect(accented.map((u: { code: string }) => u.code)).toContain('02');
    expect((await admin.request('GET', '/api/units/search?q=08')).json()[0].code).toBe('08');
    const existing2024 = (await admin.request('GET', '/api/units/search?q=giang&kind=province&asOf=2024-01-01')).json();
    expect(existing2024.map((u: { code: string }) => u.code).sort()).toEqual(['02', '24', '82', '89', '91', '93'].sort());
  });

  it('lists the units in Vietnamese alphabetical order', async () => {
    const names = (await under('2024-01-01')).map((u) => u.name).filter((n) => n.startsWith('Đảng bộ tỉnh'));
    expect(names.indexOf('Đảng bộ tỉnh Điện Biên')).toBeGreaterThan(names.indexOf('Đảng bộ tỉnh Cao Bằng'));
    expect(names.indexOf('Đảng bộ tỉnh Điện Biên')).toBeLessThan(names.indexOf('Đảng bộ tỉnh Gia Lai'));
  });

  it('audited every change in an intact chain', async () => {
    const merges = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'unit.merge').execute();
    // 23 provincial merges (29 provinces into 23 others) and Khối Doanh nghiệp into Đảng bộ Chính phủ.
    expect(merges.length).toBe(24);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('database constraints', () => {
  it('refuses overlapping versions of one unit even when written directly', async () => {
    const unitId = ids.get('01') ?? '';
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('org_unit_version')
          .values({ id: '01a2f000-0000-7000-8000-000000000001', unit_id: unitId, name: 'Bản chồng lấn', kind: 'province', parent_id: rootId, valid_from: '2023-01-01', valid_to: '2023-06-01', change_id: null })
          .execute();
      }),
    ).rejects.toThrow(/org_unit_version_no_overlap/);
  });
});
