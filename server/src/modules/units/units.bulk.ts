import { type UnitKind, unitKinds } from '@tcxd/contract';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { canContain, kindLabels } from './units.kinds.ts';
import { vn } from './units.plan.ts';

/** One unit to create, its parent named by code (in the same batch or already existing). */
export interface UnitRowInput {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly parentCode: string;
  readonly validFrom: string;
  readonly validTo?: string | null;
}

export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface ExistingParent {
  readonly id: string;
  readonly kind: UnitKind;
  readonly path: string;
  readonly from: string;
  readonly to: string | null;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * Checks a batch of new units, every row and column, without I/O: required fields, kinds,
 * duplicate and taken codes, parents (in the batch or existing), kind containment, dates.
 * Returns the rows in creation order (parents first) when there is no error.
 */
export function validateUnitRows(
  rows: readonly UnitRowInput[],
  existing: ReadonlyMap<string, ExistingParent>,
): { errors: RowError[]; ordered: UnitRowInput[] } {
  const errors: RowError[] = [];
  const byCode = new Map<string, UnitRowInput>();
  for (const r of rows) {
    if (!r.code) errors.push({ row: r.row, column: 'code', message: 'Thiếu mã đơn vị' });
    else if (byCode.has(r.code)) errors.push({ row: r.row, column: 'code', message: `Mã ${r.code} trùng với dòng ${byCode.get(r.code)?.row}` });
    else if (existing.has(r.code)) errors.push({ row: r.row, column: 'code', message: `Mã ${r.code} đã có trong hệ thống` });
    else byCode.set(r.code, r);
    if (!r.name) errors.push({ row: r.row, column: 'name', message: 'Thiếu tên đơn vị' });
    if (!(unitKinds as readonly string[]).includes(r.kind)) errors.push({ row: r.row, column: 'kind', message: `Loại "${r.kind}" không hợp lệ (${Object.values(kindLabels).join('; ')})` });
    if (!isDate(r.validFrom)) errors.push({ row: r.row, column: 'valid_from', message: `Ngày "${vn(r.validFrom)}" không hợp lệ (dd/mm/yyyy)` });
    if (r.validTo && !isDate(r.validTo)) errors.push({ row: r.row, column: 'valid_to', message: `Ngày "${vn(r.validTo)}" không hợp lệ (dd/mm/yyyy)` });
    else if (r.validTo && r.validTo <= r.validFrom) errors.push({ row: r.row, column: 'valid_to', message: 'Ngày chấm dứt phải sau ngày thành lập' });
  }
  for (const r of rows) {
    const inBatch = byCode.get(r.parentCode);
    const outside = existing.get(r.parentCode);
    if (!r.parentCode) errors.push({ row: r.row, column: 'parent_code', message: 'Thiếu mã đơn vị cấp trên' });
    else if (!inBatch && !outside) errors.push({ row: r.row, column: 'parent_code', message: `Không có đơn vị cấp trên mã ${r.parentCode}` });
    const parentKind = inBatch?.kind ?? outside?.kind;
    if (parentKind && (unitKinds as readonly string[]).includes(r.kind) && (unitKinds as readonly string[]).includes(parentKind) && !canContain(parentKind as UnitKind, r.kind as UnitKind)) {
      errors.push({ row: r.row, column: 'kind', message: `Đơn vị loại ${kindLabels[parentKind as UnitKind] ?? parentKind} (mã ${r.parentCode}) không thể có đơn vị trực thuộc loại ${kindLabels[r.kind as UnitKind] ?? r.kind}` });
    }
    const parentFrom = inBatch?.validFrom ?? outside?.from;
    if (parentFrom && isDate(r.validFrom) && r.validFrom < parentFrom) errors.push({ row: r.row, column: 'valid_from', message: `Ngày thành lập trước ngày thành lập đơn vị cấp trên (${vn(parentFrom)})` });
    if (outside?.to && isDate(r.validFrom) && outside.to <= r.validFrom) errors.push({ row: r.row, column: 'parent_code', message: `Đơn vị cấp trên ${r.parentCode} đã chấm dứt từ ${vn(outside.to)}` });
    const parentTo = inBatch ? inBatch.validTo ?? null : outside?.to ?? null;
    if (parentTo && (!r.validTo || r.validTo > parentTo)) errors.push({ row: r.row, column: 'valid_to', message: `Đơn vị cấp trên ${r.parentCode} chấm dứt từ ${vn(parentTo)}; đơn vị trực thuộc phải chấm dứt trước hoặc cùng ngày` });
  }
  const ordered: UnitRowInput[] = [];
  const placed = new Set(existing.keys());
  let pending = rows.filter((r) => byCode.get(r.code) === r);
  while (pending.length > 0) {
    const ready = pending.filter((r) => placed.has(r.parentCode));
    if (ready.length === 0) {
      for (const r of pending) if (byCode.has(r.parentCode)) errors.push({ row: r.row, column: 'parent_code', message: 'Quan hệ cấp trên tạo vòng lặp' });
      break;
    }
    for (const r of ready) {
      ordered.push(r);
      placed.add(r.code);
    }
    pending = pending.filter((r) => !placed.has(r.code));
  }
  return { errors, ordered };
}

/** Writes a validated batch as one change (type import), with versions, events and one audit row. */
export async function createUnitsInBulk(
  trx: Transaction<DB>,
  ctx: Context,
  meta: { documentNumber: string; note: string | null; auditUnitId: string | null },
  ordered: readonly UnitRowInput[],
  existing: ReadonlyMap<string, ExistingParent>,
): Promise<{ changeId: string; created: number }> {
  const changeId = newId();
  await trx
    .insertInto('org_change')
    .values({ id: changeId, type: 'import', effective_date: ordered[0]?.validFrom ?? '1930-02-03', document_number: meta.documentNumber, note: meta.note, operation: JSON.stringify({ type: 'import', rows: ordered.length }), actor_id: actorUserId(ctx) })
    .execute();
  const placed = new Map<string, { id: string; path: string }>([...existing].map(([code, p]) => [code, { id: p.id, path: p.path }]));
  const units = [];
  const versions = [];
  const events = [];
  for (const r of ordered) {
    const parent = placed.get(r.parentCode);
    if (!parent) throw new Error(`parent ${r.parentCode} not placed`);
    const id = newId();
    const path = `${parent.path}.${pathLabel(id)}`;
    placed.set(r.code, { id, path });
    const validTo = r.validTo || null;
    units.push({ id, code: r.code, name: r.name, kind: r.kind, parent_id: parent.id, path, valid_from: r.validFrom, valid_to: validTo, search_text: normalizeSearch(`${r.code} ${r.name}`) });
    versions.push({ id: newId(), unit_id: id, name: r.name, kind: r.kind, parent_id: parent.id, valid_from: r.validFrom, valid_to: validTo, change_id: changeId });
    events.push({ id: newId(), change_id: changeId, unit_id: id, event: 'created', effective_date: r.validFrom, detail: JSON.stringify({ code: r.code }) });
    if (validTo) events.push({ id: newId(), change_id: changeId, unit_id: id, event: 'dissolved', effective_date: validTo, detail: '{}' });
  }
  for (let i = 0; i < units.length; i += 1000) {
    await trx.insertInto('org_unit').values(units.slice(i, i + 1000)).execute();
    await trx.insertInto('org_unit_version').values(versions.slice(i, i + 1000)).execute();
    await trx.insertInto('org_unit_event').values(events.slice(i, i + 1000)).execute();
  }
  await recordAudit(trx, ctx, {
    action: 'unit.import',
    entityType: 'org_change',
    entityId: changeId,
    unitId: meta.auditUnitId,
    after: { documentNumber: meta.documentNumber, created: units.length, codes: units.slice(0, 50).map((u) => u.code) },
  });
  return { changeId, created: units.length };
}
