import type { BallotContent } from '@tcxd/contract';

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
  if (a.struck.length !== b.struck.length) return false;
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
  const byNumber = new Map<number, { entries: E[]; resolution: E | null }>();
  for (const entry of entries) {
    let group = byNumber.get(entry.ballotNumber);
    if (!group) {
      group = { entries: [], resolution: null };
      byNumber.set(entry.ballotNumber, group);
    }
    if (entry.kind === 'resolution') group.resolution = entry;
    else group.entries.push(entry);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ballotNumber, group]) => {
      const [first, second] = group.entries;
      if (group.resolution) return { ballotNumber, ...group, state: 'resolved', counted: group.resolution.ballot };
      if (first && second) {
        return sameBallot(first.ballot, second.ballot)
          ? { ballotNumber, ...group, state: 'agreed', counted: first.ballot }
          : { ballotNumber, ...group, state: 'discrepancy', counted: null };
      }
      return { ballotNumber, ...group, state: 'single', counted: null };
    });
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

/** Reads the compact form back; null for text that is not one. */
export function decodeMarks(marks: string): BallotContent | null {
  if (marks === 'ino_seal') return { kind: 'invalid', reason: 'no_seal' };
  if (marks === 'iother') return { kind: 'invalid', reason: 'other' };
  if (marks[0] !== 'm') return null;
  const struck: number[] = [];
  for (let i = 1; i < marks.length; i += 1) {
    const n = Number.parseInt(marks.charAt(i), 16);
    if (Number.isNaN(n)) return null;
    for (let bit = 0; bit < 4; bit += 1) if (n & (1 << bit)) struck.push((i - 1) * 4 + bit);
  }
  return { kind: 'marked', struck };
}
