import { z } from 'zod';
import { isoDate } from './common.ts';
import { ballotFigures, manualInvalidReason, ratioView, ruleMessageView } from './elections.ts';

/** The three levels of QĐ 96-QĐ/TW: tín nhiệm cao, tín nhiệm, tín nhiệm thấp. */
export const confidenceLevels = ['high', 'normal', 'low'] as const;
export const confidenceLevel = z.enum(confidenceLevels);
export type ConfidenceLevelValue = z.infer<typeof confidenceLevel>;

const name = z.string().trim().min(1).max(200);

export const confidenceVoteSetupRequest = z.object({
  unitId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  heldOn: isoDate,
  /** In ballot order. */
  persons: z.array(z.object({ fullName: name, post: z.string().trim().max(300).default('') })).min(1).max(300),
  convened: z.number().int().min(1).max(100_000),
  present: z.number().int().min(0).max(100_000),
  committee: z.array(z.object({ fullName: name, role: z.enum(['head', 'deputy', 'member']) })).min(1).max(50),
  /** The account of the committee head, who resolves discrepancies and finalises. */
  headUserId: z.uuid(),
  /** Accounts that key ballots (double entry needs at least two). */
  operatorIds: z.array(z.uuid()).min(2).max(50),
});
export type ConfidenceVoteSetupRequest = z.infer<typeof confidenceVoteSetupRequest>;

export const confidenceVoteView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  heldOn: isoDate,
  convened: z.number().int(),
  present: z.number().int(),
  rulesVersion: z.string(),
  status: z.enum(['open', 'finalised']),
  persons: z.array(z.object({ position: z.number().int(), fullName: z.string(), post: z.string() })),
  committee: z.array(z.object({ fullName: z.string(), role: z.enum(['head', 'deputy', 'member']) })),
  headUserId: z.uuid(),
  operatorIds: z.array(z.uuid()),
  figures: ballotFigures.nullable(),
  chainHead: z.string().nullable(),
  finalisedAt: z.string().nullable(),
});
export type ConfidenceVoteView = z.infer<typeof confidenceVoteView>;

export const confidenceVoteListItem = confidenceVoteView.pick({ id: true, unitId: true, unitName: true, title: true, heldOn: true, convened: true, status: true });
export const confidenceVoteListQuery = z.object({ unitId: z.uuid().optional() });

/**
 * One confidence ballot as keyed: a level (or null: left blank) for each person in ballot
 * order, or the whole ballot ruled invalid by the committee with a reason.
 */
export const confidenceBallot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('marked'), levels: z.array(confidenceLevel.nullable()).min(1).max(300) }),
  z.object({ kind: z.literal('invalid'), reason: manualInvalidReason, note: z.string().trim().max(500).optional() }),
]);
export type ConfidenceBallot = z.infer<typeof confidenceBallot>;

export const confidenceEntryRequest = z.object({ ballotNumber: z.number().int().min(1).max(1_000_000), ballot: confidenceBallot });
export type ConfidenceEntryRequest = z.infer<typeof confidenceEntryRequest>;
export const confidenceResolutionRequest = confidenceEntryRequest.extend({ note: z.string().trim().min(1).max(1000) });
export type ConfidenceResolutionRequest = z.infer<typeof confidenceResolutionRequest>;

export const confidenceEntryView = z.object({
  seq: z.number().int(),
  ballotNumber: z.number().int(),
  kind: z.enum(['entry', 'resolution']),
  operatorId: z.uuid(),
  ballot: confidenceBallot,
  note: z.string().nullable(),
  at: z.string(),
  hash: z.string(),
});
export type ConfidenceEntryView = z.infer<typeof confidenceEntryView>;

export const confidenceEntryResult = z.object({
  entry: confidenceEntryView,
  /** Persons left blank on a marked ballot (each counts as not validly rated for that person). */
  blank: z.array(z.number().int()),
  status: z.enum(['single', 'agreed', 'discrepancy', 'resolved']),
});

export const confidenceDiscrepancyView = z.object({
  ballotNumber: z.number().int(),
  entries: z.array(confidenceEntryView),
  /** Positions read differently by the two entries (every position when one rules the ballot invalid). */
  differingPositions: z.array(z.number().int()),
  resolution: confidenceEntryView.nullable(),
});
export type ConfidenceDiscrepancyView = z.infer<typeof confidenceDiscrepancyView>;

export const confidenceConsequence = z.enum(['none', 'remove_from_planning_consider_reassignment', 'consider_dismissal']);

export const confidencePersonResult = z.object({
  position: z.number().int(),
  fullName: z.string(),
  post: z.string(),
  high: z.number().int(),
  normal: z.number().int(),
  low: z.number().int(),
  /** Ballots returned that do not rate this person validly: invalid ballots and blanks. */
  notRated: z.number().int(),
  shares: z.object({ high: ratioView, normal: ratioView, low: ratioView, notRated: ratioView }),
  consequence: confidenceConsequence,
  message: z.string(),
});
export type ConfidencePersonResult = z.infer<typeof confidencePersonResult>;

export const confidenceResultsView = z.object({
  voteId: z.uuid(),
  status: z.enum(['open', 'finalised']),
  figures: ballotFigures.nullable(),
  ballots: z.object({ keyed: z.number().int(), counted: z.number().int(), single: z.number().int(), discrepancies: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
  convened: z.number().int(),
  participants: z.number().int(),
  participation: ratioView,
  quorumMet: z.boolean(),
  persons: z.array(confidencePersonResult),
  /** Why the vote cannot be finalised yet (empty when it can). */
  problems: z.array(ruleMessageView),
  finalisable: z.boolean(),
  chainHead: z.string(),
  entries: z.number().int(),
});
export type ConfidenceResultsView = z.infer<typeof confidenceResultsView>;
