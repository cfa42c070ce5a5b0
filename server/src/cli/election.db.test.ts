import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electionSetupRequest } from '@tcxd/contract';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { enterBallot, finaliseElection } from '../modules/elections/elections.ballots.service.ts';
import { setupBody } from '../modules/elections/elections.fixtures.ts';
import { createElection, setFigures } from '../modules/elections/elections.service.ts';
import { asUser, expectVerifyCatchesTamper } from '../../test/ballot-verify.ts';
import { runCli } from '../../test/cli-process.ts';
import { buildUnit, buildUser } from '../../test/factories.ts';

const slow = 240_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-election-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

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
    await expectVerifyCatchesTamper(dataDir, id, 8, sql`update election_ballot_entry set ballot = '{"kind":"marked","struck":[0,1,2]}', marks = 'm7' where election_id = ${id} and seq = 3`);
    const usage = await runCli(['election', 'verify', 'not-an-id'], { DATA_DIR: dataDir });
    expect(usage.code).toBe(1);
  }, slow);
});
