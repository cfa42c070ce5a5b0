import { z } from 'zod';
import { isoDate } from './common.ts';

/** Briefing (giao ban), reviews (sơ kết quý / 6 tháng, tổng kết năm), thematic, emulation-cluster conference. */
export const conferenceKind = z.enum(['monthly_briefing', 'quarterly_review', 'half_year_review', 'annual_review', 'thematic', 'emulation_cluster']);
export type ConferenceKind = z.infer<typeof conferenceKind>;

export const conferenceMode = z.enum(['online', 'in_person', 'hybrid']);
export type ConferenceMode = z.infer<typeof conferenceMode>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const conferenceCreateRequest = z.object({
  hostUnitId: z.uuid(),
  kind: conferenceKind,
  title: text(500),
  /** ISO timestamp of the opening. */
  startsAt: z.iso.datetime({ offset: true }),
  hostPoint: text(300),
  mode: conferenceMode,
  videoLink: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  /** The reporting period briefed on: its expected units become the connection points by default. */
  reportPeriodId: z.uuid().nullable().default(null),
  /** Participating units; absent: the units expected for the period (or the host's subordinates on the day). */
  unitIds: z.array(z.uuid()).max(5000).nullable().default(null),
  confirmBy: isoDate.nullable().default(null),
  chairName: optionalText(200),
  chairTitle: optionalText(200),
});
export type ConferenceCreateRequest = z.infer<typeof conferenceCreateRequest>;

export const conferenceListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: conferenceKind.optional(),
});

export const conferenceSummary = z.object({
  id: z.uuid(),
  kind: conferenceKind,
  title: z.string(),
  startsAt: z.string(),
  hostUnitId: z.uuid(),
  hostUnitName: z.string(),
  hostPoint: z.string(),
  mode: conferenceMode,
  points: z.number().int(),
  connected: z.number().int(),
});
export type ConferenceSummary = z.infer<typeof conferenceSummary>;

export const conferencePoint = z.object({
  unitId: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  chair: z.string().nullable(),
  attendees: z.number().int().nullable(),
  contact: z.string().nullable(),
  invitedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
export type ConferencePoint = z.infer<typeof conferencePoint>;

export const agendaItemKind = z.enum(['report', 'document', 'contribution', 'conclusion', 'other']);
export type AgendaItemKind = z.infer<typeof agendaItemKind>;

export const agendaItemInput = z.object({
  kind: agendaItemKind,
  title: text(500),
  documentId: z.uuid().nullable().default(null),
  /** The unit giving a contribution (tham luận). */
  unitId: z.uuid().nullable().default(null),
  speaker: optionalText(200),
});
export const agendaRequest = z.object({ items: z.array(agendaItemInput).max(100) });
export type AgendaRequest = z.infer<typeof agendaRequest>;

export const agendaItem = z.object({
  id: z.uuid(),
  kind: agendaItemKind,
  title: z.string(),
  documentId: z.uuid().nullable(),
  documentNumber: z.string().nullable(),
  documentSubject: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  speaker: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const conclusionItemInput = z.object({
  text: text(2000),
  leadUnitId: z.uuid(),
  dueOn: isoDate,
});
export const conclusionRequest = z.object({
  /** The chair's conclusion as spoken (the notice's opening). */
  summary: z.string().trim().max(10000),
  items: z.array(conclusionItemInput).max(100),
});
export type ConclusionRequest = z.infer<typeof conclusionRequest>;

export const conclusionItem = z.object({
  id: z.uuid(),
  text: z.string(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  dueOn: isoDate,
  taskId: z.uuid().nullable(),
});
export type ConclusionItem = z.infer<typeof conclusionItem>;

export const conferenceView = conferenceSummary.extend({
  videoLink: z.string().nullable(),
  confirmBy: isoDate.nullable(),
  chairName: z.string().nullable(),
  chairTitle: z.string().nullable(),
  /** Whether the viewer may change the conference (write access on the host unit). */
  manages: z.boolean(),
  confirmed: z.number().int(),
  invitationsSent: z.boolean(),
  period: z.object({ id: z.uuid(), label: z.string(), reported: z.number().int(), expected: z.number().int() }).nullable(),
  /** The points the viewer may see: all for the host, its own for a participating unit. */
  pointList: z.array(conferencePoint),
  agenda: z.array(agendaItem),
  conclusionSummary: z.string().nullable(),
  conclusions: z.array(conclusionItem),
});
export type ConferenceView = z.infer<typeof conferenceView>;

export const confirmationRequest = z.object({
  unitId: z.uuid(),
  chair: text(200),
  attendees: z.number().int().min(1).max(100000),
  contact: text(300),
});
export type ConfirmationRequest = z.infer<typeof confirmationRequest>;

/** Connection points added to or removed from a conference after it was created (before its conclusion). */
export const pointsChangeRequest = z
  .object({ add: z.array(z.uuid()).max(5000).default([]), remove: z.array(z.uuid()).max(5000).default([]) })
  .refine((v) => v.add.length + v.remove.length > 0, { message: 'Chọn ít nhất một điểm cầu để thêm hoặc bớt' });
export type PointsChangeRequest = z.infer<typeof pointsChangeRequest>;

export const checkInRequest = z.object({ unitId: z.uuid(), connected: z.boolean().default(true) });
export type CheckInRequest = z.infer<typeof checkInRequest>;

/** What the live board stream sends: the point that changed (null when the viewer may not see it) and the new counts. */
export const checkInEvent = z.object({ unitId: z.uuid().nullable(), connectedAt: z.string().nullable(), connected: z.number().int(), points: z.number().int() });
export type CheckInEvent = z.infer<typeof checkInEvent>;

export const conclusionTasksResult = z.object({ created: z.number().int(), taskIds: z.array(z.uuid()) });
