import { z } from 'zod';
import { isoDate } from './common.ts';
import { unitKind } from './org.ts';

/** Periodic reporting (báo cáo định kỳ): templates, periods, submissions, tracking, aggregation. */

export const reportFrequencies = ['month', 'quarter', 'half_year', 'year', 'ad_hoc'] as const;
export const reportFrequency = z.enum(reportFrequencies);
export type ReportFrequency = z.infer<typeof reportFrequency>;

export const indicatorTypes = ['integer', 'decimal', 'percentage'] as const;
export const indicatorType = z.enum(indicatorTypes);
export type IndicatorType = z.infer<typeof indicatorType>;

/** Indicators the server fills from the registries instead of the clerk. */
export const indicatorSources = ['members_at_end', 'admissions_in_period'] as const;
export const indicatorSource = z.enum(indicatorSources);
export type IndicatorSource = z.infer<typeof indicatorSource>;

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới');
const label = z.string().trim().min(1).max(300);

export const reportLimits = {
  indicatorsMax: 200,
  attachmentBytesMax: 10 * 1024 * 1024,
  attachmentsPerReport: 10,
  narrativeMax: 20_000,
} as const;

/** File kinds a unit may attach: PDF, Word, Excel. */
export const attachmentTypes = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

export const indicatorDef = z.object({
  code,
  label,
  type: indicatorType,
  /** Heading the indicator is shown under ("Công tác phát triển đảng viên"). */
  group: z.string().trim().max(200).nullable().default(null),
  unit: z.string().trim().max(40).nullable().default(null),
  /** Parts entered separately (e.g. by kind of grassroots organisation); the indicator is their sum. */
  breakdown: z.array(z.object({ key: code, label })).max(20).default([]),
  /** Computed from other indicators, e.g. "admitted / members_at_end * 100". */
  formula: z.string().trim().min(1).max(500).nullable().default(null),
  source: indicatorSource.nullable().default(null),
  required: z.boolean().default(false),
  /** How figures of several units combine; computed indicators are recomputed from the combined operands. */
  aggregate: z.enum(['sum', 'mean']).default('sum'),
});
export type IndicatorDef = z.infer<typeof indicatorDef>;

export const validationRuleDef = z.object({
  code,
  /** A comparison over indicators, e.g. "admitted >= admitted_enterprise". */
  check: z.string().trim().min(1).max(500),
  message: label,
});
export type ValidationRuleDef = z.infer<typeof validationRuleDef>;

export const narrativeSectionDef = z.object({ key: code, title: label, required: z.boolean().default(false) });
export type NarrativeSectionDef = z.infer<typeof narrativeSectionDef>;

export const templateDefinition = z.object({
  sections: z.array(narrativeSectionDef).max(20),
  indicators: z.array(indicatorDef).min(1).max(reportLimits.indicatorsMax),
  rules: z.array(validationRuleDef).max(100).default([]),
});
export type TemplateDefinition = z.infer<typeof templateDefinition>;

/** Which units report: the owner's direct sub-units, or units of some kinds anywhere below it (as of each period). */
export const reportAssignment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('children') }),
  z.object({ kind: z.literal('subtree_kinds'), unitKinds: z.array(unitKind).min(1) }),
]);
export type ReportAssignment = z.infer<typeof reportAssignment>;

export const templateCreateRequest = z.object({
  ownerUnitId: z.uuid(),
  code: z.string().trim().min(1).max(40),
  name: label,
  frequency: reportFrequency,
  assignment: reportAssignment,
  validFrom: isoDate,
  definition: templateDefinition,
});
export type TemplateCreateRequest = z.infer<typeof templateCreateRequest>;

export const templateVersionRequest = z.object({ validFrom: isoDate, definition: templateDefinition });

/** What is wrong with a definition being edited (formulas, rules, codes), for live messages. */
export const templateCheckResult = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });
export type TemplateCheckResult = z.infer<typeof templateCheckResult>;

export const templateVersionView = z.object({ id: z.uuid(), version: z.number().int(), validFrom: isoDate, definition: templateDefinition });
export type TemplateVersionView = z.infer<typeof templateVersionView>;

export const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

export const templateView = z.object({
  id: z.uuid(),
  owner: unitRef,
  code: z.string(),
  name: z.string(),
  frequency: reportFrequency,
  assignment: reportAssignment,
  versions: z.array(templateVersionView),
  /** Whether the viewer manages it (creates periods, returns and accepts reports). */
  manages: z.boolean(),
});
export type TemplateView = z.infer<typeof templateView>;

export const periodCreateRequest = z.object({
  templateId: z.uuid(),
  kind: reportFrequency,
  /** For month/quarter/half-year/year: the year and the number within it (month 1–12, quarter 1–4, half 1–2). */
  year: z.number().int().min(2000).max(2100).optional(),
  index: z.number().int().min(1).max(12).optional(),
  /** For an ad hoc period, or to override the defaults. */
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  label: z.string().trim().min(1).max(200).optional(),
  opensOn: isoDate.optional(),
  dueOn: isoDate.optional(),
  locksOn: isoDate.optional(),
});
export type PeriodCreateRequest = z.infer<typeof periodCreateRequest>;

export const periodView = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  templateName: z.string(),
  kind: reportFrequency,
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  opensOn: isoDate,
  dueOn: isoDate,
  locksOn: isoDate,
  version: templateVersionView,
  manages: z.boolean(),
});
export type PeriodView = z.infer<typeof periodView>;

export const periodListQuery = z.object({ templateId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const submissionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const submissionStatus = z.enum(submissionStatuses);
export type SubmissionStatus = z.infer<typeof submissionStatus>;

/** Whether a unit may still submit: not open yet, open, late (until the lock or the unit's unlock), locked. */
export const submissionWindow = z.enum(['not_open', 'open', 'late', 'locked']);
export type SubmissionWindow = z.infer<typeof submissionWindow>;

export const reportValues = z.record(z.string().max(90), z.number().finite().nullable());
export type ReportValues = z.infer<typeof reportValues>;
export const reportNarrative = z.record(z.string().max(40), z.string().max(reportLimits.narrativeMax));
export type ReportNarrative = z.infer<typeof reportNarrative>;

export const valueIssue = z.object({ code: z.string(), field: z.string(), severity: z.enum(['error', 'warning']), message: z.string() });
export type ValueIssue = z.infer<typeof valueIssue>;

export const attachmentView = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() });

export const submissionView = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  unit: unitRef,
  status: submissionStatus,
  /** Optimistic concurrency: send it back with every change. */
  version: z.number().int(),
  /** Entered, filled and computed values. */
  values: reportValues,
  narrative: reportNarrative,
  issues: z.array(valueIssue),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  returnComment: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  window: submissionWindow,
  unlockedUntil: isoDate.nullable(),
  /** What the viewer may do now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  attachments: z.array(attachmentView),
});
export type SubmissionView = z.infer<typeof submissionView>;

export const openSubmissionRequest = z.object({ unitId: z.uuid() });
export const saveSubmissionRequest = z.object({ version: z.number().int().min(1), values: reportValues, narrative: reportNarrative });
export type SaveSubmissionRequest = z.infer<typeof saveSubmissionRequest>;
export const versionRequest = z.object({ version: z.number().int().min(1) });
export const returnRequest = z.object({ version: z.number().int().min(1), comment: z.string().trim().min(1).max(2000) });

export const submissionVersionView = z.object({
  seq: z.number().int(),
  event: z.enum(['submitted', 'resubmitted', 'returned', 'accepted']),
  values: reportValues,
  narrative: reportNarrative,
  comment: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type SubmissionVersionView = z.infer<typeof submissionVersionView>;

export const trackingStatus = z.enum(['on_time', 'late', 'returned', 'missing']);
export type TrackingStatus = z.infer<typeof trackingStatus>;

export const regions = ['north', 'central', 'south', 'central_bodies'] as const;
export const region = z.enum(regions);
export type Region = z.infer<typeof region>;

export const trackingQuery = z.object({ clusterId: z.uuid().optional(), region: region.optional() });

export const trackingRow = z.object({
  unit: unitRef,
  region,
  status: trackingStatus,
  /** A draft exists (not yet submitted). */
  draft: z.boolean(),
  accepted: z.boolean(),
  submissionId: z.uuid().nullable(),
  firstSubmittedAt: z.string().nullable(),
  unlockedUntil: isoDate.nullable(),
});
export type TrackingRow = z.infer<typeof trackingRow>;

export const trackingView = z.object({
  period: periodView,
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  returned: z.number().int(),
  accepted: z.number().int(),
  /** "N/M": N reported (on time + late) of M expected. */
  reported: z.number().int(),
  window: submissionWindow,
  rows: z.array(trackingRow),
});
export type TrackingView = z.infer<typeof trackingView>;

export const yearGridQuery = z.object({
  templateId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  clusterId: z.uuid().optional(),
  region: region.optional(),
});
export const yearGridView = z.object({
  periods: z.array(z.object({ id: z.uuid(), label: z.string(), expected: z.number().int(), reported: z.number().int() })),
  rows: z.array(z.object({ unit: unitRef, cells: z.array(z.union([trackingStatus, z.literal('not_expected')])) })),
});
export type YearGridView = z.infer<typeof yearGridView>;

export const aggregateStructure = z.enum(['period', 'today']);
export type AggregateStructure = z.infer<typeof aggregateStructure>;

export const aggregateQuery = z.object({
  /** The structure used to group the units: as of the period's end, or today's. */
  structure: aggregateStructure.default('period'),
  /** The unit whose sub-units form the groups (default: the template's owner). */
  unitId: z.uuid().optional(),
  indicators: z.string().max(4000).optional(),
});

export const aggregateGroup = z.object({ unit: unitRef, expected: z.number().int(), reported: z.number().int(), values: reportValues });
export const aggregateComparison = z.object({ periodId: z.uuid(), label: z.string(), values: reportValues }).nullable();
export const aggregateView = z.object({
  period: periodView,
  structure: aggregateStructure,
  indicators: z.array(z.object({ code: z.string(), label: z.string(), type: indicatorType })),
  groups: z.array(aggregateGroup),
  total: reportValues,
  reported: z.number().int(),
  expected: z.number().int(),
  previous: aggregateComparison,
  lastYear: aggregateComparison,
});
export type AggregateView = z.infer<typeof aggregateView>;

export const consolidatedQuery = z.object({
  structure: aggregateStructure.default('period'),
  narrative: z.enum(['per_unit', 'by_section']).default('by_section'),
  number: z.string().trim().max(40).optional(),
  signerTitle: z.string().trim().max(100).optional(),
  signerName: z.string().trim().max(100).optional(),
});

export const remindRequest = z.object({ unitIds: z.array(z.uuid()).max(5000).optional() });
export const remindResult = z.object({ units: z.number().int(), notified: z.number().int(), emailed: z.number().int() });
export type RemindResult = z.infer<typeof remindResult>;

export const unlockRequest = z.object({ unitId: z.uuid(), until: isoDate, reason: z.string().trim().min(1).max(500) });

export const inboxItem = z.object({ period: periodView, unit: unitRef, submissionId: z.uuid().nullable(), status: submissionStatus.nullable(), window: submissionWindow });
export type InboxItem = z.infer<typeof inboxItem>;

export const notificationView = z.object({ id: z.uuid(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });
export type NotificationView = z.infer<typeof notificationView>;
export const notificationList = z.object({ items: z.array(notificationView), unread: z.number().int() });
export const markReadRequest = z.object({ ids: z.array(z.uuid()).max(500) });
