/**
 * Election rules of Quyết định 190-QĐ/TW (10 Oct 2024), Quy chế bầu cử trong Đảng, as
 * pure functions: candidate-list surplus, floor nominations, the base for the majority,
 * ballot validity, reconciliation of ballot figures and the result.
 *
 * Conventions: candidates are identified by their 0-based position on the ballot;
 * thresholds are compared in integers (2·votes > base, 10·agreeing > 3·present), never in
 * floating point; input that cannot be right (negative, fractional, inconsistent) is
 * refused with a message rather than guessed at. Messages carry a stable code plus
 * Vietnamese and English text.
 */
import type { RulesVersion } from '../rule-outcome.ts';
import { checkCandidateList, admitFloorNomination } from './qd-190-2024/candidate-list.ts';
import { computeMajorityBase } from './qd-190-2024/majority-base.ts';
import { countVotes, judgeBallot } from './qd-190-2024/ballots.ts';
import { reconcileBallots } from './qd-190-2024/reconciliation.ts';
import { decideResult, tallyElection } from './qd-190-2024/tally.ts';

export {
  ELECTED_BODIES,
  admitFloorNomination,
  checkCandidateList,
  maxSurplusFor,
  surplusRequiredFor,
} from './qd-190-2024/candidate-list.ts';
export type {
  CandidateListCheck,
  CandidateListInput,
  CandidateListVerdict,
  ElectedBody,
  FloorNominationDecision,
  FloorNominationInput,
} from './qd-190-2024/candidate-list.ts';
export { EXCLUSION_KINDS, computeMajorityBase, hasMajority, votesNeededFor } from './qd-190-2024/majority-base.ts';
export type {
  Exclusion,
  ExclusionCount,
  ExclusionKind,
  MajorityBase,
  MajorityBaseInput,
} from './qd-190-2024/majority-base.ts';
export { INVALID_REASONS, countVotes, judgeBallot } from './qd-190-2024/ballots.ts';
export type {
  BallotEntry,
  BallotJudgement,
  BallotPaper,
  InvalidReason,
  ManualInvalidReason,
  VoteCount,
} from './qd-190-2024/ballots.ts';
export { reconcileBallots } from './qd-190-2024/reconciliation.ts';
export type { BallotFigures, Reconciliation } from './qd-190-2024/reconciliation.ts';
export { decideResult, tallyElection } from './qd-190-2024/tally.ts';
export type {
  CandidateResult,
  ElectionOutcome,
  ElectionResult,
  ElectionTally,
  NextRound,
  ResultInput,
  Standing,
  TallyInput,
  TiePolicy,
} from './qd-190-2024/tally.ts';
export type { ElectionMessageCode } from './qd-190-2024/messages.ts';

export const rulesVersion: RulesVersion = {
  id: 'qd-190-2024',
  title: 'Quyết định 190-QĐ/TW ngày 10/10/2024 của Ban Chấp hành Trung ương ban hành Quy chế bầu cử trong Đảng',
  titleEn: 'Decision 190-QĐ/TW of 10 October 2024 of the Central Committee: Regulations on elections within the Party',
  effectiveFrom: '2024-10-10',
};

/** The whole rule set as one value, so callers can pick a version by date. */
export const qd190Rules = Object.freeze({
  version: rulesVersion,
  checkCandidateList,
  admitFloorNomination,
  computeMajorityBase,
  judgeBallot,
  countVotes,
  reconcileBallots,
  decideResult,
  tallyElection,
});
