import { z } from 'zod';
import { isoDate } from './common.ts';
import { attachmentView } from './reports.ts';

/** Files attached to a document or to a task update: PDF and Word only, checked by content. */
export const workAttachmentLimits = {
  bytesMax: 10 * 1024 * 1024,
  perRecord: 20,
  contentTypes: ['application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
} as const;

export const documentRelationKind = z.enum(['replaces', 'guides', 'implements', 'amends']);
export type DocumentRelationKind = z.infer<typeof documentRelationKind>;

export const documentCreateRequest = z.object({
  ownerUnitId: z.uuid(),
  /** Số và ký hiệu as typed; the server parses it and refuses State-style numbers with a hint. */
  number: z.string().trim().min(1).max(60),
  issuedOn: isoDate,
  subject: z.string().trim().min(1).max(500),
  summary: z.string().trim().max(5000).nullable().default(null),
});
export type DocumentCreateRequest = z.infer<typeof documentCreateRequest>;

export const documentRelationRequest = z.object({ kind: documentRelationKind, targetId: z.uuid() });

export const documentListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: z.string().max(10).optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  status: z.enum(['in_force', 'replaced']).optional(),
});

export const documentSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  typeName: z.string(),
  issuer: z.string(),
  issuedOn: isoDate,
  subject: z.string(),
  status: z.enum(['in_force', 'replaced']),
  ownerUnitId: z.uuid(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const disseminationView = z.object({
  id: z.uuid(),
  fromUnitId: z.uuid(),
  fromUnitName: z.string(),
  asOf: isoDate,
  /** Over the units that existed on asOf (also those later merged away). */
  done: z.number().int(),
  total: z.number().int(),
  units: z.array(
    z.object({ unitId: z.uuid(), name: z.string(), disseminatedOn: isoDate.nullable(), implementingNumber: z.string().nullable(), endedOn: isoDate.nullable() }),
  ),
});
export type DisseminationView = z.infer<typeof disseminationView>;

export const documentView = documentSummary.extend({
  summary: z.string().nullable(),
  relations: z.array(z.object({ kind: documentRelationKind, direction: z.enum(['outgoing', 'incoming']), document: documentSummary })),
  disseminations: z.array(disseminationView),
  attachments: z.array(attachmentView),
});
export type DocumentView = z.infer<typeof documentView>;

export const disseminationRequest = z.object({
  fromUnitId: z.uuid(),
  asOf: isoDate,
  /** The receiving units; empty means every direct subordinate of fromUnit as of asOf. */
  unitIds: z.array(z.uuid()).max(5000).default([]),
});

export const disseminationReportRequest = z.object({
  unitId: z.uuid(),
  disseminatedOn: isoDate,
  implementingNumber: z.string().trim().max(60).nullable().default(null),
});
