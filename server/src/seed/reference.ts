import fs from 'node:fs';
import path from 'node:path';
import type { ReorgOperation } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import { repoRoot } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { csvRecords } from '../platform/csv.ts';
import { createUnitsInBulk, type UnitRowInput, validateUnitRows } from '../modules/units/units.bulk.ts';
import { commitReorganisation } from '../modules/units/units.reorg.service.ts';
import { existingByCodes, findByCode } from '../modules/units/units.repository.ts';

const dataDir = path.join(repoRoot, 'server', 'src', 'seed', 'data');
const read = (file: string) => csvRecords(fs.readFileSync(path.join(dataDir, file), 'utf8'));

/** The date the modelled history starts: the 67 organisations directly under the Centre as of 2021. */
export const historyStart = '2021-01-01';

/** Party committee name of a province ("Đảng bộ tỉnh Hà Giang", "Đảng bộ thành phố Hà Nội"). */
export function provinceCommitteeName(name: string, kind: string): string {
  return `Đảng bộ ${kind === 'thành phố' ? 'thành phố' : 'tỉnh'} ${name}`;
}

/** The 67 organisations directly under the Centre as they were in 2021, as rows under TW. */
export function referenceTopRows(): UnitRowInput[] {
  const central = read('central-units.csv').filter((c) => c.kind === 'central_committee' && !c.valid_from);
  const provinces = read('provinces-2025.csv');
  return [
    ...provinces.map((p, i) => ({ row: i + 1, code: p.old_code ?? '', name: provinceCommitteeName(p.old_name ?? '', p.old_kind ?? ''), kind: 'province', parentCode: 'TW', validFrom: historyStart })),
    ...central.map((c, i) => ({ row: provinces.length + i + 1, code: c.code ?? '', name: c.name ?? '', kind: 'central_committee', parentCode: 'TW', validFrom: historyStart })),
  ];
}

/** The recorded reorganisations of 2025, in order, as operations on the reference units. */
export async function reference2025Operations(db: Kysely<DB>): Promise<ReorgOperation[]> {
  const id = async (code: string) => {
    const unit = await findByCode(db, code);
    if (!unit) throw new Error(`reference unit ${code} is missing`);
    return unit.id;
  };
  const base = { confirmBackdated: false } as const;
  const ops: ReorgOperation[] = [
    { ...base, type: 'rename', unitId: await id('46'), name: 'Đảng bộ thành phố Huế', effectiveDate: '2025-01-01', documentNumber: '1314/NQ-UBTVQH15', note: 'Thừa Thiên Huế trở thành thành phố trực thuộc Trung ương' },
  ];
  const root = await id('TW');
  const blocChildren = await db.selectFrom('org_unit').select('id').where('parent_id', '=', await id('KCQTW')).where('valid_to', 'is', null).orderBy('code').execute();
  const newCentral = read('central-units.csv').filter((c) => c.valid_from === '2025-02-03');
  ops.push({
    ...base,
    type: 'split',
    unitId: await id('KCQTW'),
    effectiveDate: '2025-02-03',
    documentNumber: '121-KL/TW',
    note: 'Hai đảng bộ khối kết thúc; thành lập bốn đảng bộ trực thuộc Trung ương',
    successors: newCentral.map((c) => ({ create: { code: c.code ?? '', name: c.name ?? '', kind: 'central_committee' as const }, parentId: root })),
    childAssignments: Object.fromEntries(blocChildren.map((c, i) => [c.id, i % newCentral.length])),
    mainSuccessor: 0,
  });
  const groups = new Map<string, Record<string, string>[]>();
  for (const p of read('provinces-2025.csv')) groups.set(p.new_code ?? '', [...(groups.get(p.new_code ?? '') ?? []), p]);
  const merges: ReorgOperation[] = [];
  const renames: ReorgOperation[] = [];
  for (const [code, members] of groups) {
    const centre = members.find((m) => m.centre_of_new === '1');
    const sources = members.filter((m) => m !== centre);
    if (!centre) continue;
    const common = { ...base, effectiveDate: '2025-07-01', documentNumber: '60-NQ/TW' };
    if (sources.length > 0) {
      merges.push({ ...common, type: 'merge', sourceIds: await Promise.all(sources.map((s) => id(s.old_code ?? ''))), target: { existingId: await id(code) } });
    }
    const newName = provinceCommitteeName(centre.new_name ?? '', centre.new_kind ?? '');
    if (newName !== provinceCommitteeName(centre.old_name ?? '', centre.old_kind ?? '') && code !== '46') {
      renames.push({ ...common, type: 'rename', unitId: await id(code), name: newName });
    }
  }
  return [...ops, ...(await districtAbolitionOperations(db)), ...merges, ...renames];
}

/**
 * The district level ends on 1-7-2025 (60-NQ/TW): in each province the district committees
 * end and their grassroots organisations come directly under the province, before the
 * provinces merge on the same day.
 */
async function districtAbolitionOperations(db: Kysely<DB>): Promise<ReorgOperation[]> {
  const districts = await db
    .selectFrom('org_unit as d')
    .innerJoin('org_unit as p', 'p.id', 'd.parent_id')
    .select(['d.id', 'd.parent_id'])
    .where('d.kind', '=', 'upper_grassroots')
    .where('p.kind', '=', 'province')
    .where('d.valid_to', 'is', null)
    .orderBy('p.code')
    .orderBy('d.code')
    .execute();
  const byProvince = new Map<string, string[]>();
  for (const d of districts) if (d.parent_id) byProvince.set(d.parent_id, [...(byProvince.get(d.parent_id) ?? []), d.id]);
  return [...byProvince].map(([provinceId, sourceIds]) => ({
    confirmBackdated: false,
    type: 'merge' as const,
    sourceIds,
    target: { existingId: provinceId },
    effectiveDate: '2025-07-01',
    documentNumber: '60-NQ/TW',
    note: 'Không tổ chức cấp huyện: đảng bộ huyện kết thúc hoạt động, các tổ chức cơ sở đảng trực thuộc đảng bộ tỉnh',
  }));
}

/** KDNTW merges into Đảng bộ Chính phủ once the four committees exist. */
export async function blocMergeOperation(db: Kysely<DB>): Promise<ReorgOperation> {
  const source = await findByCode(db, 'KDNTW');
  const target = await findByCode(db, 'CP');
  if (!source || !target) throw new Error('central reference units missing');
  return { confirmBackdated: false, type: 'merge', sourceIds: [source.id], target: { existingId: target.id }, effectiveDate: '2025-02-03', documentNumber: '121-KL/TW' };
}

/** Creates the 67 reference units of 2021 (lower levels may be added before the 2025 changes are applied). */
export async function seedReferenceTop(db: Kysely<DB>, ctx: Context): Promise<void> {
  const rows = referenceTopRows();
  const existing = await existingByCodes(db, ['TW']);
  const { errors, ordered } = validateUnitRows(rows, existing);
  if (errors.length > 0) throw new Error(`reference data invalid: ${JSON.stringify(errors.slice(0, 3))}`);
  const root = existing.get('TW');
  await db.transaction().execute((trx) =>
    createUnitsInBulk(trx, ctx, { documentNumber: 'Dữ liệu tham chiếu 2021', note: '63 tỉnh, thành phố và 4 đảng bộ trực thuộc Trung ương', auditUnitId: root?.id ?? null }, ordered, existing),
  );
}

/** Applies the real 2025 changes as reorganisation operations (the units under them follow). */
export async function applyReference2025(db: Kysely<DB>, ctx: Context, onStep?: (done: number, total: number) => void): Promise<void> {
  const ops = await reference2025Operations(db);
  const [rename, split, ...rest] = ops;
  const ordered = [rename, split].filter((o): o is ReorgOperation => o !== undefined);
  let done = 0;
  const total = ops.length + 1;
  for (const op of ordered) {
    await commitReorganisation(db, ctx, op);
    onStep?.((done += 1), total);
  }
  await commitReorganisation(db, ctx, await blocMergeOperation(db));
  onStep?.((done += 1), total);
  for (const op of rest) {
    await commitReorganisation(db, ctx, op);
    onStep?.((done += 1), total);
  }
}
