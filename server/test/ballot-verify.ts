import type { Role } from '@tcxd/contract';
import { type RawBuilder, sql } from 'kysely';
import { expect } from 'vitest';
import { connectDatabase } from '../src/db/connect.ts';
import type { Context } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { runCli } from './cli-process.ts';
import type { BuiltUnit, BuiltUser } from './factories.ts';

/** A service context acting as `user` with one grant of `role` on `unit` (for calling services directly). */
export const asUser = (user: BuiltUser, role: Role, unit: BuiltUnit): Context => ({
  actor: { kind: 'user', userId: user.id, username: user.username, fullName: user.username, activeGrantId: null, grants: [{ id: newId(), role, unitId: unit.id, unitPath: unit.path, unitName: unit.name, unitCode: unit.code }] },
  requestId: null, ip: null, locale: 'vi',
});

/**
 * Runs `tcxd election verify <id>` on the PGlite data directory: it must verify `verified` entries and exit 0,
 * then, after `tamper` rewrites entry seq 3 behind the append-only trigger, exit 1 naming seq 3.
 */
export async function expectVerifyCatchesTamper(dataDir: string, id: string, verified: number, tamper: RawBuilder<unknown>): Promise<void> {
  const env = { DATA_DIR: dataDir };
  const intact = await runCli(['election', 'verify', id], env);
  expect(intact.code, intact.stdout + intact.stderr).toBe(0);
  expect(intact.stdout).toContain(`Verified: ${verified}`);

  const database = await connectDatabase({ kind: 'pglite', dataDir });
  try {
    // The trigger refuses changes; an attacker with the database's superuser switches it off.
    await database.db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await tamper.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
  } finally {
    await database.close();
  }
  const tampered = await runCli(['election', 'verify', id], env);
  expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
  expect(tampered.stdout).toContain('seq 3');
}
