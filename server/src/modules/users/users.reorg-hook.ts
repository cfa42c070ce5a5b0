import type { ReorgHook } from '../units/units.hooks.ts';

/**
 * Accounts granted on a unit that ends keep their grant (it still covers that unit's own
 * history); the preview lists them so that an administrator can grant the successor.
 */
export const usersReorgHook: ReorgHook = {
  name: 'users',
  async preview(trx, effect) {
    const ended = effect.ended.map((e) => e.unitId);
    if (ended.length === 0) return [];
    const rows = await trx
      .selectFrom('user_grant as g')
      .innerJoin('app_user as u', 'u.id', 'g.user_id')
      .select(['u.username', 'u.full_name'])
      .distinct()
      .where('g.unit_id', 'in', ended)
      .where('u.disabled_at', 'is', null)
      .orderBy('u.username')
      .execute();
    if (rows.length === 0) return [];
    return [
      {
        kind: 'accounts',
        label: 'Tài khoản được phân quyền trên đơn vị chấm dứt (cần phân quyền lại cho đơn vị kế thừa)',
        count: rows.length,
        examples: rows.slice(0, 5).map((r) => `${r.full_name} (${r.username})`),
      },
    ];
  },
  async apply() {
    // Nothing moves: the grants stay on the ended unit; see the preview text.
  },
};
