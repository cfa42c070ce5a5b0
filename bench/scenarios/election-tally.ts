import { electionSetupRequest } from '@tcxd/contract';
import { connectDatabase, type Database } from '../../server/src/db/connect.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { liveResults } from '../../server/src/modules/elections/elections.ballots.service.ts';
import { electionGenesisHash, entryHash } from '../../server/src/modules/elections/elections.chain.ts';
import { encodeMarks } from '../../server/src/modules/elections/elections.count.ts';
import { electionById } from '../../server/src/modules/elections/elections.repository.ts';
import { createElection } from '../../server/src/modules/elections/elections.service.ts';
import { canonicalJson } from '../../server/src/platform/canonical-json.ts';
import { systemContext } from '../../server/src/platform/context.ts';
import { newId, pathLabel } from '../../server/src/platform/ids.ts';
import type { Metric, Scenario, Target } from '../lib/types.ts';

const ballotCount = 1_600;
const candidateCount = 250;
const seats = 200;
const targetMs = 50;

async function open(target: Target): Promise<Database> {
  const url = target.env.DATABASE_URL;
  if (url) return connectDatabase({ kind: 'postgres', url });
  const dataDir = target.env.DATA_DIR;
  if (!dataDir) throw new Error('target without DATA_DIR or DATABASE_URL');
  return connectDatabase({ kind: 'pglite', dataDir });
}

/** Deterministic struck names of ballot n: at least candidates − seats, a few more on some ballots. */
function struckOf(n: number): number[] {
  const extra = n % 7;
  const count = candidateCount - seats + extra;
  const start = (n * 37) % candidateCount;
  return Array.from({ length: count }, (_, i) => (start + i * 3) % candidateCount).filter((v, i, all) => all.indexOf(v) === i).sort((a, b) => a - b);
}

/**
 * The tally and results of an election of 200 seats from 250 candidates with 1,600
 * ballots, each keyed twice (3,200 chained entries): what GET /api/elections/:id/results
 * does — read the setup and the entries, group the double entries, count and decide.
 */
export const scenario: Scenario = {
  name: 'election-tally',
  description:
    'Kiểm phiếu và kết quả bầu cử: 1.600 phiếu × 250 ứng cử viên, mỗi phiếu nhập hai lần (đọc CSDL + tính). / ' +
    'Election tally and results: 1,600 ballots × 250 candidates, each keyed twice (database read + computation).',
  async run(ctx, target) {
    const database = await open(target);
    const { db } = database;
    try {
      await migrateToLatest(db);
      const unitId = newId();
      await db.insertInto('org_unit').values({ id: unitId, code: `BENCH-${unitId.slice(-6)}`, name: 'Đảng bộ tỉnh Thử Nghiệm', kind: 'province', parent_id: null, path: pathLabel(unitId), valid_from: '2020-01-01', valid_to: null, search_text: 'dang bo tinh thu nghiem' }).execute();
      const userIds = [newId(), newId(), newId()];
      await db.insertInto('app_user').values(userIds.map((id, i) => ({ id, username: `bench.election.${i}.${id.slice(-6)}`, full_name: `Người Nhập ${i}`, email: null, locale: 'vi', password_hash: 'x', must_change_password: false, password_changed_at: new Date() }))).execute();
      await db.insertInto('user_grant').values(userIds.map((userId) => ({ id: newId(), user_id: userId, role: 'clerk', unit_id: unitId }))).execute();
      const [head = '', op1 = '', op2 = ''] = userIds;
      const election = await createElection(db, systemContext('bench'), electionSetupRequest.parse({
        unitId, title: 'Bầu Ban Chấp hành (thử tải)', body: 'committee', heldOn: '2025-06-01', seats,
        candidates: Array.from({ length: candidateCount }, (_, i) => ({ fullName: `Ứng Cử Viên ${i + 1}` })),
        convened: 1_700, votersPresent: 1_650, committee: [{ fullName: 'Trưởng Ban Kiểm Phiếu', role: 'head' }], headUserId: head, operatorIds: [op1, op2], acceptWarnings: true,
      }));
      let prev = electionGenesisHash;
      let seq = 0;
      const rows = [];
      for (let n = 1; n <= ballotCount; n += 1) {
        for (const operatorId of [op1, op2]) {
          seq += 1;
          const ballot = { kind: 'marked' as const, struck: struckOf(n) };
          const fields = { electionId: election.id, seq, id: newId(), ballotNumber: n, kind: 'entry' as const, operatorId, ballot, note: null, at: new Date(), prevHash: prev };
          const hash = entryHash(fields);
          rows.push({ election_id: election.id, seq, id: fields.id, ballot_number: n, kind: 'entry', operator_id: operatorId, ballot: canonicalJson(ballot), marks: encodeMarks(ballot), note: null, at: fields.at, prev_hash: prev, hash });
          prev = hash;
        }
      }
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('election_ballot_entry').values(rows.slice(i, i + 500)).execute();
      await db.updateTable('election').set({ issued: 1_650, returned: ballotCount, not_returned: 50 }).where('id', '=', election.id).execute();
      const row = await electionById(db, election.id);
      if (!row) throw new Error('election not found');
      ctx.progress(`keyed ${rows.length} entries`);

      const runs = ctx.runs ?? 30;
      const samples: number[] = [];
      for (let run = 0; run < runs + 3; run += 1) {
        const started = performance.now();
        const results = await liveResults(db, systemContext('bench'), row);
        const elapsed = performance.now() - started;
        if (results.ballots.counted !== ballotCount || results.problems.length > 0) throw new Error(`unexpected results: ${JSON.stringify(results.problems)}`);
        if (run >= 3) samples.push(elapsed);
      }
      const metrics: Metric[] = [{ name: 'tally + results (1,600 ballots × 250 candidates, read + compute)', unit: 'ms', samples, targetMax: targetMs }];
      return metrics;
    } finally {
      await database.close();
    }
  },
};
