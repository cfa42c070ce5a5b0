import type { ReorgOperation, UnitKind } from '@tcxd/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VersionStore, type Version } from './units.history.ts';
import { canContain } from './units.kinds.ts';
import { type Plan, planOperation } from './units.plan.ts';

function makeWorld() {
  let n = 0;
  const newId = () => `00000000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
  const names = new Map<string, string>();
  const codes = new Set<string>();
  const root: Version = { id: newId(), unitId: newId(), name: 'Trung ương', kind: 'root', parentId: null, validFrom: '1930-02-03', validTo: null, changeId: null };
  names.set(root.unitId, root.name);
  codes.add('TW');
  const store = new VersionStore([root], newId);
  const apply = (op: ReorgOperation): Plan => {
    const plan = planOperation(
      { store, changeId: newId(), locale: 'vi', newId, codeTaken: (c) => codes.has(c), nameOf: (id) => names.get(id) ?? id },
      op,
    );
    for (const u of plan.createdUnits) {
      if (plan.refusals.length === 0) {
        names.set(u.id, u.name);
        codes.add(u.code);
      }
    }
    return plan;
  };
  return { store, root: root.unitId, apply, names };
}

const base = { documentNumber: '01-QĐ/TW', confirmBackdated: false };

describe('planOperation: the real 2025 changes', () => {
  it('merges Hà Giang into Tuyên Quang on 1-7-2025: both exist before, one after, the cells follow', () => {
    const w = makeWorld();
    const create = (code: string, name: string, kind: UnitKind, parentId: string, date = '2021-01-01') => {
      const plan = w.apply({ ...base, type: 'create', effectiveDate: date, unit: { code, name, kind }, parentId });
      expect(plan.refusals).toEqual([]);
      return plan.createdUnits[0]?.id ?? '';
    };
    const haGiang = create('02', 'Đảng bộ tỉnh Hà Giang', 'province', w.root);
    const tuyenQuang = create('08', 'Đảng bộ tỉnh Tuyên Quang', 'province', w.root);
    const xa = create('02-001', 'Đảng bộ xã Lũng Cú', 'grassroots_committee', haGiang);
    const plan = w.apply({ ...base, type: 'merge', effectiveDate: '2025-07-01', sourceIds: [haGiang], target: { existingId: tuyenQuang } });
    expect(plan.refusals).toEqual([]);
    expect(w.store.versionAt(haGiang, '2025-06-30')?.parentId).toBe(w.root);
    expect(w.store.versionAt(haGiang, '2025-07-01')).toBeUndefined();
    expect(w.store.versionAt(xa, '2025-06-30')?.parentId).toBe(haGiang);
    expect(w.store.versionAt(xa, '2025-07-01')?.parentId).toBe(tuyenQuang);
    expect(w.store.childrenAt(w.root, '2024-01-01').sort()).toEqual([haGiang, tuyenQuang].sort());
    expect(w.store.childrenAt(w.root, '2025-07-01')).toEqual([tuyenQuang]);
    expect(plan.events.map((e) => [w.names.get(e.unitId), e.event])).toEqual([
      ['Đảng bộ xã Lũng Cú', 'moved'],
      ['Đảng bộ tỉnh Hà Giang', 'merged_into'],
      ['Đảng bộ tỉnh Tuyên Quang', 'absorbed'],
    ]);
  });

  it('renames Thừa Thiên Huế to Huế from 1-1-2025 and keeps the old name before', () => {
    const w = makeWorld();
    const hue = w.apply({ ...base, type: 'create', effectiveDate: '2021-01-01', unit: { code: '46', name: 'Đảng bộ tỉnh Thừa Thiên Huế', kind: 'province' }, parentId: w.root }).createdUnits[0]?.id ?? '';
    expect(w.apply({ ...base, type: 'rename', effectiveDate: '2025-01-01', unitId: hue, name: 'Đảng bộ thành phố Huế' }).refusals).toEqual([]);
    expect(w.store.versionAt(hue, '2024-12-31')?.name).toBe('Đảng bộ tỉnh Thừa Thiên Huế');
    expect(w.store.versionAt(hue, '2025-01-01')?.name).toBe('Đảng bộ thành phố Huế');
  });
});

describe('planOperation: refusals', () => {
  function setup() {
    const w = makeWorld();
    const mk = (code: string, name: string, kind: UnitKind, parentId: string, date = '2020-01-01') =>
      w.apply({ ...base, type: 'create', effectiveDate: date, unit: { code, name, kind }, parentId }).createdUnits[0]?.id ?? '';
    const p = mk('P', 'Tỉnh ủy P', 'province', w.root);
    const q = mk('Q', 'Tỉnh ủy Q', 'province', w.root);
    const g = mk('G', 'Đảng bộ cơ sở G', 'grassroots_committee', p);
    const c = mk('C', 'Chi bộ C', 'cell', g);
    return { w, p, q, g, c, mk };
  }
  const codes = (plan: Plan) => plan.refusals.map((r) => r.code);

  it('refuses a unit under itself and a cycle through a descendant', () => {
    const { w, p, g } = setup();
    expect(codes(w.apply({ ...base, type: 'move', effectiveDate: '2022-01-01', unitId: g, parentId: g }))).toContain('cycle');
    expect(codes(w.apply({ ...base, type: 'move', effectiveDate: '2022-01-01', unitId: p, parentId: g }))).toContain('cycle');
  });

  it('refuses a move into a dissolved unit and into a kind that cannot hold it', () => {
    const { w, q, g, c, mk } = setup();
    const x = mk('X', 'Đảng bộ cơ sở X', 'grassroots_committee', q);
    expect(w.apply({ ...base, type: 'dissolve', effectiveDate: '2023-01-01', unitId: x }).refusals).toEqual([]);
    expect(codes(w.apply({ ...base, type: 'move', effectiveDate: '2024-01-01', unitId: c, parentId: x }))).toContain('ended');
    expect(codes(w.apply({ ...base, type: 'move', effectiveDate: '2022-01-01', unitId: c, parentId: x }))).toContain('parent_ends');
    expect(codes(w.apply({ ...base, type: 'move', effectiveDate: '2022-01-01', unitId: g, parentId: c }))).toContain('kind_not_allowed');
  });

  it('refuses dates before the unit existed and a dissolution with children', () => {
    const { w, g } = setup();
    expect(codes(w.apply({ ...base, type: 'rename', effectiveDate: '2019-01-01', unitId: g, name: 'Mới' }))).toEqual(['before_start']);
    const plan = w.apply({ ...base, type: 'dissolve', effectiveDate: '2022-01-01', unitId: g });
    expect(codes(plan)).toEqual(['has_children']);
    expect(plan.refusals[0]?.message).toContain('còn 1 đơn vị trực thuộc (Chi bộ C');
  });

  it('asks for confirmation before back-dating under later changes', () => {
    const { w, g } = setup();
    expect(w.apply({ ...base, type: 'rename', effectiveDate: '2024-01-01', unitId: g, name: 'Tên 2024' }).refusals).toEqual([]);
    const plan = w.apply({ ...base, type: 'rename', effectiveDate: '2022-01-01', unitId: g, name: 'Tên 2022' });
    expect(codes(plan)).toEqual(['backdated']);
    expect(plan.refusals[0]?.message).toBe('Đảng bộ cơ sở G đã có thay đổi sau ngày 01/01/2022; cần xác nhận ghi lùi ngày');
    expect(w.apply({ ...base, confirmBackdated: true, type: 'rename', effectiveDate: '2022-01-01', unitId: g, name: 'Tên 2022' }).refusals).toEqual([]);
    expect(w.store.versionAt(g, '2023-01-01')?.name).toBe('Tên 2022');
    expect(w.store.versionAt(g, '2024-06-01')?.name).toBe('Tên 2024');
  });

  it('refuses a split that leaves a child without a successor, and a taken code', () => {
    const { w, g, p } = setup();
    const plan = w.apply({
      ...base,
      type: 'split',
      effectiveDate: '2022-01-01',
      unitId: g,
      successors: [
        { create: { code: 'G1', name: 'G1', kind: 'grassroots_committee' }, parentId: p },
        { create: { code: 'P', name: 'G2', kind: 'grassroots_committee' }, parentId: p },
      ],
      childAssignments: {},
      mainSuccessor: 0,
    });
    expect(codes(plan).sort()).toEqual(['code_taken', 'unassigned_child']);
  });
});

/** Every date a version starts or ends on, plus one far in the past. */
function boundaryDates(store: VersionStore): string[] {
  const dates = new Set(['1900-01-01']);
  for (const id of store.unitIds()) for (const v of store.versionsOf(id)) {
    dates.add(v.validFrom);
    if (v.validTo) dates.add(v.validTo);
  }
  return [...dates];
}

function assertTree(store: VersionStore): void {
  for (const id of store.unitIds()) {
    const list = store.versionsOf(id);
    for (let i = 0; i < list.length; i += 1) {
      const v = list[i] as Version;
      if (v.validTo !== null) expect(v.validFrom < v.validTo, `empty version of ${id}`).toBe(true);
      const next = list[i + 1];
      if (next) expect(v.validTo !== null && v.validTo <= next.validFrom, `overlap in ${id}`).toBe(true);
    }
  }
  for (const date of boundaryDates(store)) {
    for (const id of store.unitIds()) {
      const v = store.versionAt(id, date);
      if (!v?.parentId) continue;
      expect(store.versionAt(v.parentId, date), `parent of ${id} missing on ${date}`).toBeDefined();
      expect(store.ancestorsAt(id, date).cycle, `cycle at ${id} on ${date}`).toBe(false);
    }
  }
}

const kinds: readonly UnitKind[] = ['province', 'upper_grassroots', 'grassroots_committee', 'sub_committee', 'cell'];
const step = fc.record({
  // Creations are drawn more often so that the other operations have units to work on.
  type: fc.integer({ min: 0, max: 8 }).map((x) => Math.max(0, x - 3)),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  // Few distinct dates, so that operations meet each other's history.
  day: fc.integer({ min: 0, max: 11 }).map((x) => x * 300),
  confirm: fc.boolean(),
});

function dateOf(day: number): string {
  return new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** A small starting structure (3 provinces, 2 levels below each) so every operation has material. */
function seedTree(w: ReturnType<typeof makeWorld>): void {
  let n = 0;
  const add = (parentId: string, kind: UnitKind): string =>
    w.apply({ ...base, type: 'create', effectiveDate: '2019-01-01', unit: { code: `S${(n += 1)}`, name: `Gốc ${n}`, kind }, parentId }).createdUnits[0]?.id ?? '';
  for (let p = 0; p < 3; p += 1) {
    const province = add(w.root, 'province');
    for (let u = 0; u < 2; u += 1) {
      const upper = add(province, 'upper_grassroots');
      for (let g = 0; g < 2; g += 1) add(add(upper, 'grassroots_committee'), 'cell');
    }
  }
}

describe('planOperation: property', () => {
  it('keeps, on every date, a tree in which each unit has at most one parent', () => {
    const stats: number[] = [];
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const w = makeWorld();
        seedTree(w);
        let k = 0;
        for (const s of steps) {
          const date = dateOf(s.day);
          const all = w.store.unitIds();
          const alive = all.filter((id) => w.store.versionAt(id, date));
          const kindOf = (id: string) => w.store.versionAt(id, date)?.kind ?? 'cell';
          const pick = <T,>(list: readonly T[], x: number, fallback: T): T => (list.length ? (list[x % list.length] as T) : fallback);
          const unit = pick(alive.filter((id) => id !== w.root), s.a, pick(all, s.a, w.root));
          const holders = (kind: UnitKind) => alive.filter((id) => canContain(kindOf(id), kind));
          const otherHolders = (id: string) => holders(kindOf(id)).filter((h) => h !== id && h !== w.store.versionAt(id, date)?.parentId);
          const movable = pick(alive.filter((id) => otherHolders(id).length > 0), s.a, unit);
          const peers = alive.filter((id) => id !== unit && kindOf(id) === kindOf(unit));
          const parent = pick(alive, s.a, w.root);
          const newKind = pick(kinds.filter((kd) => canContain(kindOf(parent), kd)), s.b, 'province');
          const common = { ...base, effectiveDate: date, confirmBackdated: s.confirm };
          k += 1;
          const ops: ReorgOperation[] = [
            { ...common, type: 'create', unit: { code: `U${k}`, name: `Đơn vị ${k}`, kind: newKind }, parentId: parent },
            { ...common, type: 'rename', unitId: unit, name: `Tên ${k}` },
            {
              ...common,
              type: 'move',
              unitId: movable,
              parentId: pick(otherHolders(movable), s.b, w.root),
            },
            { ...common, type: 'merge', sourceIds: [unit], target: { existingId: pick(peers, s.b, w.root) } },
            {
              ...common,
              type: 'split',
              unitId: unit,
              successors: [{ existingId: pick(peers, s.b, w.root) }, { existingId: pick(peers, s.c, w.root) }],
              childAssignments: Object.fromEntries(w.store.childrenAt(unit, date).map((c, i) => [c, i % 2])),
              mainSuccessor: 0,
            },
            { ...common, type: 'dissolve', unitId: unit },
          ];
          const before = JSON.stringify(w.store.diff());
          const plan = w.apply(ops[s.type] as ReorgOperation);
          stats[s.type] = (stats[s.type] ?? 0) + (plan.refusals.length === 0 ? 1 : 0);
          if (plan.refusals.length > 0) expect(JSON.stringify(w.store.diff())).toBe(before);
        }
        assertTree(w.store);
      }),
      { numRuns: 200 },
    );
    // The generator must exercise every operation, not only refusals.
    for (let type = 0; type < 6; type += 1) expect(stats[type] ?? 0, `accepted operations of type ${type}`).toBeGreaterThan(20);
  }, 120_000);
});
