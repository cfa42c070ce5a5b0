import { type Locale, unitEvent, unitKind, type UnitEvent, type UnitNode } from '@tcxd/contract';
import type { NodeRow } from './units.repository.ts';

const collator = new Intl.Collator('vi');

/** A unit as the tree shows it. */
export function presentNode(row: Pick<NodeRow, 'id' | 'code' | 'name' | 'kind' | 'parent_id' | 'valid_from' | 'valid_to' | 'child_count'>): UnitNode {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: unitKind.parse(row.kind),
    parentId: row.parent_id,
    childCount: Number(row.child_count ?? 0),
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Units in Vietnamese alphabetical order of their names. */
export function sortByName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}

interface EventRow {
  readonly id: string;
  readonly event: string;
  readonly effective_date: string;
  readonly detail: unknown;
  readonly document_number: string;
  readonly related: { id: string; name: string }[];
}

const kindNames: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: {
    root: 'Trung ương',
    central_committee: 'đảng bộ trực thuộc Trung ương',
    province: 'tỉnh ủy, thành ủy',
    upper_grassroots: 'đảng bộ cấp trên cơ sở',
    grassroots_committee: 'đảng bộ cơ sở',
    grassroots_cell: 'chi bộ cơ sở',
    sub_committee: 'đảng bộ bộ phận',
    cell: 'chi bộ',
  },
  en: {
    root: 'Centre',
    central_committee: 'party organisation directly under the Centre',
    province: 'provincial committee',
    upper_grassroots: 'intermediate party organisation',
    grassroots_committee: 'grassroots party committee',
    grassroots_cell: 'grassroots party cell',
    sub_committee: 'sub-organisation',
    cell: 'party cell',
  },
};

type Sentences = Readonly<Record<UnitEvent['event'], (related: string, detail: Readonly<Record<string, string>>, kind: (k: string | undefined) => string) => string>>;

/** One sentence per event kind and language. */
const sentences: Readonly<Record<Locale, Sentences>> = {
  vi: {
    created: (r) => `Thành lập${r ? `, trực thuộc ${r}` : ''}`,
    renamed: (_r, d) => `Đổi tên từ "${d.from ?? ''}" thành "${d.to ?? ''}"`,
    kind_changed: (_r, d, k) => `Đổi loại từ ${k(d.from)} thành ${k(d.to)}`,
    moved: (r) => `Chuyển trực thuộc (${r})`,
    merged_into: (r) => `Sáp nhập vào ${r}`,
    absorbed: (r) => `Tiếp nhận (sáp nhập) ${r}`,
    split_into: (r) => `Chia tách thành ${r}`,
    split_from: (r) => `Thành lập từ chia tách ${r}`,
    dissolved: () => 'Giải thể',
  },
  en: {
    created: (r) => `Created${r ? `, under ${r}` : ''}`,
    renamed: (_r, d) => `Renamed from "${d.from ?? ''}" to "${d.to ?? ''}"`,
    kind_changed: (_r, d, k) => `Kind changed from ${k(d.from)} to ${k(d.to)}`,
    moved: (r) => `Moved (${r})`,
    merged_into: (r) => `Merged into ${r}`,
    absorbed: (r) => `Absorbed ${r}`,
    split_into: (r) => `Split into ${r}`,
    split_from: (r) => `Created by the split of ${r}`,
    dissolved: () => 'Dissolved',
  },
};

function describe(row: EventRow, event: UnitEvent['event'], locale: Locale): string {
  const detail = (row.detail ?? {}) as Record<string, string>;
  const related = row.related.map((r) => r.name).join(', ');
  const kind = (k: string | undefined) => kindNames[locale][k ?? ''] ?? k ?? '';
  return sentences[locale][event](related, detail, kind);
}

/** A timeline entry with a sentence saying what happened. */
export function presentEvent(row: EventRow, locale: Locale): UnitEvent {
  const event = unitEvent.shape.event.parse(row.event);
  return {
    id: row.id,
    date: row.effective_date,
    event,
    detail: describe(row, event, locale),
    documentNumber: row.document_number,
    relatedUnits: row.related,
  };
}
