import { z } from 'zod';
import { isoDate } from './common.ts';

/** Kinds of organisation, from the Centre down to the cell. */
export const unitKinds = [
  'root',
  'central_committee',
  'province',
  'upper_grassroots',
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
  'cell',
] as const;
export const unitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKind>;

const unitCode = z.string().trim().min(1).max(40).regex(/^[\p{L}0-9._-]+$/u, 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch');
const unitName = z.string().trim().min(1).max(250);
const documentNumber = z.string().trim().min(1).max(60);

/** Common to every reorganisation: when it takes effect and which document decided it. */
const operationBase = z.object({
  effectiveDate: isoDate,
  documentNumber,
  note: z.string().trim().max(2000).optional(),
  /** Confirms an operation dated before later recorded changes of the same units. */
  confirmBackdated: z.boolean().default(false),
});

export const newUnitSpec = z.object({ code: unitCode, name: unitName, kind: unitKind });

export const reorgOperation = z.discriminatedUnion('type', [
  operationBase.extend({ type: z.literal('create'), unit: newUnitSpec, parentId: z.uuid() }),
  operationBase.extend({
    type: z.literal('rename'),
    unitId: z.uuid(),
    name: unitName.optional(),
    kind: unitKind.optional(),
  }),
  operationBase.extend({ type: z.literal('move'), unitId: z.uuid(), parentId: z.uuid() }),
  operationBase.extend({
    type: z.literal('merge'),
    sourceIds: z.array(z.uuid()).min(1).max(200),
    target: z.union([
      z.object({ existingId: z.uuid() }),
      z.object({ create: newUnitSpec, parentId: z.uuid() }),
    ]),
  }),
  operationBase.extend({
    type: z.literal('split'),
    unitId: z.uuid(),
    successors: z
      .array(z.union([z.object({ existingId: z.uuid() }), z.object({ create: newUnitSpec, parentId: z.uuid() })]))
      .min(2)
      .max(50),
    /** Each child of the split unit (as of the date) and the index of the successor it goes to. */
    childAssignments: z.record(z.uuid(), z.number().int().min(0)),
    /** Index of the successor that the unit's own history rolls up into in today's structure. */
    mainSuccessor: z.number().int().min(0).default(0),
  }),
  operationBase.extend({ type: z.literal('dissolve'), unitId: z.uuid() }),
]);
export type ReorgOperation = z.infer<typeof reorgOperation>;

export const reorgRequest = z.object({ operation: reorgOperation });

export const refusal = z.object({ code: z.string(), message: z.string(), unitId: z.uuid().nullable() });
export type Refusal = z.infer<typeof refusal>;

export const previewItem = z.object({ kind: z.string(), label: z.string(), count: z.number().int(), examples: z.array(z.string()) });

export const reorgPreview = z.object({
  ok: z.boolean(),
  refusals: z.array(refusal),
  /** Plain-language lines: what will happen. */
  summary: z.array(z.string()),
  movedChildren: z.array(z.object({ id: z.uuid(), name: z.string(), from: z.string(), to: z.string() })),
  endedUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdUnits: z.array(z.object({ code: z.string(), name: z.string() })),
  descendantsAffected: z.number().int(),
  /** What other modules' data will follow (members, reports, tasks, accounts …). */
  dependents: z.array(previewItem),
});
export type ReorgPreview = z.infer<typeof reorgPreview>;

export const asOfQuery = z.object({ asOf: isoDate.optional() });

export const unitNode = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.uuid().nullable(),
  childCount: z.number().int(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export type UnitNode = z.infer<typeof unitNode>;

export const unitEvent = z.object({
  id: z.uuid(),
  date: isoDate,
  event: z.enum(['created', 'renamed', 'kind_changed', 'moved', 'merged_into', 'absorbed', 'split_into', 'split_from', 'dissolved']),
  detail: z.string(),
  documentNumber: z.string(),
  relatedUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type UnitEvent = z.infer<typeof unitEvent>;

export const unitDetail = unitNode.extend({
  asOf: isoDate,
  existsAsOf: z.boolean(),
  ancestors: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: unitKind })),
  children: z.array(unitNode),
  successor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
  timeline: z.array(unitEvent),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const unitSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: unitKind.optional(),
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const unitChildrenAsOfQuery = z.object({ parentId: z.uuid().optional(), asOf: isoDate.optional() });

export const updateContactRequest = z.object({
  phone: z.string().trim().max(50).nullable(),
  email: z.email().nullable(),
  address: z.string().trim().max(300).nullable(),
});

export const sheetFormat = z.enum(['xlsx', 'csv']);

export const structureImportQuery = z.object({
  format: sheetFormat,
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  documentNumber: z.string().trim().min(1).max(60),
});

export const structureImportResult = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});

export const structureExportQuery = z.object({ rootId: z.uuid(), asOf: isoDate.optional(), format: sheetFormat.default('xlsx') });
