import { sql } from 'kysely';
import { pathLabel } from '../../platform/ids.ts';
import type { ReorgEffect, ReorgHook } from '../units/units.hooks.ts';
import { eventsOf } from './members.repository.ts';
import { toRuleEvent } from './members.history.ts';
import { rewriteDerived } from './members.service.ts';
import { rebuildTallies } from './members.stats.repository.ts';

const ended = (effect: ReorgEffect) => effect.ended.map((e) => e.unitId);

/**
 * Members follow their cells: when a cell ends, its members pass to the successor the
 * registry recorded (their history keeps the old cell until that day), and the tallies of
 * the organisations directly under the Centre that lost or gained cells are recounted.
 */
export const membersReorgHook: ReorgHook = {
  name: 'members',
  async preview(trx, effect) {
    const ids = ended(effect);
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('party_member')
      .select(['full_name'])
      .where((eb) => eb.or([eb('home_cell_id', 'in', ids), eb('transit_to_cell_id', 'in', ids), eb('temporary_cell_id', 'in', ids)]))
      .where('status', 'in', ['probationary', 'full', 'in_transit'])
      .orderBy('sort_key')
      .execute();
    if (rows.length === 0) return [];
    return [{ kind: 'members', label: 'Đảng viên của chi bộ chấm dứt, chuyển sang đơn vị kế thừa', count: rows.length, examples: rows.slice(0, 5).map((r) => r.full_name) }];
  },
  async apply(trx, _ctx, effect) {
    const ids = ended(effect);
    if (ids.length > 0) {
      const members = await trx
        .selectFrom('party_member')
        .select('id')
        .where((eb) => eb.or([eb('home_cell_id', 'in', ids), eb('transit_to_cell_id', 'in', ids), eb('temporary_cell_id', 'in', ids)]))
        .execute();
      for (const m of members) await rewriteDerived(trx, m.id, (await eventsOf(trx, m.id)).map(toRuleEvent));
    }
    const touched = [...ids, ...effect.ended.flatMap((e) => (e.successorId ? [e.successorId] : [])), ...effect.moved.flatMap((m) => [m.unitId, m.from, m.to])];
    if (touched.length === 0) return;
    const tops = await sql<{ label: string }>`
      select distinct subpath(path, 1, 1)::text as label from org_unit where id = any(${sql.val(touched)}::uuid[]) and nlevel(path) > 1`.execute(trx);
    await rebuildTallies(trx, [...new Set([...tops.rows.map((r) => r.label), ...ids.map(pathLabel)])]);
  },
};
