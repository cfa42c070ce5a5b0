import type { BallotContent } from '@tcxd/contract';
import { chainHash, genesisHash, verifyHashChain, type EntryChainCheck } from './ballot-chain.ts';

export type { EntryChainCheck } from './ballot-chain.ts';

/** The link before the first entry of an election's chain. */
export const electionGenesisHash = genesisHash;

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
  return chainHash({ ...entry });
}

/** Walks the entries in seq order: each must follow the previous one (seq and link) and match its hash. */
export function verifyEntryChain(entries: readonly (ChainedEntry & { readonly hash: string })[]): EntryChainCheck {
  return verifyHashChain(entries, ({ hash: _hash, ...fields }) => entryHash(fields));
}
