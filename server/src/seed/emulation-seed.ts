import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { createGroup, electNextYear } from '../modules/emulation/emulation.service.ts';
import { findByCode } from '../modules/units/units.repository.ts';

/** Cụm thi đua số 2 (2021): 14 provincial organisation boards, by province code. */
const cluster2Codes = ['31', '22', '20', '24', '27', '30', '33', '35', '37', '34', '36', '38', '40', '42'];

/**
 * The real cluster 2 of 2021 and its conference of 10-12-2021, which elected Quảng Ninh
 * head and Hải Phòng and Ninh Bình deputies for 2022.
 */
export async function seedEmulationCluster2(db: Kysely<DB>, ctx: Context): Promise<void> {
  const id = async (code: string) => {
    const unit = await findByCode(db, code);
    if (!unit) throw new Error(`unit ${code} missing`);
    return unit.id;
  };
  const members = await Promise.all(cluster2Codes.map(async (code) => ({ unitId: await id(code), role: 'member' as const })));
  const group = await createGroup(db, ctx, {
    kind: 'cluster',
    name: 'Cụm thi đua số 2',
    year: 2021,
    note: 'Ban tổ chức tỉnh ủy, thành ủy các tỉnh, thành phố phía Bắc và Bắc Trung Bộ',
    members,
  });
  await electNextYear(db, ctx, group.id, {
    headUnitId: await id('22'),
    deputyUnitIds: [await id('31'), await id('37')],
    note: 'Bầu tại hội nghị tổng kết công tác thi đua năm 2021 (trực tuyến, điểm cầu chính Thái Bình, 10-12-2021)',
  });
}
