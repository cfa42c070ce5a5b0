import { refuse, succeed } from '../../rule-outcome.ts';
import type { RuleMessage, RuleResult } from '../../rule-outcome.ts';
import { countProblem, electionMessage, electionTerm } from './messages.ts';
import type { ElectionMessageCode } from './messages.ts';

/**
 * Who is taken out of the base for the majority. Everyone else convened stays in it,
 * including those absent without an approved reason: their absence counts against every
 * candidate, which is what "more than half of those convened" means.
 */
export type ExclusionKind =
  | 'temporary_transfer_elsewhere'
  | 'exempted_absent'
  | 'suspended'
  | 'detained'
  | 'absent_with_approved_reason';

export const EXCLUSION_KINDS: readonly ExclusionKind[] = [
  'temporary_transfer_elsewhere',
  'exempted_absent',
  'suspended',
  'detained',
  'absent_with_approved_reason',
];

/** One person taken out of the base, with the reason recorded for the minutes. */
export interface Exclusion {
  readonly kind: ExclusionKind;
  readonly reason: string;
  /** Name or id of the person; when given, the same person cannot be excluded twice. */
  readonly person?: string;
}

export interface MajorityBaseInput {
  /** Full members (members' congress) or full delegates convened. */
  readonly convened: number;
  readonly exclusions: readonly Exclusion[];
  /** Voters present, when known: they cannot outnumber the base. */
  readonly votersPresent?: number;
}

export interface ExclusionCount {
  readonly kind: ExclusionKind;
  readonly count: number;
  readonly vi: string;
  readonly en: string;
}

export interface MajorityBase {
  readonly convened: number;
  readonly excluded: number;
  readonly base: number;
  /** Smallest number of votes that is more than half of the base: ⌊base / 2⌋ + 1. */
  readonly votesNeeded: number;
  /** One row per kind, in the order of EXCLUSION_KINDS, zero rows included. */
  readonly breakdown: readonly ExclusionCount[];
}

/** Smallest whole number of votes that is strictly more than half of `base`. */
export function votesNeededFor(base: number): number {
  return Math.floor(base / 2) + 1;
}

/** Elected needs more than half of the base, compared in integers: 2·votes > base. */
export function hasMajority(votes: number, base: number): boolean {
  return 2 * votes > base;
}

/**
 * The base for the majority: the convened full members or delegates minus the
 * exclusions, each with a reason. Refuses negative or fractional numbers, missing
 * reasons, a person excluded twice, more exclusions than convened, an empty base, and
 * more voters present than the base.
 */
export function computeMajorityBase(input: MajorityBaseInput): RuleResult<MajorityBase, ElectionMessageCode> {
  const { convened, exclusions, votersPresent } = input;
  const errors: RuleMessage<ElectionMessageCode>[] = [];
  const convenedProblem = countProblem('convened', convened, 1);
  if (convenedProblem !== undefined) errors.push(convenedProblem);
  const presentProblem = votersPresent === undefined ? undefined : countProblem('votersPresent', votersPresent);
  if (presentProblem !== undefined) errors.push(presentProblem);

  const seen = new Set<string>();
  exclusions.forEach((exclusion, index) => {
    if (exclusion.reason.trim() === '') {
      errors.push(electionMessage('exclusion_reason_missing', { position: index + 1, kind: exclusion.kind }));
    }
    const person = exclusion.person?.trim();
    if (person !== undefined && person !== '') {
      if (seen.has(person)) errors.push(electionMessage('exclusion_duplicate_person', { person }));
      seen.add(person);
    }
  });
  if (errors.length > 0) return refuse(errors);

  const excluded = exclusions.length;
  if (excluded > convened) return refuse([electionMessage('exclusions_exceed_convened', { excluded, convened })]);
  const base = convened - excluded;
  if (base === 0) return refuse([electionMessage('must_be_positive', { field: 'base' })]);
  if (votersPresent !== undefined && votersPresent > base) {
    return refuse([electionMessage('voters_present_exceed_base', { present: votersPresent, base })]);
  }

  const breakdown = EXCLUSION_KINDS.map((kind) => ({
    kind,
    count: exclusions.filter((exclusion) => exclusion.kind === kind).length,
    ...electionTerm(kind),
  }));
  return succeed({ convened, excluded, base, votesNeeded: votesNeededFor(base), breakdown });
}
