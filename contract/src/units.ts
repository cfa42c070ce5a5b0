import { z } from 'zod';
import { isoDate } from './common.ts';

export const unitSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.uuid().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const unitChildrenQuery = z.object({ parentId: z.uuid().optional() });
