import { ballotContent, electionResultsView, type ElectionResultsView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { systemContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { verifyEntryChain } from './elections.chain.ts';
import { encodeMarks } from './elections.count.ts';
import { liveResults } from './elections.ballots.service.ts';
import * as repo from './elections.repository.ts';

export interface ElectionVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly chainHead: string | null;
  readonly finalised: boolean;
  /** What differs, in Vietnamese / English; empty when everything matches. */
  readonly problems: readonly string[];
}

/** The figures that make the result: what a tampered entry would change. */
function essence(results: ElectionResultsView): string {
  return canonicalJson({
    ballots: results.ballots,
    candidates: results.candidates.map((c) => [c.position, c.votes, c.standing]),
    elected: results.elected,
    outcome: results.outcome,
    chainHead: results.chainHead,
    entries: results.entries,
  });
}

/**
 * Recomputes an election's entry chain (every link and hash) and, once finalised, the
 * tally from the entries, and compares both with what was recorded at finalisation.
 */
export async function verifyElection(db: Kysely<DB>, id: string): Promise<ElectionVerification> {
  const row = await repo.electionById(db, id);
  if (!row) throw notFound();
  const entries = await repo.entriesOf(db, id);
  const chain = verifyEntryChain(
    entries.map((e) => ({
      electionId: e.election_id, seq: e.seq, id: e.id, ballotNumber: e.ballot_number, kind: e.kind === 'resolution' ? 'resolution' : 'entry',
      operatorId: e.operator_id, ballot: ballotContent.parse(e.ballot), note: e.note, at: e.at, prevHash: e.prev_hash, hash: e.hash,
    })),
  );
  const problems: string[] = [];
  const mismatched = entries.find((e) => encodeMarks(ballotContent.parse(e.ballot)) !== e.marks);
  if (mismatched) problems.push(`Dạng đếm của mục ${mismatched.seq} khác phiếu đã băm / The counting form of seq ${mismatched.seq} differs from the hashed ballot`);
  if (!chain.ok) problems.push(`Chuỗi phiếu bị phá vỡ tại mục ${chain.brokenAtSeq} (${chain.reason}) / Entry chain broken at seq ${chain.brokenAtSeq} (${chain.reason})`);
  const finalised = row.status === 'finalised';
  if (finalised) {
    const stored = electionResultsView.parse(row.final_tally);
    if (chain.ok && stored.chainHead !== chain.head) problems.push(`Đầu chuỗi đã công bố ${stored.chainHead} khác đầu chuỗi tính lại ${chain.head} / Published chain head differs from the recomputed one`);
    if (row.chain_head !== stored.chainHead) problems.push('Đầu chuỗi lưu trong cuộc bầu cử khác bản kiểm phiếu / The election row’s chain head differs from the tally');
    const recomputed = await liveResults(db, systemContext('election-verify'), row);
    if (essence(recomputed) !== essence(stored)) problems.push('Kết quả tính lại từ các phiếu đã nhập khác kết quả đã chốt / The tally recomputed from the entries differs from the finalised one');
  }
  return { ok: problems.length === 0, entries: entries.length, chainHead: chain.ok ? chain.head : null, finalised, problems };
}
