import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confidenceVoteSetupRequest } from '@tcxd/contract';
import { sql } from 'kysely';
import { afterAll, describe, it } from 'vitest';
import { connectDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { asUser, expectVerifyCatchesTamper } from '../../../test/ballot-verify.ts';
import { buildUnit, buildUser } from '../../../test/factories.ts';
import { enterConfidenceBallot, finaliseConfidenceVote } from './confidence.ballots.service.ts';
import { createVote, setVoteFigures } from './confidence.service.ts';

const slow = 240_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-confidence-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

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
    await expectVerifyCatchesTamper(dataDir, id, 6, sql`update confidence_ballot_entry set ballot = '{"kind":"marked","levels":["low","low"]}' where vote_id = ${id} and seq = 3`);
  }, slow);
});
