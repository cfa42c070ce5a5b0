import { type Agent, signIn, type TestApp } from './app.ts';
import { buildUser } from './factories.ts';

/** Signs in a new staff account of the Central level (unit code TW) of the seeded reference structure. */
export async function signInCentreStaff(t: TestApp): Promise<Agent> {
  const root = await t.database.db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('code', '=', 'TW').executeTakeFirstOrThrow();
  const staff = await buildUser(t.database.db, [{ role: 'staff', unit: root }]);
  return signIn(t.app, staff.username, staff.password);
}
