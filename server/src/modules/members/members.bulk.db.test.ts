import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildMember, buildUnit } from '../../../test/factories.ts';
import { existingIdentities } from './members.bulk.ts';

let t: TestApp;
const people: { id: string; card: string; citizen: string; search: string; birth: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = t.database.db;
  const root = await buildUnit(db, { name: 'Trung ương', kind: 'root', code: 'TW' });
  const cell = await buildUnit(db, { parent: root });
  for (const [i, fullName] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'].entries()) {
    const built = await buildMember(db, cell, { fullName, birthDate: `198${i}-02-0${i + 1}`, citizenId: `00109800000${i}` });
    const row = await db.selectFrom('party_member').select(['id', 'card_number', 'citizen_id', 'search_text', 'birth_date']).where('id', '=', built.id).executeTakeFirstOrThrow();
    people.push({ id: row.id, card: row.card_number ?? '', citizen: row.citizen_id ?? '', search: row.search_text, birth: row.birth_date });
  }
}, 120_000);
afterAll(() => t.close());

const nobody = { cardNumber: null, citizenId: null, searchName: 'khong co ai', birthDate: '1990-01-01' };
const person = (i: number) => people[i] ?? { id: '', card: '', citizen: '', search: '', birth: '' };

describe('members already in the registry (the duplicates of an import)', () => {
  it('finds a member by card number, by citizen id and by name with birth date, each once', async () => {
    const found = await existingIdentities(t.database.db, [
      { ...nobody, cardNumber: person(0).card },
      { ...nobody, citizenId: person(1).citizen },
      { ...nobody, searchName: person(2).search, birthDate: person(2).birth },
      { cardNumber: person(3).card, citizenId: person(3).citizen, searchName: person(3).search, birthDate: person(3).birth },
      nobody,
    ]);
    expect(found.map((m) => m.id).sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('needs both the name and the birth date to match, and finds nobody for an empty batch', async () => {
    expect(await existingIdentities(t.database.db, [{ ...nobody, searchName: person(2).search, birthDate: '1900-01-01' }])).toEqual([]);
    expect(await existingIdentities(t.database.db, [])).toEqual([]);
  });
});
