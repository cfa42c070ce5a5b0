import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common.ts';

/** Where a member stands (derived from the history). */
export const memberStatuses = ['probationary', 'full', 'in_transit', 'transferred_outside', 'removed', 'expelled', 'deceased', 'not_member'] as const;
export const memberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatus>;

export const sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof sex>;

/** Lý luận chính trị. */
export const politicalTheory = z.enum(['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan']);

/** Age bands of the statistics (tuổi đời). */
export const ageBands = ['18-30', '31-40', '41-50', '51-60', '61-70', '71+'] as const;
export const ageBand = z.enum(ageBands);
export type AgeBand = z.infer<typeof ageBand>;

/** Fields hidden from roles without the sensitive-data permission (Luật Bảo vệ dữ liệu cá nhân). */
export const sensitiveMemberFields = ['citizenId', 'religion'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));
const documentNumber = z.string().trim().min(1, 'Nhập số văn bản quyết định').max(60);

export const cardNumber = z.string().trim().regex(/^\d{8}$/, 'Số thẻ đảng viên gồm đúng 8 chữ số');
export const citizenId = z.string().trim().regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số');

/** The fields of the phiếu đảng viên (Mẫu 2-HSĐV) a clerk edits. */
export const memberFields = z.object({
  fullName: text(120).min(1, 'Nhập họ và tên'),
  otherNames: optionalText(120),
  sex,
  birthDate: isoDate,
  birthPlace: optionalText(300),
  homeTown: optionalText(300),
  residence: optionalText(300),
  ethnicity: text(60).min(1, 'Nhập dân tộc').default('Kinh'),
  religion: optionalText(60),
  citizenId: citizenId.nullable().default(null),
  educationGeneral: optionalText(20),
  educationProfessional: optionalText(200),
  politicalTheory: politicalTheory.nullable().default(null),
  occupation: optionalText(200),
  cardNumber: cardNumber.nullable().default(null),
  historyNumber: optionalText(20),
  positions: optionalText(500),
  awards: optionalText(1000),
  disciplineNote: optionalText(1000),
});
export type MemberFields = z.infer<typeof memberFields>;

const nullableText = z.string().nullable();
/** The record as the API returns it (no input transforms; sensitive values may be masked). */
export const memberFieldsView = z.object({
  fullName: z.string(),
  otherNames: nullableText,
  sex,
  birthDate: isoDate,
  birthPlace: nullableText,
  homeTown: nullableText,
  residence: nullableText,
  ethnicity: z.string(),
  religion: nullableText,
  citizenId: nullableText,
  educationGeneral: nullableText,
  educationProfessional: nullableText,
  politicalTheory: politicalTheory.nullable(),
  occupation: nullableText,
  cardNumber: nullableText,
  historyNumber: nullableText,
  positions: nullableText,
  awards: nullableText,
  disciplineNote: nullableText,
});

/** How a record enters the registry: a new admission, or an existing member entered from the paper register. */
export const memberOpening = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admitted'), date: isoDate, cellId: z.uuid(), resolutionDate: isoDate.optional(), documentNumber, note: optionalText(1000) }),
  z.object({
    kind: z.literal('record_opened'),
    date: isoDate,
    cellId: z.uuid(),
    admittedOn: isoDate,
    fullMemberSince: isoDate.nullable(),
    documentNumber: documentNumber.optional(),
    note: optionalText(1000),
  }),
]);

export const memberCreateRequest = z.object({ fields: memberFields, opening: memberOpening });
export type MemberCreateRequest = z.infer<typeof memberCreateRequest>;

export const memberUpdateRequest = z.object({ fields: memberFields, rowVersion: z.number().int().min(1) });

const transferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), cellId: z.uuid() }),
  z.object({ kind: z.literal('outside'), destination: text(300).min(1, 'Nhập nơi chuyển đến') }),
]);

const eventBase = { date: isoDate, documentNumber: documentNumber.optional(), note: optionalText(1000) };

/** A lifecycle event a clerk records (the opening events are part of memberCreateRequest). */
export const memberEventInput = z.discriminatedUnion('kind', [
  z.object({ ...eventBase, kind: z.literal('recognised'), fullMemberSince: isoDate.optional() }),
  z.object({ ...eventBase, kind: z.literal('recognition_postponed'), newDueDate: isoDate }),
  z.object({ ...eventBase, kind: z.literal('not_recognised') }),
  z.object({ ...eventBase, kind: z.literal('transfer_out'), to: transferTarget }),
  z.object({ ...eventBase, kind: z.literal('transfer_in'), cellId: z.uuid() }),
  z.object({ ...eventBase, kind: z.literal('temporary_transfer_out'), host: transferTarget }),
  z.object({ ...eventBase, kind: z.literal('temporary_return') }),
  z.object({ ...eventBase, kind: z.literal('exempted'), reason: optionalText(500) }),
  z.object({ ...eventBase, kind: z.literal('exemption_ended') }),
  z.object({ ...eventBase, kind: z.literal('discipline'), form: z.enum(['reprimand', 'warning', 'dismissal']) }),
  z.object({ ...eventBase, kind: z.literal('removed') }),
  z.object({ ...eventBase, kind: z.literal('expelled') }),
  z.object({ ...eventBase, kind: z.literal('died') }),
]);
export type MemberEventInput = z.infer<typeof memberEventInput>;
export const memberEventKind = z.enum(['admitted', 'record_opened', 'recognised', 'recognition_postponed', 'not_recognised', 'transfer_out', 'transfer_in', 'temporary_transfer_out', 'temporary_return', 'exempted', 'exemption_ended', 'discipline', 'removed', 'expelled', 'died']);
export type MemberEventKind = z.infer<typeof memberEventKind>;

export const memberEventRequest = z.object({ event: memberEventInput, rowVersion: z.number().int().min(1), confirmBackdated: z.boolean().default(false) });

const unitRef = z.object({ id: z.uuid(), name: z.string() });

export const memberListItem = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex,
  birthDate: isoDate,
  ethnicity: z.string(),
  cardNumber: z.string().nullable(),
  status: memberStatus,
  exempted: z.boolean(),
  admissionDate: isoDate,
  fullMemberDate: isoDate.nullable(),
  cell: unitRef,
});
export type MemberListItem = z.infer<typeof memberListItem>;

/**
 * Matches are counted up to this many: past it, the list says "more than" instead of
 * counting millions of rows on every keystroke (a family name matches a third of the country).
 */
export const memberCountLimit = 10_000;
export const memberListPage = pageOf(memberListItem).extend({
  /** More members match than `total` (= memberCountLimit); the filters narrow it down. */
  totalCapped: z.boolean(),
});
export type MemberListPage = z.infer<typeof memberListPage>;

export const memberListQuery = pageQuery.extend({
  q: z.string().trim().max(120).optional(),
  unitId: z.uuid().optional(),
  status: z.enum([...memberStatuses, 'current']).default('current'),
  sex: sex.optional(),
  ageBand: ageBand.optional(),
  ethnicity: z.string().trim().max(60).optional(),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberEventView = z.object({
  id: z.uuid(),
  kind: memberEventKind,
  date: isoDate,
  sentence: z.string(),
  documentNumber: z.string().nullable(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});

export const memberView = z.object({
  id: z.uuid(),
  fields: memberFieldsView,
  /** Fields the viewer may not see; their values are masked. */
  masked: z.array(z.enum(sensitiveMemberFields)),
  status: memberStatus,
  exempted: z.boolean(),
  cell: unitRef.nullable(),
  homeCell: unitRef,
  transitTo: unitRef.nullable(),
  temporaryAt: unitRef.nullable(),
  admissionDate: isoDate,
  fullMemberDate: isoDate.nullable(),
  probationEndsOn: isoDate.nullable(),
  rowVersion: z.number().int(),
  events: z.array(memberEventView),
  /** Actions the viewer may record now (by the rules and their rights). */
  allowedEvents: z.array(memberEventKind),
});
export type MemberView = z.infer<typeof memberView>;

export const dueListQuery = z.object({ unitId: z.uuid().optional(), days: z.coerce.number().int().min(1).max(365).default(30) });
export const dueLists = z.object({
  probation: z.array(z.object({ member: memberListItem, probationEndsOn: isoDate, dueOn: isoDate, daysLeft: z.number().int(), overdue: z.boolean(), postponed: z.boolean() })),
  transfers: z.array(z.object({ member: memberListItem, from: unitRef, to: unitRef, since: isoDate, deadline: isoDate, workingDaysLeft: z.number().int(), overdue: z.boolean() })),
});
export type DueLists = z.infer<typeof dueLists>;

export const memberStatsQuery = z.object({ unitId: z.uuid().optional(), asOf: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() });
const tally = z.array(z.object({ key: z.string(), count: z.number().int() }));
export const memberStats = z.object({
  unit: unitRef,
  asOf: isoDate,
  total: z.number().int(),
  byStatus: tally,
  bySex: tally,
  byAgeBand: tally,
  byEthnicity: tally,
  byReligion: tally.nullable(),
  byEducation: tally,
  byPoliticalTheory: tally,
  /** Direct sub-units of the unit with their counts (for the chart). */
  byChild: z.array(z.object({ id: z.uuid(), name: z.string(), full: z.number().int(), probationary: z.number().int() })),
  period: z.object({ from: isoDate, to: isoDate, admitted: z.number().int(), recognised: z.number().int(), transferredIn: z.number().int(), transferredOut: z.number().int(), removed: z.number().int(), expelled: z.number().int(), died: z.number().int() }),
});
export type MemberStats = z.infer<typeof memberStats>;

export const memberImportQuery = z.object({
  format: z.enum(['xlsx', 'csv']),
  /** The uploaded file's name, shown with the job. */
  fileName: z.string().trim().min(1).max(255).optional(),
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

/** The export of a filtered list: the full-record sheet (default) or the member register (Mẫu 7-HSĐV). */
export const memberExportQuery = memberListQuery.omit({ page: true, pageSize: true }).extend({ layout: z.enum(['record', 'register']).default('record') });

export const memberImportIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const memberImportResult = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  /** Every problem counts here; the list shows the first ones (the Excel report has all). */
  errorCount: z.number().int(),
  errors: z.array(memberImportIssue),
});
export type MemberImportResult = z.infer<typeof memberImportResult>;

/** An import runs in the background; the page polls it for progress. */
export const memberImportJob = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['reading', 'checking', 'writing', 'finished']),
  dryRun: z.boolean(),
  fileName: z.string(),
  rowsRead: z.number().int(),
  result: memberImportResult.nullable(),
  /** Set when the file could not be read at all. */
  failure: z.string().nullable(),
});
export type MemberImportJob = z.infer<typeof memberImportJob>;
