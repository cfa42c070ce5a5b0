import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confidenceVoteSetupRequest, type Role } from '@tcxd/contract';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Context } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { runCli } from '../../../test/cli-process.ts';
import { buildUnit, buildUser, type BuiltUnit, type BuiltUser } from '../../../test/factories.ts';
import { enterConfidenceBallot, finaliseConfidenceVote } from './confidence.ballots.service.ts';
import { createVote, setVoteFigures } from './confidence.service.ts';

const slow = 240_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-confidence-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const asUser = (user: BuiltUser, role: Role, unit: BuiltUnit): Context => ({
  actor: { kind: 'user', userId: user.id, username: user.username, fullName: user.username, activeGrantId: null, grants: [{ id: newId(), role, unitId: unit.id, unitPath: unit.path, unitName: unit.name, unitCode: unit.code }] },
  requestId: null, ip: null, locale: 'vi',
});

/** A finalised confidence vote of 3 double-keyed ballots in a PGlite data directory (closed afterwards for the CLI). */
async function finalisedVote(): Promise<string> {
  const database = await connectDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const unit = await buildUnit(db, { name: 'Đảng bộ xã Mường Phăng' });
    const [h, a, b] = await Promise.all([buildUser(db, [{ role: 'staff', unit }]), buildUser(db, [{ role: 'clerk', unit }]), buildUser(db, [{ role: 'clerk', unit }])]);
    if (!h || !a || !b) throw new Error('users');
    const head = asUser(h, 'staff', unit);
    const vote = await createVote(db, head, confidenceVoteSetupRequest.parse({
      unitId: unit.id, title: 'Lấy phiếu tín nhiệm', heldOn: '2025-06-10', persons: [{ fullName: 'Lò Văn Xuân', post: 'Bí thư' }, { fullName: 'Quàng Thị Hạ', post: 'Phó Bí thư' }],
      convened: 3, present: 3, committee: [{ fullName: 'Trưởng Ban', role: 'head' }], headUserId: h.id, operatorIds: [a.id, b.id],
    }));
    for (let n = 1; n <= 3; n += 1) {
      for (const user of [a, b]) await enterConfidenceBallot(db, asUser(user, 'clerk', unit), vote.id, { ballotNumber: n, ballot: { kind: 'marked', levels: ['high', n === 1 ? 'low' : 'normal'] } });
    }
    await setVoteFigures(db, head, vote.id, { issued: 3, returned: 3, notReturned: 0 });
    await finaliseConfidenceVote(db, head, vote.id);
    return vote.id;
  } finally {
    await database.close();
  }
}

describe('tcxd election verify on a confidence vote', () => {
  it('exits 0 on an intact vote and 1 once an entry is tampered with', async () => {
    const id = await finalisedVote();
    const env = { DATA_DIR: dataDir };
    const intact = await runCli(['election', 'verify', id], env);
    expect(intact.code, intact.stdout + intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Verified: 6');

    const database = await connectDatabase({ kind: 'pglite', dataDir });
    try {
      // The trigger refuses changes; an attacker with the database's superuser switches it off.
      await database.db.connection().execute(async (conn) => {
        await sql`set session_replication_role = replica`.execute(conn);
        await sql`update confidence_ballot_entry set ballot = '{"kind":"marked","levels":["low","low"]}' where vote_id = ${id} and seq = 3`.execute(conn);
        await sql`set session_replication_role = origin`.execute(conn);
      });
    } finally {
      await database.close();
    }
    const tampered = await runCli(['election', 'verify', id], env);
    expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
    expect(tampered.stdout).toContain('seq 3');
  }, slow);
});
