import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.ts';

/**
 * The append-only hash chain shared by election and confidence-vote ballot entries: each
 * entry's hash covers its fields and the previous entry's hash, as the audit log does.
 */

/** The link before the first entry of a chain. */
export const genesisHash = '0'.repeat(64);

/** sha-256 over the canonical JSON of the entry's fields (the time as ISO text). */
export function chainHash(fields: Readonly<Record<string, unknown>> & { readonly at: Date }): string {
  return createHash('sha256').update(canonicalJson({ ...fields, at: fields.at.toISOString() })).digest('hex');
}

export type EntryChainCheck =
  | { readonly ok: true; readonly checked: number; readonly head: string }
  | { readonly ok: false; readonly checked: number; readonly brokenAtSeq: number; readonly reason: 'link' | 'hash' | 'sequence' };

/** Walks the entries in seq order: each must follow the previous one (seq and link) and match the hash recomputed by `hashOf`. */
export function verifyHashChain<E extends { readonly seq: number; readonly prevHash: string; readonly hash: string }>(entries: readonly E[], hashOf: (entry: E) => string): EntryChainCheck {
  let prev = genesisHash;
  let checked = 0;
  for (const entry of entries) {
    if (entry.seq !== checked + 1) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'sequence' };
    if (entry.prevHash !== prev) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'link' };
    if (hashOf(entry) !== entry.hash) return { ok: false, checked, brokenAtSeq: entry.seq, reason: 'hash' };
    prev = entry.hash;
    checked += 1;
  }
  return { ok: true, checked, head: prev };
}
