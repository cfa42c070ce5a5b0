import { z } from 'zod';

export const groupKind = z.enum(['cluster', 'bloc']);
export const memberRole = z.enum(['member', 'head', 'deputy']);

const memberInput = z.object({ unitId: z.uuid(), role: memberRole.default('member') });

export const emulationGroupInput = z.object({
  kind: groupKind,
  name: z.string().trim().min(1).max(200),
  year: z.number().int().min(1990).max(2100),
  note: z.string().trim().max(2000).nullable().default(null),
  members: z.array(memberInput).min(2).max(100),
});
export type EmulationGroupInput = z.infer<typeof emulationGroupInput>;

export const nextYearRequest = z.object({
  headUnitId: z.uuid(),
  deputyUnitIds: z.array(z.uuid()).max(5),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const emulationGroupView = z.object({
  id: z.uuid(),
  kind: groupKind,
  name: z.string(),
  year: z.number().int(),
  note: z.string().nullable(),
  members: z.array(z.object({ unitId: z.uuid(), code: z.string(), name: z.string(), role: memberRole })),
  /** Members outside the viewer's scope are counted, not shown. */
  hiddenMembers: z.number().int(),
});
export type EmulationGroupView = z.infer<typeof emulationGroupView>;

export const emulationListQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
