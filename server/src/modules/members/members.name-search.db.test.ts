import { memberListQuery } from '@tcxd/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildMember, buildUnit, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import * as repo from './members.repository.ts';

let t: TestApp;
let root: BuiltUnit;
let cells: BuiltUnit[];
const today = todayVn();

const families = ['Nguyễn', 'Trần', 'Lê', 'Phùng', 'Ngô', 'Lý'];
const middles = ['Văn', 'Thị', 'Ngọc', 'Xuân'];
const givens = ['Hùng', 'Hưng', 'An', 'Anh', 'Sơn', 'Dung', 'Dũng', 'Lan'];

/** The names of the members, deterministic: every family × middle × given, some twice. */
const names = [
  ...families.flatMap((f, i) => middles.flatMap((m, j) => givens.filter((_g, k) => (i + j + k) % 3 !== 0).map((g) => `${f} ${m} ${g}`))),
  // The same word twice without diacritics: counted once.
  'Phạm Hùng Hưng',
];

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = t.database.db;
  root = await buildUnit(db, { name: 'Trung ương', kind: 'root', code: 'TW' });
  const province = await buildUnit(db, { parent: root, name: 'Đảng bộ tỉnh Ninh Bình', kind: 'province' });
  cells = [await buildUnit(db, { parent: province }), await buildUnit(db, { parent: province })];
  for (const [i, fullName] of names.entries()) await buildMember(db, cells[i % 2] ?? province, { fullName, birthDate: `19${50 + (i % 30)}-03-0${1 + (i % 9)}` });
  await sql`analyze member_search_word`.execute(db);
}, 240_000);
afterAll(() => t.close());

const list = (q: string, over: { unitPath?: string | null; page?: number; pageSize?: number; countLimit?: number } = {}) =>
  repo.listMembers(t.database.db, [root.path], memberListQuery.parse({ q, page: over.page ?? 1, pageSize: over.pageSize ?? 10 }), over.unitPath ?? null, false, today, over.countLimit);

describe('name search over the whole country (the name words)', () => {
  it('finds each typed word at the start of a name word, in order, without diacritics', async () => {
    const found = await list('nguyen hung', { pageSize: 100 });
    const fullNames = found.items.map((m) => m.full_name);
    expect(fullNames.length).toBeGreaterThan(0);
    expect(fullNames.every((n) => /^Nguyễn .*H[ùư]ng$/.test(n))).toBe(true);
    // "hung" is the start of no word of "Phùng …": only Hùng and Hưng.
    const hung = (await list('hung', { pageSize: 200 })).items.map((m) => m.full_name);
    expect(hung.every((n) => /H[ùư]ng$/.test(n))).toBe(true);
    expect(hung.some((n) => n.startsWith('Phùng'))).toBe(true);
    // Words out of order do not match.
    expect((await list('hung nguyen')).total).toBe(0);
  });

  it('gives, page by page, the same members in the same Vietnamese order as the general search, and the same count', async () => {
    for (const q of ['Nguyễn Văn Hùng', 'hung', 'an', 'Lý Sơn', 'thi', 'ng', 'Phùng Xuân', 'dung', 'Ngô Thị Lan', 'khong co ai']) {
      for (const page of [1, 2, 3]) {
        const national = await list(q, { page });
        // With the unit given, the general query (join, trigram and word-start conditions) answers.
        const general = await list(q, { page, unitPath: root.path });
        expect(national.items.map((m) => m.id), `${q} page ${page}`).toEqual(general.items.map((m) => m.id));
        expect(national.total, q).toBe(general.total);
      }
    }
    const capped = await list('ng', { countLimit: 5 });
    expect(capped).toMatchObject({ total: 5, totalCapped: true });
    // Pages within the counted matches and beyond them (walked to their end and counted apart).
    for (const page of [3, 4, 5]) {
      const national = await list('ng', { countLimit: 5, page, pageSize: 2 });
      const general = await list('ng', { countLimit: 5, page, pageSize: 2, unitPath: root.path });
      expect(national.items.map((m) => m.id), `page ${page}`).toEqual(general.items.map((m) => m.id));
      expect(national.items).toHaveLength(2);
      expect(national).toMatchObject({ total: 5, totalCapped: true });
    }
  });

  it('keeps the name words in step with the records: renamed, status changed', async () => {
    const db = t.database.db;
    const member = await buildMember(db, cells[0] ?? root, { fullName: 'Đinh Công Tráng' });
    expect((await list('dinh trang')).items.map((m) => m.id)).toEqual([member.id]);
    await db.updateTable('party_member').set({ full_name: 'Đinh Văn Tráng', search_text: 'dinh van trang' }).where('id', '=', member.id).execute();
    expect((await list('dinh cong')).total).toBe(0);
    expect((await list('dinh van trang')).items.map((m) => m.id)).toEqual([member.id]);
    await db.updateTable('party_member').set({ status: 'removed' }).where('id', '=', member.id).execute();
    expect((await list('dinh van trang')).total).toBe(0);
    const stale = await sql<{ n: number }>`
      select count(*)::int as n from member_search_word w
      where not exists (select 1 from party_member m where m.id = w.member_id and m.search_text = w.search_text and m.sort_key = w.sort_key and m.status = w.status and w.word = any(string_to_array(m.search_text, ' ')))`.execute(db);
    expect(stale.rows[0]?.n).toBe(0);
    const missing = await sql<{ n: number }>`
      select count(*)::int as n from party_member m cross join lateral unnest(string_to_array(m.search_text, ' ')) as word
      where not exists (select 1 from member_search_word w where w.member_id = m.id and w.word = word)`.execute(db);
    expect(missing.rows[0]?.n).toBe(0);
  });
});
