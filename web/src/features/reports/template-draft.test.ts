import { describe, expect, it } from 'vitest';
import { blankDefinition, blankIndicator, createRequestOf, draftProblems, freshCode, moveBy, patchAt, removeAt, type TemplateHeader, withSource } from './template-draft.ts';

describe('list edits', () => {
  it('move an item up and down, and not past the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('patch and remove one item without touching the others', () => {
    const list = [{ k: 1 }, { k: 2 }];
    expect(patchAt(list, 1, { k: 5 })).toEqual([{ k: 1 }, { k: 5 }]);
    expect(removeAt(list, 0)).toEqual([{ k: 2 }]);
    expect(list).toEqual([{ k: 1 }, { k: 2 }]);
  });

  it('give a new item a code not yet taken', () => {
    expect(freshCode('muc', [])).toBe('muc_1');
    expect(freshCode('muc', ['muc_2', 'muc_3'])).toBe('muc_4');
    expect(freshCode('muc', ['muc_1', 'muc_3'])).toBe('muc_4');
    expect(freshCode('muc', ['muc_3', 'x'])).toBe('muc_4');
    expect(freshCode('muc', ['muc_1', 'x'])).toBe('muc_3');
  });
});

describe('withSource', () => {
  it('drops the formula of an indicator filled from the registry, and keeps it when entered again', () => {
    const computed = { ...blankIndicator([]), formula: 'a + b' };
    expect(withSource(computed, 'members_at_end')).toMatchObject({ source: 'members_at_end', formula: null });
    expect(withSource(computed, null)).toMatchObject({ source: null, formula: 'a + b' });
  });
});

describe('draftProblems', () => {
  it('finds bad codes and empty names, placed 1-based', () => {
    const definition = blankDefinition();
    const indicator = { ...blankIndicator([]), label: 'Kết nạp', breakdown: [{ key: 'Xa', label: '' }] };
    const problems = draftProblems({ sections: [{ key: 'ket_qua', title: ' ', required: true }], indicators: [indicator], rules: [{ code: 'r1', check: '', message: 'Sai' }] });
    expect(problems).toEqual([
      { problem: 'noName', place: { part: 'section', n: 1 } },
      { problem: 'badCode', place: { part: 'breakdown', n: 1, m: 1 }, code: 'Xa' },
      { problem: 'noName', place: { part: 'breakdown', n: 1, m: 1 } },
      { problem: 'noCheck', place: { part: 'rule', n: 1 } },
    ]);
    expect(draftProblems(definition)).toEqual([{ problem: 'noName', place: { part: 'indicator', n: 1 } }]);
    expect(draftProblems({ ...definition, indicators: [] })).toEqual([{ problem: 'noIndicator' }]);
  });
});

describe('createRequestOf', () => {
  const header: TemplateHeader = { code: ' BC-QUY ', name: 'Báo cáo quý', frequency: 'quarter', ownerUnitId: '0190a6b2-7c3e-7000-8000-000000000001', assignment: 'children', unitKinds: ['cell'], validFrom: '2027-01-01' };

  it('builds the request with the assignment the form chose', () => {
    const built = createRequestOf(header, blankDefinition());
    expect(built.ok && built.request).toMatchObject({ code: 'BC-QUY', assignment: { kind: 'children' }, validFrom: '2027-01-01' });
    const kinds = createRequestOf({ ...header, assignment: 'subtree_kinds' }, blankDefinition());
    expect(kinds.ok && kinds.request.assignment).toEqual({ kind: 'subtree_kinds', unitKinds: ['cell'] });
  });

  it('names the fields still to fill', () => {
    expect(createRequestOf({ ...header, code: '', ownerUnitId: null, assignment: 'subtree_kinds', unitKinds: [], validFrom: null }, blankDefinition())).toEqual({ ok: false, missing: ['code', 'owner', 'unitKinds', 'validFrom'] });
  });
});
