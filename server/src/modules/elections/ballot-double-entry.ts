/**
 * Double entry shared by elections and confidence votes: every ballot is keyed by two
 * operators independently; it counts when both read it the same way, or once the committee
 * head recorded a resolution on top of the two entries.
 */

/** What the grouping needs of an entry, whatever the ballot's shape. */
export interface DoubleKeyed<B> {
  readonly ballotNumber: number;
  readonly kind: 'entry' | 'resolution';
  readonly ballot: B;
}

export type DoubleEntryState = 'single' | 'agreed' | 'discrepancy' | 'resolved';

export interface DoubleEntryGroup<E, B> {
  readonly ballotNumber: number;
  readonly entries: readonly E[];
  readonly resolution: E | null;
  readonly state: DoubleEntryState;
  /** The ballot that counts: the resolution, or the two agreeing entries' content; null while not settled. */
  readonly counted: B | null;
}

/** Groups entries by ballot number, in ballot-number order, judging agreement with `same`. */
export function groupDoubleEntries<B, E extends DoubleKeyed<B>>(entries: readonly E[], same: (a: B, b: B) => boolean): DoubleEntryGroup<E, B>[] {
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
    .map(([ballotNumber, group]): DoubleEntryGroup<E, B> => {
      const [first, second] = group.entries;
      if (group.resolution) return { ballotNumber, ...group, state: 'resolved', counted: group.resolution.ballot };
      if (first && second) {
        return same(first.ballot, second.ballot)
          ? { ballotNumber, ...group, state: 'agreed', counted: first.ballot }
          : { ballotNumber, ...group, state: 'discrepancy', counted: null };
      }
      return { ballotNumber, ...group, state: 'single', counted: null };
    });
}
