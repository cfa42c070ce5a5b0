import type { ConfidenceBallot, ConfidenceDiscrepancyView, ConfidenceEntryRequest, ConfidenceResolutionRequest, ConfidenceResultsView } from '@tcxd/contract';
import { confidenceResultsView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { genesisHash } from '../elections/ballot-chain.ts';
import { refusedWith } from '../elections/elections.service.ts';
import { confidenceEntryHash, presentConfidenceEntry } from './confidence.chain.ts';
import { computeConfidenceResults, differingLevels, groupConfidenceEntries } from './confidence.results.ts';
import { confidenceRulesOn, requireOpenVote, requireVote, voteFigures } from './confidence.service.ts';
import * as repo from './confidence.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

function requireHead(ctx: Context, row: repo.VoteRow): void {
  if (actorUserId(ctx) !== row.head_user_id) throw refusedWith(ctx, 'Chỉ Trưởng ban kiểm phiếu được thực hiện thao tác này', 'Only the head of the counting committee may do this');
}

/** A marked ballot must give one level (or a blank) for each person on the list; returns the blank positions. */
function checkBallot(ctx: Context, persons: number, ballot: ConfidenceBallot): number[] {
  if (ballot.kind === 'invalid') return [];
  if (ballot.levels.length !== persons) {
    throw invalid([{ path: 'ballot.levels', message: ctx.locale === 'en' ? `The ballot lists ${persons} persons; ${ballot.levels.length} levels were sent` : `Phiếu có ${persons} người; đã gửi ${ballot.levels.length} mức` }]);
  }
  return ballot.levels.flatMap((level, i) => (level === null ? [i] : []));
}

/** Appends one chained entry under the vote's row lock. */
async function append(trx: Transaction<DB>, ctx: Context, row: repo.VoteRow, kind: 'entry' | 'resolution', request: ConfidenceEntryRequest, note: string | null) {
  const operatorId = actorUserId(ctx);
  if (operatorId === null) throw new AppError('forbidden');
  const last = await repo.lastEntry(trx, row.id);
  const fields = { voteId: row.id, seq: (last?.seq ?? 0) + 1, id: newId(), ballotNumber: request.ballotNumber, kind, operatorId, ballot: request.ballot, note, at: new Date(), prevHash: last?.hash ?? genesisHash };
  const hash = confidenceEntryHash(fields);
  const stored = { vote_id: row.id, seq: fields.seq, id: fields.id, ballot_number: fields.ballotNumber, kind, operator_id: operatorId, note, at: fields.at, prev_hash: fields.prevHash, hash };
  await repo.insertEntry(trx, { ...stored, ballot: canonicalJson(request.ballot) });
  return presentConfidenceEntry({ ...stored, ballot: request.ballot });
}

/**
 * An operator keys one ballot. Each operator keys a ballot number once and each ballot is
 * keyed by two operators independently; the entry is appended to the vote's chain.
 */
export async function enterConfidenceBallot(db: Kysely<DB>, ctx: Context, id: string, request: ConfidenceEntryRequest) {
  return db.transaction().execute(async (trx) => {
    const row = await requireVote(trx, ctx, id, 'records.write');
    await repo.lockVote(trx, id);
    requireOpenVote(ctx, row);
    const setup = await repo.setupOf(trx, id);
    if (!setup.operators.includes(actorUserId(ctx) ?? '')) throw refusedWith(ctx, 'Bạn không có trong danh sách người nhập phiếu của đợt lấy phiếu này', 'You are not an operator of this confidence vote');
    const blank = checkBallot(ctx, setup.persons.length, request.ballot);
    const existing = (await repo.entriesOfBallot(trx, id, request.ballotNumber)).filter((e) => e.kind === 'entry');
    if (existing.some((e) => e.operator_id === actorUserId(ctx))) throw refusedWith(ctx, `Bạn đã nhập phiếu số ${request.ballotNumber}; phiếu phải do người thứ hai nhập độc lập`, `You already keyed ballot ${request.ballotNumber}; a second operator must key it independently`);
    if (existing.length >= 2) throw refusedWith(ctx, `Phiếu số ${request.ballotNumber} đã được nhập đủ hai lần`, `Ballot ${request.ballotNumber} has already been keyed twice`);
    const entry = await append(trx, ctx, row, 'entry', request, null);
    const [group] = groupConfidenceEntries([...existing.map(presentConfidenceEntry), entry]);
    await recordAudit(trx, ctx, { action: 'confidence.ballot_entered', entityType: 'confidence_vote', entityId: id, unitId: row.unit_id, after: { seq: entry.seq, ballotNumber: entry.ballotNumber, hash: entry.hash } });
    return { entry, blank, status: group?.state === 'agreed' || group?.state === 'discrepancy' ? group.state : ('single' as const) };
  });
}

/** Every entry of a vote in chain order. */
export async function listConfidenceEntries(db: Db, ctx: Context, id: string) {
  await requireVote(db, ctx, id);
  return (await repo.entriesOf(db, id)).map(presentConfidenceEntry);
}

/** Ballots whose two entries differ, side by side, with the resolution if one was recorded. */
export async function listConfidenceDiscrepancies(db: Db, ctx: Context, id: string): Promise<ConfidenceDiscrepancyView[]> {
  await requireVote(db, ctx, id);
  const setup = await repo.setupOf(db, id);
  const entries = (await repo.entriesOf(db, id)).map(presentConfidenceEntry);
  return groupConfidenceEntries(entries).flatMap((g) => {
    const [a, b] = g.entries;
    if (!a || !b || (g.state !== 'discrepancy' && g.state !== 'resolved')) return [];
    const differing = differingLevels(a.ballot, b.ballot, setup.persons.length);
    if (differing.length === 0) return [];
    return [{ ballotNumber: g.ballotNumber, entries: [a, b], differingPositions: differing, resolution: g.resolution }];
  });
}

/** The committee head settles a discrepancy; the resolution is recorded on top of the two entries. */
export async function resolveConfidenceBallot(db: Kysely<DB>, ctx: Context, id: string, request: ConfidenceResolutionRequest) {
  return db.transaction().execute(async (trx) => {
    const row = await requireVote(trx, ctx, id, 'records.write');
    await repo.lockVote(trx, id);
    requireOpenVote(ctx, row);
    requireHead(ctx, row);
    const setup = await repo.setupOf(trx, id);
    const blank = checkBallot(ctx, setup.persons.length, request.ballot);
    const [group] = groupConfidenceEntries((await repo.entriesOfBallot(trx, id, request.ballotNumber)).map(presentConfidenceEntry));
    if (group?.state !== 'discrepancy') throw refusedWith(ctx, `Phiếu số ${request.ballotNumber} không có chênh lệch cần xử lý`, `Ballot ${request.ballotNumber} has no discrepancy to resolve`);
    const entry = await append(trx, ctx, row, 'resolution', request, request.note);
    await recordAudit(trx, ctx, { action: 'confidence.ballot_resolved', entityType: 'confidence_vote', entityId: id, unitId: row.unit_id, before: { entries: group.entries }, after: entry });
    return { entry, blank, status: 'resolved' as const };
  });
}

/** Computes the results from the entries as they stand. */
export async function liveConfidenceResults(db: Db, ctx: Context, row: repo.VoteRow): Promise<ConfidenceResultsView> {
  const [setup, entries] = await Promise.all([repo.setupOf(db, row.id), repo.entriesOf(db, row.id)]);
  const presented = entries.map(presentConfidenceEntry);
  return computeConfidenceResults(
    {
      voteId: row.id,
      rules: confidenceRulesOn(ctx, row.held_on),
      status: row.status === 'finalised' ? 'finalised' : 'open',
      convened: row.convened,
      present: row.present,
      persons: setup.persons.map((p) => ({ fullName: p.full_name, post: p.post })),
      figures: voteFigures(row),
    },
    presented,
    presented.at(-1)?.hash ?? genesisHash,
    ctx.locale,
  );
}

/** The count and the results: the stored final tally once finalised, else computed from the entries. */
export async function confidenceResults(db: Db, ctx: Context, id: string): Promise<ConfidenceResultsView> {
  const row = await requireVote(db, ctx, id);
  if (row.status === 'finalised') return confidenceResultsView.parse(row.final_tally);
  return liveConfidenceResults(db, ctx, row);
}

/**
 * The committee head locks the results: refused while ballots are pending, the figures do
 * not reconcile or fewer than 2/3 of those convened took part. Stores the tally with the chain head.
 */
export async function finaliseConfidenceVote(db: Kysely<DB>, ctx: Context, id: string): Promise<ConfidenceResultsView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireVote(trx, ctx, id, 'records.write');
    await repo.lockVote(trx, id);
    requireOpenVote(ctx, row);
    requireHead(ctx, row);
    const results = await liveConfidenceResults(trx, ctx, row);
    if (!results.finalisable) {
      throw new AppError('refused', { params: { reason: results.problems.map((p) => p.message).join('; ') }, issues: results.problems.map((p) => ({ path: p.code, message: p.message })) });
    }
    const final = { ...results, status: 'finalised' as const };
    await repo.saveFinal(trx, id, canonicalJson(final), final.chainHead, actorUserId(ctx));
    await recordAudit(trx, ctx, { action: 'confidence.finalised', entityType: 'confidence_vote', entityId: id, unitId: row.unit_id, after: { chainHead: final.chainHead, entries: final.entries, consequences: final.persons.map((p) => p.consequence) } });
    return final;
  });
}
