import type { BallotContent } from '@tcxd/contract';
import { groupDoubleEntries } from './ballot-double-entry.ts';

/** What the counting needs of an entry. */
export interface KeyedEntry {
  readonly seq: number;
  readonly ballotNumber: number;
  readonly kind: 'entry' | 'resolution';
  readonly operatorId: string;
  readonly ballot: BallotContent;
}

export type BallotState = 'single' | 'agreed' | 'discrepancy' | 'resolved';

export interface BallotGroup<E extends KeyedEntry> {
  readonly ballotNumber: number;
  readonly entries: readonly E[];
  readonly resolution: E | null;
  readonly state: BallotState;
  /** The ballot that counts: the resolution, or the two agreeing entries' content; null while not settled. */
  readonly counted: BallotContent | null;
}

/** The same ballot read the same way: the same struck set, or the same invalid ruling (notes aside). */
export function sameBallot(a: BallotContent, b: BallotContent): boolean {
  if (a.kind === 'invalid' || b.kind === 'invalid') return a.kind === 'invalid' && b.kind === 'invalid' && a.reason === b.reason;
  if (a === b) return true;
  if (a.struck.length !== b.struck.length) return false;
  // Stored ballots are sorted, so the same positions in the same order settle it without a set.
  if (a.struck.every((position, i) => b.struck[i] === position)) return true;
  const left = new Set(a.struck);
  return b.struck.every((position) => left.has(position));
}

/** Positions marked differently by two entries (every position when one is ruled invalid). */
export function differingPositions(a: BallotContent, b: BallotContent, candidates: number): number[] {
  if (a.kind === 'invalid' || b.kind === 'invalid') return sameBallot(a, b) ? [] : Array.from({ length: candidates }, (_, i) => i);
  const left = new Set(a.struck);
  const right = new Set(b.struck);
  const all = [...new Set([...a.struck, ...b.struck])].filter((p) => left.has(p) !== right.has(p));
  return all.sort((x, y) => x - y);
}

/**
 * Groups entries by ballot number, in ballot-number order. Double entry: a ballot counts
 * when two operators keyed it the same way, or when the committee head resolved it; one
 * entry, or two that differ and are unresolved, keep it out of the count.
 */
export function groupBallots<E extends KeyedEntry>(entries: readonly E[]): BallotGroup<E>[] {
  // The grouping is shared with confidence votes (ballot-double-entry.ts); only the comparison is the election's.
  return groupDoubleEntries(entries, sameBallot);
}

/**
 * The compact form of a ballot stored beside it for counting: 'm' and a hex bitmap of the
 * struck positions, or 'i' and the invalid reason. Reading it is several times faster than
 * jsonb; `tcxd election verify` checks it against the hashed ballot.
 */
export function encodeMarks(ballot: BallotContent): string {
  if (ballot.kind === 'invalid') return `i${ballot.reason}`;
  const max = ballot.struck.reduce((m, p) => Math.max(m, p), -1);
  const nibbles = new Uint8Array(Math.floor(max / 4) + 1);
  for (const p of ballot.struck) nibbles[p >> 2] = (nibbles[p >> 2] ?? 0) | (1 << (p & 3));
  let hex = 'm';
  for (const n of nibbles) hex += n.toString(16);
  return hex;
}

/** The value of one hex digit by its char code (lower case, as encodeMarks writes), -1 otherwise. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Reads the compact form back; null for text that is not one. */
export function decodeMarks(marks: string): BallotContent | null {
  if (marks === 'ino_seal') return { kind: 'invalid', reason: 'no_seal' };
  if (marks === 'iother') return { kind: 'invalid', reason: 'other' };
  if (marks.charCodeAt(0) !== 109) return null; // 'm'
  const struck: number[] = [];
  for (let i = 1; i < marks.length; i += 1) {
    const n = hexValue(marks.charCodeAt(i));
    if (n < 0) return null;
    const base = (i - 1) * 4;
    if (n & 1) struck.push(base);
    if (n & 2) struck.push(base + 1);
    if (n & 4) struck.push(base + 2);
    if (n & 8) struck.push(base + 3);
  }
  return { kind: 'marked', struck };
}

/**
 * Reads the counting text of the repository ("number kind marks" per entry, comma-separated,
 * in chain order) into entries to group; null when an item is not one (a damaged marks column).
 */
export function parseCountingEntries(text: string): KeyedEntry[] | null {
  const entries: KeyedEntry[] = [];
  if (text === '') return entries;
  // The two agreeing entries of a ballot carry the same canonical marks: decode each text once.
  const decoded = new Map<string, BallotContent>();
  let seq = 0;
  let at = 0;
  while (at < text.length) {
    const comma = text.indexOf(',', at);
    const end = comma < 0 ? text.length : comma;
    const space = text.indexOf(' ', at);
    const second = text.indexOf(' ', space + 1);
    if (space < 0 || second < 0 || second >= end) return null;
    const ballotNumber = Number(text.slice(at, space));
    const kind = text.slice(space + 1, second);
    const marks = text.slice(second + 1, end);
    const ballot = decoded.get(marks) ?? decodeMarks(marks);
    if (ballot === null || !Number.isInteger(ballotNumber) || (kind !== 'entry' && kind !== 'resolution')) return null;
    decoded.set(marks, ballot);
    seq += 1;
    // The operator does not matter to the count; grouping only needs number, kind and ballot.
    entries.push({ seq, ballotNumber, kind, operatorId: '', ballot });
    at = end + 1;
  }
  return entries;
}
