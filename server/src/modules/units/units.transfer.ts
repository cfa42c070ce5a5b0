import { unitKinds } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { readSheet, type SheetFormat, writeSheet } from '../../documents/spreadsheet.ts';
import { requireUnit, scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { todayVn } from '../../platform/today.ts';
import { createUnitsInBulk, type RowError, type UnitRowInput, validateUnitRows } from './units.bulk.ts';
import { kindLabels } from './units.kinds.ts';
import * as repo from './units.repository.ts';
import { vn } from './units.plan.ts';

/** Column headers of the structure file, Vietnamese first; English names are accepted too. */
export const structureColumns = [
  { key: 'code', header: 'Mã đơn vị', aliases: ['ma', 'ma don vi', 'code'] },
  { key: 'name', header: 'Tên đơn vị', aliases: ['ten', 'ten don vi', 'name'] },
  { key: 'kind', header: 'Loại', aliases: ['loai', 'loai don vi', 'kind'] },
  { key: 'parent_code', header: 'Mã đơn vị cấp trên', aliases: ['ma cap tren', 'ma don vi cap tren', 'parent code', 'parent_code'] },
  { key: 'valid_from', header: 'Hiệu lực từ', aliases: ['hieu luc tu', 'ngay thanh lap', 'valid from', 'valid_from'] },
  { key: 'valid_to', header: 'Hiệu lực đến', aliases: ['hieu luc den', 'ngay cham dut', 'valid to', 'valid_to'] },
] as const;
type ColumnKey = (typeof structureColumns)[number]['key'];

const kindByLabel = new Map<string, string>([
  ...unitKinds.map((k) => [k, k] as const),
  ...Object.entries(kindLabels).map(([k, label]) => [normalizeSearch(label), k] as const),
]);

/** dd/mm/yyyy or yyyy-mm-dd to ISO; anything else is returned as is (and refused later). */
function toIso(value: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : value;
}

export interface ImportResult {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly unchanged: number;
  readonly errors: RowError[];
}

/**
 * Imports units from an .xlsx or CSV file: every row and column is checked, rows already
 * present unchanged are skipped (re-importing changes nothing), and either every new row is
 * created in one transaction or nothing is.
 */
export async function importStructure(
  db: Kysely<DB>,
  ctx: Context,
  file: { buffer: Buffer; format: SheetFormat },
  options: { dryRun: boolean; documentNumber: string },
): Promise<ImportResult> {
  const sheet = await readSheet(file.buffer, file.format);
  const index = new Map<ColumnKey, number>();
  sheet.headers.forEach((h, i) => {
    const col = structureColumns.find((c) => (c.aliases as readonly string[]).includes(normalizeSearch(h)));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const errors: RowError[] = sheet.problems.map((p) => ({ ...p }));
  for (const c of structureColumns) if (c.key !== 'valid_to' && !index.has(c.key) && sheet.problems.length === 0) errors.push({ row: 1, column: c.header, message: `Thiếu cột "${c.header}"` });
  const cell = (cells: readonly string[], key: ColumnKey) => cells[index.get(key) ?? -1] ?? '';
  const rows: UnitRowInput[] = sheet.rows.map((r) => ({
    row: r.row,
    code: cell(r.cells, 'code'),
    name: cell(r.cells, 'name'),
    kind: kindByLabel.get(normalizeSearch(cell(r.cells, 'kind'))) ?? cell(r.cells, 'kind'),
    parentCode: cell(r.cells, 'parent_code'),
    validFrom: toIso(cell(r.cells, 'valid_from')),
    validTo: toIso(cell(r.cells, 'valid_to')) || null,
  }));
  const existing = await repo.existingByCodes(db, rows.flatMap((r) => [r.code, r.parentCode]).filter(Boolean));
  const current = await repo.currentByCodes(db, rows.map((r) => r.code).filter((c) => existing.has(c)));
  const unchanged = rows.filter((r) => {
    const c = current.get(r.code);
    return c !== undefined && c.name === r.name && c.kind === r.kind && c.parentCode === r.parentCode;
  });
  const fresh = rows.filter((r) => !unchanged.includes(r));
  for (const parentCode of new Set(fresh.map((r) => r.parentCode))) {
    const parent = existing.get(parentCode);
    if (parent) await requireUnit(db, ctx, parent.id, 'structure.write');
  }
  const checked = validateUnitRows(fresh, existing);
  const headerOf = (key: string) => structureColumns.find((c) => c.key === key)?.header ?? key;
  errors.push(...checked.errors.map((e) => ({ ...e, column: headerOf(e.column) })));
  errors.sort((a, b) => a.row - b.row);
  const result = { rows: rows.length, unchanged: unchanged.length, errors, dryRun: options.dryRun };
  if (errors.length > 0) return { ...result, ok: false, created: 0 };
  if (options.dryRun || checked.ordered.length === 0) return { ...result, ok: true, created: options.dryRun ? checked.ordered.length : 0 };
  const firstParent = existing.get(checked.ordered[0]?.parentCode ?? '');
  await db.transaction().execute((trx) =>
    createUnitsInBulk(trx, ctx, { documentNumber: options.documentNumber, note: 'Nhập từ tệp', auditUnitId: firstParent?.id ?? null }, checked.ordered, existing),
  );
  if (checked.ordered.length > 1000) await repo.analyzeStructure(db);
  return { ...result, ok: true, created: checked.ordered.length };
}

/** The subtree of a unit as of a date as an .xlsx or CSV file in the import layout. */
export async function exportStructure(db: Kysely<DB>, ctx: Context, rootId: string, asOf: string | undefined, format: SheetFormat): Promise<{ buffer: Buffer; fileName: string }> {
  await requireUnit(db, ctx, rootId, 'read');
  const date = asOf ?? todayVn();
  const units = await repo.subtreeAsOf(db, scopePaths(ctx, 'read'), rootId, date);
  const codes = new Map(units.map((u) => [u.id, u.code]));
  const parentCodes = await repo.codesOf(db, units.map((u) => u.parent_id).filter((p): p is string => p !== null && !codes.has(p)));
  const rows = units
    .sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code))
    .map((u) => [u.code, u.name, u.kind, u.parent_id ? codes.get(u.parent_id) ?? parentCodes.get(u.parent_id) ?? '' : '', vn(u.valid_from), u.valid_to ? vn(u.valid_to) : '']);
  const buffer = await writeSheet('Co cau to chuc', structureColumns.map((c) => c.header), rows, format);
  return { buffer, fileName: `co-cau-to-chuc-${date}.${format}` };
}
