import type { EmulationGroupInput, EmulationGroupView } from '@tcxd/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { memberProblems } from './emulation.policy.ts';
import { presentGroup } from './emulation.presenter.ts';
import * as repo from './emulation.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

async function load(db: Db, ctx: Context, filter: { year?: number; id?: string }): Promise<EmulationGroupView[]> {
  const scope = scopePaths(ctx, 'read');
  const groups = await repo.groupsInScope(db, scope, filter);
  const members = await repo.membersOf(db, groups.map((g) => g.id));
  return groups.map((g) => presentGroup(g, members, scope));
}

/** Clusters and blocs (of a year) that include a unit of the actor's scope. */
export function listGroups(db: Kysely<DB>, ctx: Context, year: number | undefined): Promise<EmulationGroupView[]> {
  return load(db, ctx, year === undefined ? {} : { year });
}

/** One group in scope. */
export async function getGroup(db: Db, ctx: Context, id: string): Promise<EmulationGroupView> {
  const [group] = await load(db, ctx, { id });
  if (!group) throw notFound();
  return group;
}

/** Every member must exist during the year and lie inside the actor's structure.write scope. */
async function checkMembers(db: Db, ctx: Context, input: EmulationGroupInput, exceptId: string | null): Promise<void> {
  const problems = memberProblems(input.members);
  if (problems.length > 0) throw new AppError('refused', { params: { reason: problems.map((p) => p.message).join('; ') }, issues: problems.map((p) => ({ path: p.code, message: p.message })) });
  const units = await repo.unitsAliveInYear(db, input.members.map((m) => m.unitId), input.year);
  const readable = scopePaths(ctx, 'read');
  if (units.length !== input.members.length || !units.every((u) => withinScope(u.path, readable))) throw notFound();
  const writable = scopePaths(ctx, 'structure.write');
  if (!units.every((u) => withinScope(u.path, writable))) throw new AppError('forbidden');
  const taken = await repo.groupNameTaken(db, input.kind, input.name, input.year, exceptId);
  if (taken) throw new AppError('conflict');
}

/** Creates a cluster or bloc of a year with its members and their roles. */
export async function createGroup(db: Kysely<DB>, ctx: Context, input: EmulationGroupInput): Promise<EmulationGroupView> {
  return db.transaction().execute(async (trx) => {
    await checkMembers(trx, ctx, input, null);
    const id = newId();
    await repo.saveGroup(trx, { id, kind: input.kind, name: input.name, year: input.year, note: input.note }, input.members, true);
    const created = await getGroup(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'emulation.group_created', entityType: 'emulation_group', entityId: id, unitId: input.members[0]?.unitId ?? null, after: created });
    return created;
  });
}

/** Replaces a group's name, note and members (all of which must be in the actor's scope). */
export async function updateGroup(db: Kysely<DB>, ctx: Context, id: string, input: EmulationGroupInput): Promise<EmulationGroupView> {
  return db.transaction().execute(async (trx) => {
    const before = await getGroup(trx, ctx, id);
    if (before.hiddenMembers > 0) throw new AppError('forbidden');
    await checkMembers(trx, ctx, input, id);
    await repo.saveGroup(trx, { id, kind: input.kind, name: input.name, year: input.year, note: input.note }, input.members, false);
    const after = await getGroup(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'emulation.group_updated', entityType: 'emulation_group', entityId: id, unitId: input.members[0]?.unitId ?? null, before, after });
    return after;
  });
}

/** The next year's group: the same members, with the head and deputies elected at year end. */
export async function electNextYear(db: Kysely<DB>, ctx: Context, id: string, election: { headUnitId: string; deputyUnitIds: string[]; note: string | null }) {
  const current = await getGroup(db, ctx, id);
  if (current.hiddenMembers > 0) throw new AppError('forbidden');
  const memberIds = current.members.map((m) => m.unitId);
  const elected = [election.headUnitId, ...election.deputyUnitIds];
  if (!elected.every((u) => memberIds.includes(u))) throw new AppError('refused', { params: { reason: 'Cụm trưởng, cụm phó phải là thành viên của cụm' } });
  return createGroup(db, ctx, {
    kind: current.kind,
    name: current.name,
    year: current.year + 1,
    note: election.note,
    members: memberIds.map((unitId) => ({ unitId, role: unitId === election.headUnitId ? 'head' : election.deputyUnitIds.includes(unitId) ? 'deputy' : 'member' })),
  });
}
