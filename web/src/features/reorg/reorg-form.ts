import type { ReorgOperation, UnitKind } from '@tcxd/contract';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from '../../app/format.ts';
import type { UnitChoice } from '../units/unit-choice.ts';

export type OperationType = ReorgOperation['type'];

/** The operations in the order the wizard offers them. */
export const operationTypes: readonly OperationType[] = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'];

/** A unit to be founded by the operation. */
export interface NewUnitField {
  readonly code?: string;
  readonly name?: string;
  readonly kind?: UnitKind;
  readonly parent?: UnitChoice | null;
}

/** Where units go: an existing unit, or a new one. */
export interface SuccessorField extends NewUnitField {
  readonly mode: 'existing' | 'create';
  readonly unit?: UnitChoice | null;
}

/** The wizard's form; which fields count depends on the operation. */
export interface ReorgForm {
  readonly type: OperationType;
  readonly effectiveDate: Dayjs;
  readonly documentNumber: string;
  readonly note?: string;
  /** rename, move, split, dissolve: the unit concerned */
  readonly unit?: UnitChoice | null;
  /** create: the parent of the new unit; move: the new parent */
  readonly parent?: UnitChoice | null;
  /** create */
  readonly newUnit?: NewUnitField;
  /** rename: the new name and/or kind */
  readonly name?: string;
  readonly kind?: UnitKind | null;
  /** merge */
  readonly sources?: readonly UnitChoice[];
  readonly target?: SuccessorField;
  /** split */
  readonly successors?: readonly SuccessorField[];
  /** split: child id → index of the successor it goes to */
  readonly assignments?: Readonly<Record<string, number | undefined>>;
  readonly mainSuccessor?: number;
}

/** A form left incomplete (the form's own rules normally catch this first). */
export class IncompleteFormError extends Error {
  constructor(readonly field: string) {
    super(`missing ${field}`);
    this.name = 'IncompleteFormError';
  }
}

function need<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) throw new IncompleteFormError(field);
  return value;
}

function text(value: string | undefined, field: string): string {
  return need(value, field).trim();
}

function newUnitOf(field: NewUnitField | undefined, name: string) {
  return {
    unit: { code: text(field?.code, `${name}.code`), name: text(field?.name, `${name}.name`), kind: need(field?.kind, `${name}.kind`) },
    parentId: need(field?.parent, `${name}.parent`).value,
  };
}

function successorOf(field: SuccessorField | undefined, name: string) {
  if (field?.mode === 'existing') return { existingId: need(field.unit, `${name}.unit`).value };
  const { unit, parentId } = newUnitOf(field, name);
  return { create: unit, parentId };
}

interface BuildOptions {
  readonly confirmBackdated: boolean;
  /** split: the children of the unit on the date; assignments of other units are dropped. */
  readonly childIds?: readonly string[];
}

/** The API operation described by the wizard's form. */
export function operationOf(form: ReorgForm, { confirmBackdated, childIds }: BuildOptions): ReorgOperation {
  const note = form.note?.trim();
  const base = {
    effectiveDate: toIsoDate(need(form.effectiveDate, 'effectiveDate')),
    documentNumber: text(form.documentNumber, 'documentNumber'),
    ...(note ? { note } : {}),
    confirmBackdated,
  };
  switch (form.type) {
    case 'create': {
      const { unit, parentId } = newUnitOf({ ...form.newUnit, parent: form.parent ?? null }, 'newUnit');
      return { ...base, type: 'create', unit, parentId };
    }
    case 'rename': {
      const name = form.name?.trim();
      if (!name && !form.kind) throw new IncompleteFormError('name');
      return { ...base, type: 'rename', unitId: need(form.unit, 'unit').value, ...(name ? { name } : {}), ...(form.kind ? { kind: form.kind } : {}) };
    }
    case 'move':
      return { ...base, type: 'move', unitId: need(form.unit, 'unit').value, parentId: need(form.parent, 'parent').value };
    case 'merge': {
      const sources = need(form.sources, 'sources');
      if (sources.length === 0) throw new IncompleteFormError('sources');
      return { ...base, type: 'merge', sourceIds: sources.map((s) => s.value), target: successorOf(form.target, 'target') };
    }
    case 'split': {
      const successors = need(form.successors, 'successors').map((s, i) => successorOf(s, `successors.${i}`));
      const childAssignments: Record<string, number> = {};
      for (const [childId, index] of Object.entries(form.assignments ?? {})) {
        if (index !== undefined && (!childIds || childIds.includes(childId))) childAssignments[childId] = index;
      }
      for (const childId of childIds ?? []) if (childAssignments[childId] === undefined) throw new IncompleteFormError(`assignments.${childId}`);
      return { ...base, type: 'split', unitId: need(form.unit, 'unit').value, successors, childAssignments, mainSuccessor: form.mainSuccessor ?? 0 };
    }
    case 'dissolve':
      return { ...base, type: 'dissolve', unitId: need(form.unit, 'unit').value };
  }
}
