import type { BallotFiguresInput, ConfidenceVoteSetupRequest, ConfidenceVoteView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { confidenceRulesFor, type ConfidenceRules } from '../../rules/confidence/index.ts';
import { checkAccounts, refusedBy, refusedWith } from '../elections/elections.service.ts';
import * as repo from './confidence.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The confidence-vote rules in force on a date, or a refusal. */
export function confidenceRulesOn(ctx: Context, date: string): ConfidenceRules {
  const picked = confidenceRulesFor(date);
  if (!picked.ok) throw refusedBy(ctx, picked.errors);
  return picked.value;
}

/** A vote whose unit the actor may read (else 404), and, for a permission, act on (else 403). */
export async function requireVote(db: Db, ctx: Context, id: string, permission: 'read' | 'records.write' = 'read'): Promise<repo.VoteRow> {
  const row = await repo.voteInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  if (permission !== 'read' && !withinScope(row.unit_path, scopePaths(ctx, permission))) throw new AppError('forbidden');
  return row;
}

/** Refuses any change once the committee head has finalised the results. */
export function requireOpenVote(ctx: Context, row: repo.VoteRow): void {
  if (row.status === 'finalised') throw refusedWith(ctx, 'Kết quả đã được Trưởng ban kiểm phiếu chốt, không thể thay đổi', 'The results are finalised by the committee head and cannot change');
}

/** The figures of a vote once all three are entered. */
export function voteFigures(row: repo.VoteRow): BallotFiguresInput | null {
  if (row.issued === null || row.returned === null || row.not_returned === null) return null;
  return { issued: row.issued, returned: row.returned, notReturned: row.not_returned };
}

const committeeRole = (role: string): 'head' | 'deputy' | 'member' => (role === 'head' || role === 'deputy' ? role : 'member');

function present(row: repo.VoteRow, setup: repo.SetupRows): ConfidenceVoteView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    heldOn: row.held_on,
    convened: row.convened,
    present: row.present,
    rulesVersion: row.rules_version,
    status: row.status === 'finalised' ? 'finalised' : 'open',
    persons: setup.persons.map((p) => ({ position: p.position, fullName: p.full_name, post: p.post })),
    committee: setup.committee.map((c) => ({ fullName: c.full_name, role: committeeRole(c.role) })),
    headUserId: row.head_user_id,
    operatorIds: setup.operators,
    figures: voteFigures(row),
    chainHead: row.chain_head,
    finalisedAt: row.finalised_at ? row.finalised_at.toISOString() : null,
  };
}

/** Confidence votes of units in the actor's scope. */
export async function listVotes(db: Kysely<DB>, ctx: Context, unitId: string | undefined) {
  const rows = await repo.votesInScope(db, scopePaths(ctx, 'read'), unitId);
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, title: r.title, heldOn: r.held_on, convened: r.convened, status: r.status === 'finalised' ? ('finalised' as const) : ('open' as const) }));
}

/** One vote in scope, with its setup. */
export async function getVote(db: Db, ctx: Context, id: string): Promise<ConfidenceVoteView> {
  const row = await requireVote(db, ctx, id);
  return present(row, await repo.setupOf(db, id));
}

/** Exactly one committee head; nobody assessed counts the ballots of their own vote. */
function checkSetup(ctx: Context, input: ConfidenceVoteSetupRequest): void {
  if (input.present > input.convened) throw refusedWith(ctx, `Số có mặt (${input.present}) lớn hơn số được triệu tập (${input.convened})`, `Those present (${input.present}) exceed those convened (${input.convened})`);
  const names = input.persons.map((p) => normalizeSearch(p.fullName));
  if (new Set(names).size !== names.length) throw refusedWith(ctx, 'Danh sách lấy phiếu có tên trùng nhau', 'The ballot list has the same name twice');
  if (input.committee.filter((c) => c.role === 'head').length !== 1) throw refusedWith(ctx, 'Ban kiểm phiếu phải có đúng một Trưởng ban', 'The counting committee must have exactly one head');
  const clash = input.committee.find((c) => names.includes(normalizeSearch(c.fullName)));
  if (clash) throw refusedWith(ctx, `${clash.fullName} được lấy phiếu, không được là thành viên Ban kiểm phiếu`, `${clash.fullName} is being assessed and cannot sit on the counting committee`);
}

/** Sets up a confidence vote of a unit in the actor's scope. */
export async function createVote(db: Kysely<DB>, ctx: Context, input: ConfidenceVoteSetupRequest): Promise<ConfidenceVoteView> {
  const unit = await requireUnit(db, ctx, input.unitId, 'records.write');
  const rules = confidenceRulesOn(ctx, input.heldOn);
  checkSetup(ctx, input);
  return db.transaction().execute(async (trx) => {
    await checkAccounts(trx, ctx, unit.path, input.headUserId, input.operatorIds);
    const id = newId();
    await repo.insertVote(trx, { ...input, id, rulesVersion: rules.version.id });
    const created = await getVote(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'confidence.created', entityType: 'confidence_vote', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

/** Records the ballots issued, returned and not returned (before finalisation). */
export async function setVoteFigures(db: Kysely<DB>, ctx: Context, id: string, figures: BallotFiguresInput): Promise<ConfidenceVoteView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireVote(trx, ctx, id, 'records.write');
    requireOpenVote(ctx, row);
    await repo.saveFigures(trx, id, figures);
    await recordAudit(trx, ctx, { action: 'confidence.figures_set', entityType: 'confidence_vote', entityId: id, unitId: row.unit_id, before: voteFigures(row), after: figures });
    return getVote(trx, ctx, id);
  });
}
