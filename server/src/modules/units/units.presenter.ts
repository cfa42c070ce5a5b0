import { unitKind, type UnitEvent, type UnitNode } from '@tcxd/contract';
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

const kindNames: Readonly<Record<string, string>> = {
  root: 'Trung ương',
  central_committee: 'đảng bộ trực thuộc Trung ương',
  province: 'tỉnh ủy, thành ủy',
  upper_grassroots: 'đảng bộ cấp trên cơ sở',
  grassroots_committee: 'đảng bộ cơ sở',
  grassroots_cell: 'chi bộ cơ sở',
  sub_committee: 'đảng bộ bộ phận',
  cell: 'chi bộ',
};

function describe(row: EventRow): string {
  const detail = (row.detail ?? {}) as Record<string, string>;
  const related = row.related.map((r) => r.name).join(', ');
  switch (row.event) {
    case 'created':
      return `Thành lập${related ? `, trực thuộc ${related}` : ''}`;
    case 'renamed':
      return `Đổi tên từ "${detail.from ?? ''}" thành "${detail.to ?? ''}"`;
    case 'kind_changed':
      return `Đổi loại từ ${kindNames[detail.from ?? ''] ?? detail.from} thành ${kindNames[detail.to ?? ''] ?? detail.to}`;
    case 'moved':
      return `Chuyển trực thuộc (${related})`;
    case 'merged_into':
      return `Sáp nhập vào ${related}`;
    case 'absorbed':
      return `Tiếp nhận (sáp nhập) ${related}`;
    case 'split_into':
      return `Chia tách thành ${related}`;
    case 'split_from':
      return `Thành lập từ chia tách ${related}`;
    case 'dissolved':
      return 'Giải thể';
    default:
      return row.event;
  }
}

/** A timeline entry with a sentence saying what happened. */
export function presentEvent(row: EventRow): UnitEvent {
  return {
    id: row.id,
    date: row.effective_date,
    event: row.event as UnitEvent['event'],
    detail: describe(row),
    documentNumber: row.document_number,
    relatedUnits: row.related,
  };
}
