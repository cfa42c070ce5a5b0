import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../../../test/app.ts';
import { buildUnit, buildUser, type BuiltUnit } from '../../../test/factories.ts';
import { todayVn } from '../../platform/today.ts';
import { type SubtreeUnit, subtreeAsOf } from './units.repository.ts';

let t: TestApp;
let root: BuiltUnit;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  root = await buildUnit(t.database.db, { name: 'Ban Chấp hành Trung ương', kind: 'root', validFrom: '1930-02-03' });
  const user = await buildUser(t.database.db, [{ role: 'admin', unit: root }]);
  admin = await signIn(t.app, user.username, user.password);
});
afterAll(() => t.close());

async function reorganise(operation: Record<string, unknown>): Promise<void> {
  const res = await admin.request('POST', '/api/units/reorganisations', { operation: { documentNumber: '15-QĐ/TU', confirmBackdated: true, ...operation } });
  expect(res.statusCode, res.body).toBe(201);
}

const subtree = async (scope: readonly string[], rootId: string, date: string) =>
  (await subtreeAsOf(t.database.db, scope, rootId, date)).sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));

const unit = (u: BuiltUnit, kind: string, parentId: string, depth: number, validTo: string | null = null): SubtreeUnit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind,
  parent_id: parentId,
  valid_from: '2020-01-01',
  valid_to: validTo,
  depth,
});

describe('subtree of a unit as of a date', () => {
  it('follows moves and dissolutions, filters by scope, keeps free-text codes and names exactly, and answers alike whether or not later changes are pending', async () => {
    const db = t.database.db;
    const a = await buildUnit(db, { parent: root, kind: 'province', code: 'A,1;"x"', name: 'Tỉnh ủy "Phú", Bình; mới\n2' });
    const g = await buildUnit(db, { parent: a, kind: 'grassroots_committee', code: 'A.G', name: 'Đảng bộ xã, "Hòa" \\ An' });
    const c = await buildUnit(db, { parent: g, kind: 'cell', code: 'A.G.C' });
    const ended = await buildUnit(db, { parent: a, kind: 'grassroots_cell', code: 'A.E' });
    const b = await buildUnit(db, { parent: root, kind: 'province', code: 'B' });
    await reorganise({ type: 'dissolve', effectiveDate: '2022-01-01', unitId: ended.id });
    await reorganise({ type: 'move', effectiveDate: '2024-01-01', unitId: g.id, parentId: b.id });

    const before = [unit(a, 'province', root.id, 0), unit(g, 'grassroots_committee', a.id, 1), unit(c, 'cell', g.id, 2)];
    expect(await subtree([''], a.id, '2021-06-01')).toEqual([before[0], unit(ended, 'grassroots_cell', a.id, 1, '2022-01-01'), ...before.slice(1)]);
    expect(await subtree([''], a.id, '2023-06-01')).toEqual(before);
    const today = todayVn();
    const bToday = [unit(b, 'province', root.id, 0), unit(g, 'grassroots_committee', b.id, 1), unit(c, 'cell', g.id, 2)];
    expect(await subtree([''], a.id, today)).toEqual([before[0]]);
    expect(await subtree([''], b.id, today)).toEqual(bToday);

    // Scope is the latest structure: g and c now belong to B's subtree.
    expect(await subtree([b.path], a.id, '2023-06-01')).toEqual(before.slice(1));
    expect(await subtree([a.path], a.id, '2023-06-01')).toEqual([before[0]]);
    expect(await subtree([b.path], a.id, today)).toEqual([]);

    // A change decided for later: today's structure is no longer the latest one.
    await reorganise({ type: 'move', effectiveDate: '2099-01-01', unitId: g.id, parentId: a.id });
    expect(await subtree([''], b.id, today)).toEqual(bToday);
    expect(await subtree([''], a.id, today)).toEqual([before[0]]);
    expect(await subtree([''], a.id, '2099-06-01')).toEqual(before);
    expect(await subtree([''], a.id, '2019-06-01')).toEqual([]);
  });
});
