import type { ElectionView, Locale } from '@tcxd/contract';
import { electedBody, exclusionKind, tiePolicy } from '@tcxd/contract';
import type { ElectionRules } from '../../rules/elections/index.ts';
import type { EntryRow, ElectionRow, SetupRows } from './elections.repository.ts';
import { messageView } from './elections.results.ts';
import { ballotContent } from '@tcxd/contract';

/** The figures of an election once all three are entered. */
export function figuresOf(row: ElectionRow): { issued: number; returned: number; notReturned: number } | null {
  if (row.issued === null || row.returned === null || row.not_returned === null) return null;
  return { issued: row.issued, returned: row.returned, notReturned: row.not_returned };
}

const committeeRole = (role: string): 'head' | 'deputy' | 'member' => (role === 'head' || role === 'deputy' ? role : 'member');

/** Election row and setup -> API shape, with the rules' candidate-list check and base. */
export function presentElection(row: ElectionRow, setup: SetupRows, rules: ElectionRules, locale: Locale): ElectionView {
  const body = electedBody.parse(row.body);
  const check = rules.checkCandidateList({ body, seats: row.seats, candidates: setup.candidates.length, allowFewerCandidates: row.round > 1 });
  const excluded = setup.exclusions.length;
  const base = row.convened - excluded;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    body,
    heldOn: row.held_on,
    round: row.round,
    previousId: row.previous_id,
    seats: row.seats,
    rulesVersion: row.rules_version,
    tiePolicy: tiePolicy.parse(row.tie_policy),
    status: row.status === 'finalised' ? 'finalised' : 'open',
    candidates: setup.candidates.map((c) => ({ position: c.position, fullName: c.full_name, memberId: c.member_id, source: c.source === 'floor' ? 'floor' : 'list' })),
    floorNominations: setup.nominations.map((n) => ({ fullName: n.full_name, agreeing: n.agreeing, present: n.present, admitted: n.admitted })),
    candidateCheck: { verdict: check.verdict, surplus: check.surplus, maxSurplus: check.maxSurplus, messages: check.messages.map((m) => messageView(m, locale)) },
    base: {
      convened: row.convened,
      excluded,
      base,
      votesNeeded: Math.floor(base / 2) + 1,
      votersPresent: row.voters_present,
      exclusions: setup.exclusions.map((x) => ({ kind: exclusionKind.parse(x.kind), person: x.person, reason: x.reason })),
    },
    committee: setup.committee.map((c) => ({ fullName: c.full_name, memberId: c.member_id, role: committeeRole(c.role) })),
    headUserId: row.head_user_id,
    operatorIds: setup.operators,
    figures: figuresOf(row),
    chainHead: row.chain_head,
    finalisedAt: row.finalised_at ? row.finalised_at.toISOString() : null,
  };
}

/** A stored entry -> API shape. */
export function presentEntry(row: EntryRow) {
  return {
    seq: row.seq,
    ballotNumber: row.ballot_number,
    kind: row.kind === 'resolution' ? ('resolution' as const) : ('entry' as const),
    operatorId: row.operator_id,
    ballot: ballotContent.parse(row.ballot),
    note: row.note,
    at: row.at.toISOString(),
    hash: row.hash,
  };
}
