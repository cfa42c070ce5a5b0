import type { UnitKind } from '@tcxd/contract';

/** One effective-dated state of a unit: [validFrom, validTo), validTo null = open. */
export interface Version {
  readonly id: string;
  readonly unitId: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly changeId: string | null;
}

export type VersionAttribute = 'name' | 'kind' | 'parentId';

/** Whether a version is in force on a date (ISO dates compare as strings). */
export function covers(v: Pick<Version, 'validFrom' | 'validTo'>, date: string): boolean {
  return v.validFrom <= date && (v.validTo === null || date < v.validTo);
}

/** Whether [from, to) and [otherFrom, otherTo) share a day (null = open end). */
export function overlaps(from: string, to: string | null, otherFrom: string, otherTo: string | null): boolean {
  return (to === null || otherFrom < to) && (otherTo === null || from < otherTo);
}

/**
 * The versions of a set of units, changed in memory by reorganisation steps that record
 * what they changed (updated and inserted versions) so it can be written back. Used on a
 * loaded subset by the service and on a whole random history by the property tests.
 */
export class VersionStore {
  private readonly byUnit = new Map<string, Version[]>();
  private readonly changed = new Map<string, Version>();
  private readonly inserted = new Set<string>();

  constructor(
    versions: Iterable<Version>,
    private readonly makeId: () => string,
  ) {
    for (const v of versions) this.list(v.unitId).push(v);
    for (const list of this.byUnit.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  }

  private list(unitId: string): Version[] {
    let list = this.byUnit.get(unitId);
    if (!list) {
      list = [];
      this.byUnit.set(unitId, list);
    }
    return list;
  }

  private put(list: Version[], index: number, version: Version): void {
    list[index] = version;
    this.changed.set(version.id, version);
  }

  private insert(list: Version[], version: Version): void {
    list.push(version);
    list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    this.changed.set(version.id, version);
    this.inserted.add(version.id);
  }

  /** Every unit the store knows. */
  unitIds(): string[] {
    return [...this.byUnit.keys()];
  }

  /** All versions of a unit, oldest first. */
  versionsOf(unitId: string): readonly Version[] {
    return this.byUnit.get(unitId) ?? [];
  }

  /** The version of a unit in force on a date. */
  versionAt(unitId: string, date: string): Version | undefined {
    return this.versionsOf(unitId).find((v) => covers(v, date));
  }

  /** First and last day (exclusive) of a unit's existence; null when unknown. */
  lifetime(unitId: string): { from: string; to: string | null } | null {
    const list = this.versionsOf(unitId);
    const first = list[0];
    const last = list[list.length - 1];
    return first && last ? { from: first.validFrom, to: last.validTo } : null;
  }

  /** Units whose version on the date has this parent. */
  childrenAt(parentId: string, date: string): string[] {
    const out: string[] = [];
    for (const [unitId, list] of this.byUnit) if (list.some((v) => v.parentId === parentId && covers(v, date))) out.push(unitId);
    return out;
  }

  /** Versions of other units naming this parent and in force on or after a date. */
  childVersionsFrom(parentId: string, date: string): Version[] {
    const out: Version[] = [];
    for (const list of this.byUnit.values()) for (const v of list) if (v.parentId === parentId && (v.validTo === null || v.validTo > date)) out.push(v);
    return out;
  }

  /** The chain of parents on a date, nearest first; stops (and reports) on a cycle. */
  ancestorsAt(unitId: string, date: string): { chain: string[]; cycle: boolean } {
    const chain: string[] = [];
    let current = this.versionAt(unitId, date)?.parentId ?? null;
    while (current) {
      if (current === unitId || chain.includes(current)) return { chain, cycle: true };
      chain.push(current);
      current = this.versionAt(current, date)?.parentId ?? null;
    }
    return { chain, cycle: false };
  }

  /** Cuts the version in force on a date in two, so that a change can start on that date. */
  splitAt(unitId: string, date: string): void {
    const list = this.list(unitId);
    const index = list.findIndex((v) => covers(v, date));
    const v = list[index];
    if (!v || v.validFrom === date) return;
    this.put(list, index, { ...v, validTo: date });
    this.insert(list, { ...v, id: this.makeId(), validFrom: date });
  }

  /**
   * Sets an attribute from a date until that attribute next changed: the versions from the
   * date on that still carry the old value take the new one.
   */
  setFrom(unitId: string, date: string, attribute: VersionAttribute, value: string | null, changeId: string): void {
    this.splitAt(unitId, date);
    const list = this.list(unitId);
    const start = list.findIndex((v) => v.validFrom === date);
    const first = list[start];
    if (!first) return;
    const old = first[attribute];
    for (let i = start; i < list.length; i += 1) {
      const v = list[i];
      if (!v || v[attribute] !== old) break;
      if (i > start && list[i - 1]?.validTo !== v.validFrom) break;
      this.put(list, i, { ...v, [attribute]: value, changeId: i === start ? changeId : v.changeId });
    }
  }

  /** The end of a version run on a date where an attribute next changes (null: never). */
  attributeUntil(unitId: string, date: string, attribute: VersionAttribute): string | null {
    const list = this.versionsOf(unitId);
    const start = list.findIndex((v) => covers(v, date));
    const first = list[start];
    if (!first) return date;
    let until: string | null = first.validTo;
    for (let i = start + 1; i < list.length; i += 1) {
      const v = list[i];
      if (!v || v[attribute] !== first[attribute] || v.validFrom !== until) break;
      until = v.validTo;
    }
    return until;
  }

  /** Ends a unit on a date (its version in force then is closed; nothing may follow it). */
  endAt(unitId: string, date: string): void {
    const list = this.list(unitId);
    const index = list.findIndex((v) => covers(v, date));
    const v = list[index];
    if (v) this.put(list, index, { ...v, validTo: date });
  }

  /** Adds the first version of a new unit. */
  create(version: Version): void {
    this.insert(this.list(version.unitId), version);
  }

  /** What changed: versions to update (existing) and to insert (new). */
  diff(): { updates: Version[]; inserts: Version[] } {
    const updates: Version[] = [];
    const inserts: Version[] = [];
    for (const v of this.changed.values()) (this.inserted.has(v.id) ? inserts : updates).push(v);
    return { updates, inserts };
  }
}
