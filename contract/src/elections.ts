import { z } from 'zod';
import { isoDate } from './common.ts';

/** The bodies elected by secret ballot (QĐ 190-QĐ/TW). */
export const electedBodies = ['committee', 'standing_committee', 'secretary', 'deputy_secretary', 'inspection_committee', 'inspection_chair', 'inspection_deputy_chair', 'delegates'] as const;
export const electedBody = z.enum(electedBodies);

/** Who is taken out of the base for the majority (each with a reason). */
export const exclusionKinds = ['temporary_transfer_elsewhere', 'exempted_absent', 'suspended', 'detained', 'absent_with_approved_reason'] as const;
export const exclusionKind = z.enum(exclusionKinds);

export const tiePolicy = z.enum(['further_round', 'congress_decides']);
export const manualInvalidReason = z.enum(['no_seal', 'other']);
export const invalidReason = z.enum(['no_seal', 'other', 'more_names_than_seats', 'nobody_left_with_surplus']);

const name = z.string().trim().min(1).max(200);

export const electionSetupRequest = z.object({
  unitId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  body: electedBody,
  heldOn: isoDate,
  seats: z.number().int().min(1).max(2000),
  /** In ballot order, as proposed by the convening committee. */
  candidates: z.array(z.object({ fullName: name, memberId: z.uuid().nullable().default(null) })).min(1).max(2000),
  /** Nominations from the floor with the number of those present agreeing; admitted ones follow the list. */
  floorNominations: z.array(z.object({ fullName: name, agreeing: z.number().int().min(0) })).max(200).default([]),
  convened: z.number().int().min(1).max(100_000),
  votersPresent: z.number().int().min(0).max(100_000),
  exclusions: z.array(z.object({ kind: exclusionKind, person: name, reason: z.string().trim().min(1).max(500) })).max(100_000).default([]),
  committee: z.array(z.object({ fullName: name, memberId: z.uuid().nullable().default(null), role: z.enum(['head', 'deputy', 'member']) })).min(1).max(50),
  /** The account of the committee head, who resolves discrepancies and finalises. */
  headUserId: z.uuid(),
  /** Accounts that key ballots (double entry needs at least two). */
  operatorIds: z.array(z.uuid()).min(2).max(50),
  tiePolicy: tiePolicy.default('further_round'),
  /** Go ahead despite warnings of the candidate-list check (e.g. surplus below 10%). */
  acceptWarnings: z.boolean().default(false),
});
export type ElectionSetupRequest = z.infer<typeof electionSetupRequest>;

export const ruleMessageView = z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() });
export type RuleMessageView = z.infer<typeof ruleMessageView>;

export const ratioView = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable() });

export const ballotFigures = z.object({
  issued: z.number().int().min(0).max(1_000_000),
  returned: z.number().int().min(0).max(1_000_000),
  notReturned: z.number().int().min(0).max(1_000_000),
});
export type BallotFiguresInput = z.infer<typeof ballotFigures>;

export const electionView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  body: electedBody,
  heldOn: isoDate,
  round: z.number().int(),
  previousId: z.uuid().nullable(),
  seats: z.number().int(),
  rulesVersion: z.string(),
  tiePolicy,
  status: z.enum(['open', 'finalised']),
  candidates: z.array(z.object({ position: z.number().int(), fullName: z.string(), memberId: z.uuid().nullable(), source: z.enum(['list', 'floor']) })),
  floorNominations: z.array(z.object({ fullName: z.string(), agreeing: z.number().int(), present: z.number().int(), admitted: z.boolean() })),
  candidateCheck: z.object({ verdict: z.enum(['ok', 'warning', 'refused']), surplus: z.number().int(), maxSurplus: z.number().int(), messages: z.array(ruleMessageView) }),
  base: z.object({
    convened: z.number().int(),
    excluded: z.number().int(),
    base: z.number().int(),
    votesNeeded: z.number().int(),
    votersPresent: z.number().int(),
    exclusions: z.array(z.object({ kind: exclusionKind, person: z.string(), reason: z.string() })),
  }),
  committee: z.array(z.object({ fullName: z.string(), memberId: z.uuid().nullable(), role: z.enum(['head', 'deputy', 'member']) })),
  headUserId: z.uuid(),
  operatorIds: z.array(z.uuid()),
  figures: ballotFigures.nullable(),
  chainHead: z.string().nullable(),
  finalisedAt: z.string().nullable(),
});
export type ElectionView = z.infer<typeof electionView>;

export const electionListItem = electionView.pick({ id: true, unitId: true, unitName: true, title: true, body: true, heldOn: true, round: true, seats: true, status: true });
export const electionListQuery = z.object({ unitId: z.uuid().optional() });

/** Accounts that may sit as committee head or key ballots for a unit (records.write on it). */
export const electionAccountsQuery = z.object({ unitId: z.uuid() });
export const electionAccount = z.object({ id: z.uuid(), username: z.string(), fullName: z.string() });
export type ElectionAccount = z.infer<typeof electionAccount>;

/** One paper ballot as keyed: positions (0-based, as printed) struck out, or ruled invalid by the committee. */
export const ballotContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('marked'), struck: z.array(z.number().int().min(0)).max(2000) }),
  z.object({ kind: z.literal('invalid'), reason: manualInvalidReason, note: z.string().trim().max(500).optional() }),
]);
export type BallotContent = z.infer<typeof ballotContent>;

export const ballotEntryRequest = z.object({ ballotNumber: z.number().int().min(1).max(1_000_000), ballot: ballotContent });
export type BallotEntryRequest = z.infer<typeof ballotEntryRequest>;

export const ballotResolutionRequest = ballotEntryRequest.extend({ note: z.string().trim().min(1).max(1000) });
export type BallotResolutionRequest = z.infer<typeof ballotResolutionRequest>;

export const ballotStatus = z.enum(['single', 'agreed', 'discrepancy', 'resolved']);

export const ballotEntryView = z.object({
  seq: z.number().int(),
  ballotNumber: z.number().int(),
  kind: z.enum(['entry', 'resolution']),
  operatorId: z.uuid(),
  ballot: ballotContent,
  note: z.string().nullable(),
  at: z.string(),
  hash: z.string(),
});

export const ballotEntryResult = z.object({
  entry: ballotEntryView,
  /** Validity of the ballot by the rules (shown on the entry screen). */
  judgement: z.object({ valid: z.boolean(), reason: invalidReason.nullable(), message: z.string().nullable() }),
  status: ballotStatus,
});

export const discrepancyView = z.object({
  ballotNumber: z.number().int(),
  entries: z.array(ballotEntryView),
  /** Positions on which the two entries differ. */
  differingPositions: z.array(z.number().int()),
  resolution: ballotEntryView.nullable(),
});

export const candidateResultView = z.object({
  position: z.number().int(),
  fullName: z.string(),
  votes: z.number().int(),
  ofBase: ratioView,
  ofValid: ratioView,
  overHalf: z.boolean(),
  standing: z.enum(['elected', 'tied', 'not_elected']),
  rank: z.number().int(),
});

export const electionResultsView = z.object({
  electionId: z.uuid(),
  status: z.enum(['open', 'finalised']),
  figures: ballotFigures.nullable(),
  ballots: z.object({ keyed: z.number().int(), counted: z.number().int(), single: z.number().int(), discrepancies: z.number().int(), valid: z.number().int(), invalid: z.number().int(), invalidByReason: z.record(z.string(), z.number().int()) }),
  reconciliation: z.object({ finalisable: z.boolean(), discrepancies: z.array(ruleMessageView) }),
  base: z.number().int(),
  votesNeeded: z.number().int(),
  candidates: z.array(candidateResultView),
  elected: z.array(z.number().int()),
  outcome: z.object({
    status: z.enum(['complete', 'tie', 'short']),
    tied: z.array(z.number().int()),
    nextRound: z.object({ reason: z.enum(['tie', 'too_few_elected']), seats: z.number().int(), candidates: z.array(z.number().int()), requiresCongressDecision: z.boolean() }).nullable(),
  }).nullable(),
  message: z.string().nullable(),
  problems: z.array(ruleMessageView),
  chainHead: z.string(),
  entries: z.number().int(),
});
export type ElectionResultsView = z.infer<typeof electionResultsView>;

export const nextRoundRequest = z.object({
  /** Positions (in the finished round) of the candidates of the next round; default: those the rules propose. */
  candidatePositions: z.array(z.number().int().min(0)).min(1).max(2000).optional(),
  acceptWarnings: z.boolean().default(false),
});
