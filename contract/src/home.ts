import { z } from 'zod';
import { unitKind } from './org.ts';

/** Real figures for the home page, counted within the actor's scope. */
export const homeSummary = z.object({
  scopeUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  unitCount: z.number().int(),
  unitsByKind: z.array(z.object({ kind: unitKind, count: z.number().int() })),
  userCount: z.number().int(),
  activeSessionCount: z.number().int(),
  auditLast7Days: z.array(z.object({ day: z.string(), count: z.number().int() })).nullable(),
});
export type HomeSummary = z.infer<typeof homeSummary>;
