import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { systemContext } from './platform/context.ts';
import { ensureRootUnit } from './modules/units/units.service.ts';
import { createUser } from './modules/users/users.service.ts';
import { type Progress, seedDemo, structureIsEmpty } from './seed/seed.ts';

export const firstAdminUsername = 'admin';

/**
 * Prepares an empty database: the root of the structure (with the reference structure and
 * demo lower levels when asked) and, when no account exists,
 * a system administrator with a random password (returned so it can be printed once).
 */
export async function bootstrap(
  db: Kysely<DB>,
  options: { demo: boolean; progress?: Progress } = { demo: false },
): Promise<{ adminPassword: string | null }> {
  const ctx = systemContext('first-start');
  const rootId = await ensureRootUnit(db, ctx);
  if (options.demo && (await structureIsEmpty(db))) await seedDemo(db, ctx, 'small', options.progress);
  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { adminPassword: null };
  const { temporaryPassword } = await createUser(db, ctx, {
    username: firstAdminUsername,
    fullName: 'Quản trị hệ thống',
    email: null,
    locale: 'vi',
    grants: [{ role: 'admin', unitId: rootId }],
  });
  return { adminPassword: temporaryPassword };
}
