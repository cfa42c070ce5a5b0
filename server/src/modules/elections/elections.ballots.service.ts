import type { BallotEntryRequest, BallotResolutionRequest, ElectionResultsView } from '@tcxd/contract';
import { electionResultsView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { electionGenesisHash, entryHash } from './elections.chain.ts';
import { decodeMarks, differingPositions, encodeMarks, groupBallots, parseCountingEntries } from './elections.count.ts';
import { figuresOf, presentEntry } from './elections.presenter.ts';
import { computeResults, messageView } from './elections.results.ts';
import * as repo from './elections.repository.ts';
import { refusedWith, requireElection, requireOpen, rulesOn } from './elections.service.ts';

type Db = Kysely<DB> | Transaction<DB>;

function requireHead(ctx: Context, row: repo.ElectionRow): void {
  if (actorUserId(ctx) !== row.head_user_id) throw refusedWith(ctx, 'Chỉ Trưởng ban kiểm phiếu được thực hiện thao tác này', 'Only the head of the counting committee may do this');
}

/** Normalises and judges a ballot by the rules: refuses positions off the list or struck twice. */
function judged(ctx: Context, row: repo.ElectionRow, candidates: number, request: BallotEntryRequest) {
  const ballot = request.ballot.kind === 'marked' ? { kind: 'marked' as const, struck: [...request.ballot.struck].sort((a, b) => a - b) } : request.ballot;
  const rules = rulesOn(ctx, row.held_on);
  const judgement = rules.judgeBallot(ballot.kind === 'marked' ? ballot : { kind: 'invalid', reason: ballot.reason }, { seats: row.seats, candidates }, request.ballotNumber);
  if (!judgement.ok) throw invalid(judgement.errors.map((m) => ({ path: 'ballot.struck', message: ctx.locale === 'en' ? m.en : m.vi })));
  const j = judgement.value;
  return { ballot, judgement: j.valid ? { valid: true, reason: null, message: null } : { valid: false, reason: j.reason, message: messageView(j.message, ctx.locale).message } };
}

/** Appends one chained entry under the election's row lock and returns it. */
async function append(trx: Transaction<DB>, ctx: Context, row: repo.ElectionRow, last: { seq: number; hash: string } | undefined, kind: 'entry' | 'resolution', request: BallotEntryRequest, ballot: BallotEntryRequest['ballot'], note: string | null) {
  const operatorId = actorUserId(ctx);
  if (operatorId === null) throw new AppError('forbidden');
  const fields = { electionId: row.id, seq: (last?.seq ?? 0) + 1, id: newId(), ballotNumber: request.ballotNumber, kind, operatorId, ballot, note, at: new Date(), prevHash: last?.hash ?? electionGenesisHash };
  const hash = entryHash(fields);
  const stored = { election_id: row.id, seq: fields.seq, id: fields.id, ballot_number: fields.ballotNumber, kind, operator_id: operatorId, marks: encodeMarks(ballot), note, at: fields.at, prev_hash: fields.prevHash, hash };
  await repo.insertEntry(trx, { ...stored, ballot: canonicalJson(ballot) });
  return presentEntry({ ...stored, ballot });
}

/**
 * An operator keys one ballot. Each operator keys a ballot number once and each ballot is
 * keyed by two operators independently; the entry is appended to the election's chain.
 */
export async function enterBallot(db: Kysely<DB>, ctx: Context, id: string, request: BallotEntryRequest) {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    await repo.lockElection(trx, id);
    requireOpen(ctx, row);
    // One light read per ballot keyed (not the whole setup): entry is the hot path of a count.
    const setup = await repo.entrySetupOf(trx, id, request.ballotNumber);
    if (!setup.operators.includes(actorUserId(ctx) ?? '')) throw refusedWith(ctx, 'Bạn không có trong danh sách người nhập phiếu của cuộc bầu cử này', 'You are not an operator of this election');
    const { ballot, judgement } = judged(ctx, row, setup.candidates, request);
    const existing = setup.keyed;
    if (existing.some((e) => e.operator_id === actorUserId(ctx))) throw refusedWith(ctx, `Bạn đã nhập phiếu số ${request.ballotNumber}; phiếu phải do người thứ hai nhập độc lập`, `You already keyed ballot ${request.ballotNumber}; a second operator must key it independently`);
    if (existing.length >= 2) throw refusedWith(ctx, `Phiếu số ${request.ballotNumber} đã được nhập đủ hai lần`, `Ballot ${request.ballotNumber} has already been keyed twice`);
    const entry = await append(trx, ctx, row, setup.last, 'entry', request, ballot, null);
    const other = existing[0];
    const otherBallot = other === undefined ? null : decodeMarks(other.marks);
    const status = other === undefined || otherBallot === null ? 'single' : groupBallots([{ seq: other.seq, ballotNumber: request.ballotNumber, kind: 'entry', operatorId: other.operator_id, ballot: otherBallot }, { ...entry, kind: 'entry' }])[0]?.state ?? 'single';
    await recordAudit(trx, ctx, { action: 'election.ballot_entered', entityType: 'election', entityId: id, unitId: row.unit_id, after: { seq: entry.seq, ballotNumber: entry.ballotNumber, hash: entry.hash } });
    return { entry, judgement, status };
  });
}

/** Every entry of an election in chain order. */
export async function listEntries(db: Db, ctx: Context, id: string) {
  await requireElection(db, ctx, id);
  return (await repo.entriesOf(db, id)).map(presentEntry);
}

/** Ballots whose two entries differ, side by side, with the resolution if one was recorded. */
export async function listDiscrepancies(db: Db, ctx: Context, id: string) {
  await requireElection(db, ctx, id);
  const setup = await repo.setupOf(db, id);
  const entries = (await repo.entriesOf(db, id)).map(presentEntry);
  return groupBallots(entries).flatMap((g) => {
    const [a, b] = g.entries;
    if (!a || !b || (g.state !== 'discrepancy' && g.state !== 'resolved')) return [];
    const differing = differingPositions(a.ballot, b.ballot, setup.candidates.length);
    if (differing.length === 0 && g.state === 'resolved') return [];
    return [{ ballotNumber: g.ballotNumber, entries: [a, b], differingPositions: differing, resolution: g.resolution }];
  });
}

/** The committee head settles a discrepancy; the resolution is recorded on top of the two entries. */
export async function resolveBallot(db: Kysely<DB>, ctx: Context, id: string, request: BallotResolutionRequest) {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    await repo.lockElection(trx, id);
    requireOpen(ctx, row);
    requireHead(ctx, row);
    const setup = await repo.setupOf(trx, id);
    const { ballot, judgement } = judged(ctx, row, setup.candidates.length, request);
    const existing = (await repo.entriesOfBallot(trx, id, request.ballotNumber)).map(presentEntry);
    const [group] = groupBallots(existing);
    if (group?.state !== 'discrepancy') throw refusedWith(ctx, `Phiếu số ${request.ballotNumber} không có chênh lệch cần xử lý`, `Ballot ${request.ballotNumber} has no discrepancy to resolve`);
    const entry = await append(trx, ctx, row, await repo.lastEntry(trx, row.id), 'resolution', request, ballot, request.note);
    await recordAudit(trx, ctx, { action: 'election.ballot_resolved', entityType: 'election', entityId: id, unitId: row.unit_id, before: { entries: group.entries }, after: entry });
    return { entry, judgement, status: 'resolved' as const };
  });
}

/** The count and the results: the stored final tally once finalised, else computed from the entries. */
export async function electionResults(db: Db, ctx: Context, id: string): Promise<ElectionResultsView> {
  const row = await requireElection(db, ctx, id);
  if (row.status === 'finalised') return electionResultsView.parse(row.final_tally);
  return liveResults(db, ctx, row);
}

/** Computes the results from the entries as they stand (what the routes and the benchmark time). */
export async function liveResults(db: Db, ctx: Context, row: repo.ElectionRow): Promise<ElectionResultsView> {
  const input = await repo.countingInputOf(db, row.id);
  const keyed = parseCountingEntries(input.entries);
  if (keyed === null) throw new Error(`election ${row.id}: unreadable marks`);
  return computeResults(
    {
      id: row.id,
      rules: rulesOn(ctx, row.held_on),
      status: row.status === 'finalised' ? 'finalised' : 'open',
      seats: row.seats,
      base: row.convened - input.excluded,
      tiePolicy: row.tie_policy === 'congress_decides' ? 'congress_decides' : 'further_round',
      candidateNames: input.names,
      figures: figuresOf(row),
    },
    keyed,
    input.head ?? electionGenesisHash,
    ctx.locale,
  );
}

/**
 * The committee head locks the results: refused while ballots are pending, the figures do
 * not reconcile, or the rules refuse the count. Stores the tally with the chain head.
 */
export async function finaliseElection(db: Kysely<DB>, ctx: Context, id: string): Promise<ElectionResultsView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    await repo.lockElection(trx, id);
    requireOpen(ctx, row);
    requireHead(ctx, row);
    const results = await liveResults(trx, ctx, row);
    const problems = [...results.problems, ...results.reconciliation.discrepancies];
    if (problems.length > 0 || !results.reconciliation.finalisable) {
      throw new AppError('refused', { params: { reason: problems.map((p) => p.message).join('; ') }, issues: problems.map((p) => ({ path: p.code, message: p.message })) });
    }
    const final = { ...results, status: 'finalised' as const };
    await repo.saveFinal(trx, id, canonicalJson(final), final.chainHead, actorUserId(ctx));
    await recordAudit(trx, ctx, { action: 'election.finalised', entityType: 'election', entityId: id, unitId: row.unit_id, after: { chainHead: final.chainHead, elected: final.elected, entries: final.entries } });
    return final;
  });
}
