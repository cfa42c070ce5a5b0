import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.ts';
import type { BallotContent } from '@tcxd/contract';

/** The link before the first entry of an election's chain. */
export const electionGenesisHash = '0'.repeat(64);

/** The fields of a ballot entry covered by its hash (everything but the hash itself). */
export interface ChainedEntry {
  readonly electionId: string;
  readonly seq: number;
  readonly id: string;
  readonly ballotNumber: number;
  readonly kind: 'entry' | 'resolution';
  readonly operatorId: string;
  readonly ballot: BallotContent;
  readonly note: string | null;
  readonly at: Date;
  readonly prevHash: string;
}

/** sha-256 over the canonical JSON of the entry, including the previous entry's hash (as the audit log does). */
export function entryHash(entry: ChainedEntry): string {
  return createHash('sha256').update(canonicalJson({ ...entry, at: entry.at.toISOString() })).digest('hex');
}

export type EntryChainCheck =
  | { readonly ok: true; readonly checked: number; readonly head: string }
  | { readonly ok: false; readonly checked: number; readonly brokenAtSeq: number; readonly reason: 'link' | 'hash' | 'sequence' };

/** Walks the entries in seq order: each must follow the previous one (seq and link) and match its hash. */
export function verifyEntryChain(entries: readonly (ChainedEntry & { readonly hash: string })[]): EntryChainCheck {
  let prev = electionGenesisHash;
  let checked = 0;
  for (const entry of entries) {
    if (entry.seq !== checked + 1) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'sequence' };
    if (entry.prevHash !== prev) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'link' };
    const { hash, ...fields } = entry;
    if (entryHash(fields) !== hash) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'hash' };
    prev = hash;
    checked += 1;
  }
  return { ok: true, checked, head: prev };
}
