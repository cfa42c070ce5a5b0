import type { BallotFiguresInput, ElectionSetupRequest, ElectionView } from '@tcxd/contract';
import { electedBody, type nextRoundRequest, role, rolePermissions } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeSearch } from '../../platform/search-text.ts';
import { electionRulesFor, type ElectionRules } from '../../rules/elections/index.ts';
import type { RuleMessage } from '../../rules/rule-outcome.ts';
import { presentElection } from './elections.presenter.ts';
import * as repo from './elections.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A refusal carrying the rules' messages in the reader's language. */
export function refusedBy(ctx: Context, messages: readonly RuleMessage[]): AppError {
  const text = messages.map((m) => (ctx.locale === 'en' ? m.en : m.vi)).join('; ');
  return new AppError('refused', { params: { reason: text }, issues: messages.map((m) => ({ path: m.code, message: ctx.locale === 'en' ? m.en : m.vi })) });
}

/** A refusal with a message of this module. */
export function refusedWith(ctx: Context, vi: string, en: string): AppError {
  return new AppError('refused', { params: { reason: ctx.locale === 'en' ? en : vi } });
}

/** The rules in force on a date, or a refusal. */
export function rulesOn(ctx: Context, date: string): ElectionRules {
  const picked = electionRulesFor(date);
  if (!picked.ok) throw refusedBy(ctx, picked.errors);
  return picked.value;
}

/** An election whose unit the actor may read (else 404), and, for a permission, act on (else 403). */
export async function requireElection(db: Db, ctx: Context, id: string, permission: 'read' | 'records.write' = 'read'): Promise<repo.ElectionRow> {
  const row = await repo.electionInScope(db, scopePaths(ctx, 'read'), id);
  if (!row) throw notFound();
  if (permission !== 'read' && !withinScope(row.unit_path, scopePaths(ctx, permission))) throw new AppError('forbidden');
  return row;
}

/** Refuses any change once the committee head has finalised the results. */
export function requireOpen(ctx: Context, row: repo.ElectionRow): void {
  if (row.status === 'finalised') throw refusedWith(ctx, 'Kết quả đã được Trưởng ban kiểm phiếu chốt, không thể thay đổi', 'The results are finalised by the committee head and cannot change');
}

async function view(db: Db, ctx: Context, row: repo.ElectionRow): Promise<ElectionView> {
  return presentElection(row, await repo.setupOf(db, row.id), rulesOn(ctx, row.held_on), ctx.locale);
}

/** Elections of units in the actor's scope. */
export async function listElections(db: Kysely<DB>, ctx: Context, unitId: string | undefined) {
  const rows = await repo.electionsInScope(db, scopePaths(ctx, 'read'), unitId);
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, title: r.title, body: electedBody.parse(r.body), heldOn: r.held_on, round: r.round, seats: r.seats, status: r.status === 'finalised' ? ('finalised' as const) : ('open' as const) }));
}

/** One election in scope, with its setup. */
export async function getElection(db: Db, ctx: Context, id: string): Promise<ElectionView> {
  return view(db, ctx, await requireElection(db, ctx, id));
}

const mayWrite = (value: string | null): boolean => {
  const parsed = role.safeParse(value);
  return parsed.success && rolePermissions[parsed.data].includes('records.write');
};

/** Accounts the setup may name as committee head or operators of a unit: active, allowed to enter its records. */
export async function electionAccounts(db: Kysely<DB>, ctx: Context, unitId: string) {
  const unit = await requireUnit(db, ctx, unitId, 'records.write');
  const rows = await repo.accountsGrantedOver(db, unit.path);
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    if (!mayWrite(r.role) || seen.has(r.id)) return [];
    seen.add(r.id);
    return [{ id: r.id, username: r.username, fullName: r.full_name }];
  });
}

/** Operators and the head must be active accounts that may write records of the election's (or confidence vote's) unit. */
export async function checkAccounts(db: Db, ctx: Context, unitPath: string, headUserId: string, operatorIds: readonly string[]): Promise<void> {
  if (new Set(operatorIds).size !== operatorIds.length) throw invalid([{ path: 'operatorIds', message: ctx.locale === 'en' ? 'An operator is listed twice' : 'Một người nhập phiếu bị liệt kê hai lần' }]);
  const rows = await repo.usersWithGrantPaths(db, [headUserId, ...operatorIds]);
  const entitled = new Set(rows.filter((r) => r.path !== null && mayWrite(r.role) && withinScope(unitPath, [r.path])).map((r) => r.id));
  const missing = [headUserId, ...operatorIds].filter((id) => !entitled.has(id));
  if (missing.length > 0) {
    throw invalid([{ path: 'operatorIds', message: ctx.locale === 'en' ? 'The head and every operator must be active accounts allowed to enter records of this unit' : 'Trưởng ban kiểm phiếu và người nhập phiếu phải là tài khoản đang hoạt động có quyền nhập liệu của đơn vị này' }]);
  }
}

/** The counting committee: exactly one head, nobody who is also a candidate. */
function checkCommittee(ctx: Context, input: Pick<ElectionSetupRequest, 'committee'>, candidates: readonly { fullName: string; memberId: string | null }[]): void {
  const heads = input.committee.filter((c) => c.role === 'head').length;
  if (heads !== 1) throw refusedWith(ctx, 'Ban kiểm phiếu phải có đúng một Trưởng ban', 'The counting committee must have exactly one head');
  const names = new Set(candidates.map((c) => normalizeSearch(c.fullName)));
  const members = new Set(candidates.flatMap((c) => (c.memberId ? [c.memberId] : [])));
  const clash = input.committee.find((c) => (c.memberId !== null && members.has(c.memberId)) || names.has(normalizeSearch(c.fullName)));
  if (clash) throw refusedWith(ctx, `${clash.fullName} là người ứng cử, không được là thành viên Ban kiểm phiếu`, `${clash.fullName} is a candidate and cannot sit on the counting committee`);
}

interface Prepared {
  readonly rules: ElectionRules;
  readonly candidates: repo.NewElection['candidates'];
  readonly nominations: repo.NewElection['nominations'];
}

/** Applies the rules to the setup: floor nominations, candidate-list surplus, the base. */
function prepare(ctx: Context, input: ElectionSetupRequest, round: number): Prepared {
  const rules = rulesOn(ctx, input.heldOn);
  const nominations = input.floorNominations.map((n) => {
    const decision = rules.admitFloorNomination({ agreeing: n.agreeing, present: input.votersPresent });
    if (!decision.ok) throw refusedBy(ctx, decision.errors);
    return { fullName: n.fullName, agreeing: n.agreeing, present: input.votersPresent, admitted: decision.value.admitted };
  });
  const candidates = [
    ...input.candidates.map((c) => ({ fullName: c.fullName, memberId: c.memberId, source: 'list' as const })),
    ...nominations.filter((n) => n.admitted).map((n) => ({ fullName: n.fullName, memberId: null, source: 'floor' as const })),
  ];
  if (new Set(candidates.map((c) => normalizeSearch(c.fullName))).size !== candidates.length) {
    throw refusedWith(ctx, 'Danh sách bầu cử có tên trùng nhau', 'The ballot list has the same name twice');
  }
  const check = rules.checkCandidateList({ body: input.body, seats: input.seats, candidates: candidates.length, allowFewerCandidates: round > 1 });
  if (round === 1 && check.verdict === 'refused') throw refusedBy(ctx, check.messages.filter((m) => m.severity === 'error'));
  if (round === 1 && check.verdict === 'warning' && !input.acceptWarnings) throw refusedBy(ctx, check.messages.filter((m) => m.severity === 'warning'));
  const base = rules.computeMajorityBase({ convened: input.convened, exclusions: input.exclusions, votersPresent: input.votersPresent });
  if (!base.ok) throw refusedBy(ctx, base.errors);
  checkCommittee(ctx, input, candidates);
  return { rules, candidates, nominations };
}

async function insert(trx: Transaction<DB>, ctx: Context, input: ElectionSetupRequest, unitPath: string, round: number, previousId: string | null): Promise<string> {
  const prepared = prepare(ctx, input, round);
  await checkAccounts(trx, ctx, unitPath, input.headUserId, input.operatorIds);
  const id = newId();
  await repo.insertElection(trx, {
    id, unitId: input.unitId, title: input.title, body: input.body, heldOn: input.heldOn, round, previousId, seats: input.seats, convened: input.convened,
    votersPresent: input.votersPresent, tiePolicy: input.tiePolicy, headUserId: input.headUserId, rulesVersion: prepared.rules.version.id,
    candidates: prepared.candidates, nominations: prepared.nominations, exclusions: input.exclusions, committee: input.committee, operatorIds: input.operatorIds,
  });
  return id;
}

/** Sets up an election of a unit in the actor's scope, refusing what the rules refuse. */
export async function createElection(db: Kysely<DB>, ctx: Context, input: ElectionSetupRequest): Promise<ElectionView> {
  const unit = await requireUnit(db, ctx, input.unitId, 'records.write');
  return db.transaction().execute(async (trx) => {
    const id = await insert(trx, ctx, input, unit.path, 1, null);
    const created = await getElection(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'election.created', entityType: 'election', entityId: id, unitId: input.unitId, after: created });
    return created;
  });
}

/**
 * Changes the setup of an open election while no ballot has been keyed (refused after: the
 * entries are chained to the list they were keyed on). The unit and round stay; the rules
 * judge the new setup as on creation.
 */
export async function updateElection(db: Kysely<DB>, ctx: Context, id: string, input: ElectionSetupRequest): Promise<ElectionView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    await repo.lockElection(trx, id);
    requireOpen(ctx, row);
    if (input.unitId !== row.unit_id) throw refusedWith(ctx, 'Không thể chuyển cuộc bầu cử sang đơn vị khác', 'An election cannot be moved to another unit');
    if (await repo.lastEntry(trx, id)) throw refusedWith(ctx, 'Đã có phiếu được nhập nên không sửa được thiết lập cuộc bầu cử', 'Ballots have been keyed: the setup can no longer be changed');
    const before = await getElection(trx, ctx, id);
    const prepared = prepare(ctx, input, row.round);
    await checkAccounts(trx, ctx, row.unit_path, input.headUserId, input.operatorIds);
    await repo.replaceSetup(trx, {
      id, title: input.title, body: input.body, heldOn: input.heldOn, seats: input.seats, convened: input.convened, votersPresent: input.votersPresent,
      tiePolicy: input.tiePolicy, headUserId: input.headUserId, rulesVersion: prepared.rules.version.id,
      candidates: prepared.candidates, nominations: prepared.nominations, exclusions: input.exclusions, committee: input.committee, operatorIds: input.operatorIds,
    });
    const after = await getElection(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'election.updated', entityType: 'election', entityId: id, unitId: row.unit_id, before, after });
    return after;
  });
}

/** Records the ballots issued, returned and not returned (before finalisation). */
export async function setFigures(db: Kysely<DB>, ctx: Context, id: string, figures: BallotFiguresInput): Promise<ElectionView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    requireOpen(ctx, row);
    await repo.saveFigures(trx, id, figures);
    await recordAudit(trx, ctx, { action: 'election.figures_set', entityType: 'election', entityId: id, unitId: row.unit_id, before: { issued: row.issued, returned: row.returned, notReturned: row.not_returned }, after: figures });
    return getElection(trx, ctx, id);
  });
}

/**
 * Prepares the next round of a finalised election (too few elected, or a tie): the
 * remaining seats, the candidates the rules propose (or those the congress chose), the
 * same base, committee and operators.
 */
export async function prepareNextRound(db: Kysely<DB>, ctx: Context, id: string, request: z.infer<typeof nextRoundRequest>, remaining: { seats: number; candidates: readonly number[] } | null): Promise<ElectionView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireElection(trx, ctx, id, 'records.write');
    if (row.status !== 'finalised' || remaining === null) throw refusedWith(ctx, 'Chỉ chuẩn bị vòng bầu tiếp theo khi kết quả đã chốt và còn thiếu người trúng cử', 'A further round is prepared only after finalised results with seats left');
    const current = await getElection(trx, ctx, id);
    const positions = request.candidatePositions ?? remaining.candidates;
    const chosen = positions.map((p) => current.candidates.find((c) => c.position === p));
    if (chosen.some((c) => c === undefined) || new Set(positions).size !== positions.length) throw invalid([{ path: 'candidatePositions', message: ctx.locale === 'en' ? 'Unknown or repeated candidate position' : 'Vị trí ứng cử viên không có hoặc bị lặp' }]);
    const input: ElectionSetupRequest = {
      unitId: row.unit_id, title: row.title, body: current.body, heldOn: row.held_on, seats: remaining.seats,
      candidates: chosen.flatMap((c) => (c ? [{ fullName: c.fullName, memberId: c.memberId }] : [])), floorNominations: [],
      convened: row.convened, votersPresent: row.voters_present, exclusions: current.base.exclusions, committee: current.committee,
      headUserId: row.head_user_id, operatorIds: current.operatorIds, tiePolicy: current.tiePolicy, acceptWarnings: request.acceptWarnings,
    };
    const nextId = await insert(trx, ctx, input, row.unit_path, row.round + 1, row.id);
    const created = await getElection(trx, ctx, nextId);
    await recordAudit(trx, ctx, { action: 'election.next_round_prepared', entityType: 'election', entityId: nextId, unitId: row.unit_id, before: { previousId: row.id }, after: created });
    return created;
  });
}
