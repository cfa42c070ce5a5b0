import { type ConfidenceBallot, confidenceBallot, type ConfidenceEntryView } from '@tcxd/contract';
import { chainHash, verifyHashChain, type EntryChainCheck } from '../elections/ballot-chain.ts';
import type { EntryRow } from './confidence.repository.ts';

/** The fields of a confidence ballot entry covered by its hash (everything but the hash itself). */
export interface ChainedConfidenceEntry {
  readonly voteId: string;
  readonly seq: number;
  readonly id: string;
  readonly ballotNumber: number;
  readonly kind: 'entry' | 'resolution';
  readonly operatorId: string;
  readonly ballot: ConfidenceBallot;
  readonly note: string | null;
  readonly at: Date;
  readonly prevHash: string;
}

/** sha-256 over the canonical JSON of the entry and the previous entry's hash (the chain shared with elections). */
export function confidenceEntryHash(entry: ChainedConfidenceEntry): string {
  return chainHash({ ...entry });
}

/** A stored entry -> API shape. */
export function presentConfidenceEntry(row: EntryRow): ConfidenceEntryView {
  return {
    seq: row.seq,
    ballotNumber: row.ballot_number,
    kind: row.kind === 'resolution' ? 'resolution' : 'entry',
    operatorId: row.operator_id,
    ballot: confidenceBallot.parse(row.ballot),
    note: row.note,
    at: row.at.toISOString(),
    hash: row.hash,
  };
}

/** Recomputes every link and hash of a vote's stored entries, in seq order. */
export function verifyConfidenceChain(rows: readonly EntryRow[]): EntryChainCheck {
  const entries = rows.map((e) => ({
    voteId: e.vote_id, seq: e.seq, id: e.id, ballotNumber: e.ballot_number, kind: e.kind === 'resolution' ? ('resolution' as const) : ('entry' as const),
    operatorId: e.operator_id, ballot: confidenceBallot.parse(e.ballot), note: e.note, at: e.at, prevHash: e.prev_hash, hash: e.hash,
  }));
  return verifyHashChain(entries, ({ hash: _hash, ...fields }) => confidenceEntryHash(fields));
}
