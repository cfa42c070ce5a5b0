import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

/** Units existing today in scope, by kind. */
export function unitsByKind(db: Kysely<DB>, scope: readonly string[]) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('u.valid_to', 'is', null)
    .where(inScope(sql.ref('u.path'), scope))
    .groupBy('u.kind')
    .orderBy('u.kind')
    .execute();
}

/** Enabled users holding a grant in scope, and their live sessions. */
export async function userFigures(db: Kysely<DB>, scope: readonly string[]) {
  const users = db
    .selectFrom('app_user as a')
    .select('a.id')
    .where('a.disabled_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_grant as g')
          .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
          .select(sql.lit(1).as('one'))
          .whereRef('g.user_id', '=', 'a.id')
          .where(inScope(sql.ref('u.path'), scope)),
      ),
    );
  const [userCount, sessionCount] = await Promise.all([
    db.selectFrom(users.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('user_session as s')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('s.user_id', 'in', users)
      .where('s.expires_at', '>', new Date())
      .executeTakeFirstOrThrow(),
  ]);
  return { users: Number(userCount.n), sessions: Number(sessionCount.n) };
}
