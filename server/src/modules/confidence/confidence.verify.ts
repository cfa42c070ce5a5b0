import { confidenceResultsView, type ConfidenceResultsView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { systemContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { ElectionVerification } from '../elections/elections.verify.ts';
import { liveConfidenceResults } from './confidence.ballots.service.ts';
import { verifyConfidenceChain } from './confidence.chain.ts';
import * as repo from './confidence.repository.ts';

/** The figures that make the result: what a tampered entry would change. */
function essence(results: ConfidenceResultsView): string {
  return canonicalJson({
    ballots: results.ballots,
    participants: results.participants,
    persons: results.persons.map((p) => [p.position, p.high, p.normal, p.low, p.notRated, p.consequence]),
    chainHead: results.chainHead,
    entries: results.entries,
  });
}

/** Whether an id names a confidence vote (the CLI's verify command serves both kinds of count). */
export async function isConfidenceVote(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await repo.voteById(db, id)) !== undefined;
}

/**
 * Recomputes a confidence vote's entry chain (every link and hash) and, once finalised, the
 * tally from the entries, and compares both with what was recorded at finalisation.
 */
export async function verifyConfidenceVote(db: Kysely<DB>, id: string): Promise<ElectionVerification> {
  const row = await repo.voteById(db, id);
  if (!row) throw notFound();
  const entries = await repo.entriesOf(db, id);
  const chain = verifyConfidenceChain(entries);
  const problems: string[] = [];
  if (!chain.ok) problems.push(`Chuỗi phiếu bị phá vỡ tại mục ${chain.brokenAtSeq} (${chain.reason}) / Entry chain broken at seq ${chain.brokenAtSeq} (${chain.reason})`);
  const finalised = row.status === 'finalised';
  if (finalised) {
    const stored = confidenceResultsView.parse(row.final_tally);
    if (chain.ok && stored.chainHead !== chain.head) problems.push(`Đầu chuỗi đã công bố ${stored.chainHead} khác đầu chuỗi tính lại ${chain.head} / Published chain head differs from the recomputed one`);
    if (row.chain_head !== stored.chainHead) problems.push('Đầu chuỗi lưu trong đợt lấy phiếu khác bản kiểm phiếu / The vote row’s chain head differs from the tally');
    const recomputed = await liveConfidenceResults(db, systemContext('confidence-verify'), row);
    if (essence(recomputed) !== essence(stored)) problems.push('Kết quả tính lại từ các phiếu đã nhập khác kết quả đã chốt / The tally recomputed from the entries differs from the finalised one');
  }
  return { ok: problems.length === 0, entries: entries.length, chainHead: chain.ok ? chain.head : null, finalised, problems };
}
