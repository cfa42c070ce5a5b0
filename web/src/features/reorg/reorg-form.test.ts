import { reorgOperation } from '@tcxd/contract';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { IncompleteFormError, operationOf, type ReorgForm } from './reorg-form.ts';

const id = (n: number) => `01a210d9-d1fa-7296-9804-${String(n).padStart(12, '0')}`;
const unit = (n: number) => ({ value: id(n), label: `Đơn vị ${n}` });
const base = { effectiveDate: dayjs('2025-07-01'), documentNumber: ' 60-NQ/TW ' };

describe('operationOf', () => {
  it('builds a merge into an existing unit that the contract accepts', () => {
    const form: ReorgForm = { ...base, type: 'merge', sources: [unit(1), unit(2)], target: { mode: 'existing', unit: unit(3) }, note: '  ' };
    const op = operationOf(form, { confirmBackdated: false });
    expect(op).toEqual({
      type: 'merge',
      effectiveDate: '2025-07-01',
      documentNumber: '60-NQ/TW',
      confirmBackdated: false,
      sourceIds: [id(1), id(2)],
      target: { existingId: id(3) },
    });
    expect(reorgOperation.safeParse(op).success).toBe(true);
  });

  it('builds a split with new successors and keeps only the assignments of the current children', () => {
    const form: ReorgForm = {
      ...base,
      type: 'split',
      unit: unit(1),
      successors: [
        { mode: 'create', code: 'A', name: ' Bắc ', kind: 'province', parent: unit(9) },
        { mode: 'existing', unit: unit(4) },
      ],
      assignments: { [id(5)]: 0, [id(6)]: 1, [id(7)]: 1 },
      mainSuccessor: 1,
    };
    const op = operationOf(form, { confirmBackdated: true, childIds: [id(5), id(6)] });
    expect(op).toMatchObject({
      type: 'split',
      confirmBackdated: true,
      successors: [{ create: { code: 'A', name: 'Bắc', kind: 'province' }, parentId: id(9) }, { existingId: id(4) }],
      childAssignments: { [id(5)]: 0, [id(6)]: 1 },
      mainSuccessor: 1,
    });
    expect(reorgOperation.safeParse(op).success).toBe(true);
  });

  it('refuses a split that leaves a child unassigned', () => {
    const form: ReorgForm = { ...base, type: 'split', unit: unit(1), successors: [{ mode: 'existing', unit: unit(2) }, { mode: 'existing', unit: unit(3) }], assignments: {} };
    expect(() => operationOf(form, { confirmBackdated: false, childIds: [id(5)] })).toThrow(IncompleteFormError);
  });

  it('builds create, rename, move and dissolve', () => {
    expect(operationOf({ ...base, type: 'create', parent: unit(1), newUnit: { code: 'X1', name: 'Chi bộ Mới', kind: 'cell' } }, { confirmBackdated: false })).toMatchObject({
      type: 'create',
      unit: { code: 'X1', name: 'Chi bộ Mới', kind: 'cell' },
      parentId: id(1),
    });
    expect(operationOf({ ...base, type: 'rename', unit: unit(1), name: 'Tên mới' }, { confirmBackdated: false })).toMatchObject({ unitId: id(1), name: 'Tên mới' });
    expect(() => operationOf({ ...base, type: 'rename', unit: unit(1), name: ' ' }, { confirmBackdated: false })).toThrow(IncompleteFormError);
    expect(operationOf({ ...base, type: 'move', unit: unit(1), parent: unit(2) }, { confirmBackdated: false })).toMatchObject({ unitId: id(1), parentId: id(2) });
    expect(operationOf({ ...base, type: 'dissolve', unit: unit(1) }, { confirmBackdated: false })).toMatchObject({ type: 'dissolve', unitId: id(1) });
  });

  it('needs a document number', () => {
    expect(() => operationOf({ ...base, documentNumber: '', type: 'dissolve', unit: unit(1) }, { confirmBackdated: false })).toThrow(IncompleteFormError);
  });
});
