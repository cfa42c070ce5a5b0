import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electionSetupRequest, type Role } from '@tcxd/contract';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { enterBallot, finaliseElection } from '../modules/elections/elections.ballots.service.ts';
import { setupBody } from '../modules/elections/elections.fixtures.ts';
import { createElection, setFigures } from '../modules/elections/elections.service.ts';
import type { Context } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
import { runCli } from '../../test/cli-process.ts';
import { buildUnit, buildUser, type BuiltUnit, type BuiltUser } from '../../test/factories.ts';

const slow = 240_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-election-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const asUser = (user: BuiltUser, role: Role, unit: BuiltUnit): Context => ({
  actor: { kind: 'user', userId: user.id, username: user.username, fullName: user.username, activeGrantId: null, grants: [{ id: newId(), role, unitId: unit.id, unitPath: unit.path, unitName: unit.name, unitCode: unit.code }] },
  requestId: null, ip: null, locale: 'vi',
});

/** A finalised election of 4 double-keyed ballots in a PGlite data directory (closed afterwards for the CLI). */
async function finalisedElection(): Promise<string> {
  const database = await connectDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const unit = await buildUnit(db, { name: 'Đảng bộ tỉnh Điện Biên' });
    const [h, a, b] = await Promise.all([buildUser(db, [{ role: 'staff', unit }]), buildUser(db, [{ role: 'clerk', unit }]), buildUser(db, [{ role: 'clerk', unit }])]);
    if (!h || !a || !b) throw new Error('users');
    const head = asUser(h, 'staff', unit);
    const election = await createElection(db, head, electionSetupRequest.parse(setupBody(unit.id, h.id, [a.id, b.id], { convened: 4, votersPresent: 4, exclusions: [] })));
    for (let n = 1; n <= 4; n += 1) {
      for (const [user, role] of [[a, 'clerk'], [b, 'clerk']] as const) await enterBallot(db, asUser(user, role, unit), election.id, { ballotNumber: n, ballot: { kind: 'marked', struck: [15, 16, 17] } });
    }
    await setFigures(db, head, election.id, { issued: 4, returned: 4, notReturned: 0 });
    await finaliseElection(db, head, election.id);
    return election.id;
  } finally {
    await database.close();
  }
}

describe('tcxd election verify', () => {
  it('exits 0 on an intact election and 1 once an entry is tampered with', async () => {
    const id = await finalisedElection();
    const env = { DATA_DIR: dataDir };
    const intact = await runCli(['election', 'verify', id], env);
    expect(intact.code, intact.stdout + intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Verified: 8');

    const database = await connectDatabase({ kind: 'pglite', dataDir });
    try {
      // The trigger refuses changes; an attacker with the database's superuser switches it off.
      await database.db.connection().execute(async (conn) => {
        await sql`set session_replication_role = replica`.execute(conn);
        await sql`update election_ballot_entry set ballot = '{"kind":"marked","struck":[0,1,2]}', marks = 'm7' where election_id = ${id} and seq = 3`.execute(conn);
        await sql`set session_replication_role = origin`.execute(conn);
      });
    } finally {
      await database.close();
    }
    const tampered = await runCli(['election', 'verify', id], env);
    expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
    expect(tampered.stdout).toContain('seq 3');
    const usage = await runCli(['election', 'verify', 'not-an-id'], env);
    expect(usage.code).toBe(1);
  }, slow);
});
