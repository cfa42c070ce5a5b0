import type { ReorgOperation, ReorgPreview } from '@tcxd/contract';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requireUnit } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorUserId, type Context } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { VersionStore } from './units.history.ts';
import { type ReorgEffect, reorgHooks } from './units.hooks.ts';
import { type Plan, planOperation } from './units.plan.ts';
import { describePlan } from './units.reorg.presenter.ts';
import * as repo from './units.repository.ts';
import { loadVersionsFor, refreshProjections, writePlan } from './units.reorg.repository.ts';

/** Existing units an operation touches (each must be writable by the actor). */
function involvedUnits(op: ReorgOperation): string[] {
  const targetOf = (t: { existingId: string } | { parentId: string }) => ('existingId' in t ? t.existingId : t.parentId);
  switch (op.type) {
    case 'create':
      return [op.parentId];
    case 'rename':
    case 'dissolve':
      return [op.unitId];
    case 'move':
      return [op.unitId, op.parentId];
    case 'merge':
      return [...op.sourceIds, targetOf(op.target)];
    case 'split':
      return [op.unitId, ...op.successors.map(targetOf)];
  }
}

function newCodes(op: ReorgOperation): string[] {
  switch (op.type) {
    case 'create':
      return [op.unit.code];
    case 'merge':
      return 'create' in op.target ? [op.target.create.code] : [];
    case 'split':
      return op.successors.flatMap((s) => ('create' in s ? [s.create.code] : []));
    case 'rename':
    case 'move':
    case 'dissolve':
      return [];
  }
}

interface Prepared {
  readonly plan: Plan;
  readonly store: VersionStore;
  readonly changeId: string;
  readonly names: Map<string, string>;
  readonly effect: ReorgEffect;
}

async function prepare(trx: Transaction<DB>, ctx: Context, op: ReorgOperation): Promise<Prepared> {
  const involved = [...new Set(involvedUnits(op))];
  for (const id of involved) await requireUnit(trx, ctx, id, 'structure.write');
  const store = new VersionStore(await loadVersionsFor(trx, involved, op.effectiveDate), newId);
  const names = await repo.namesOf(trx, store.unitIds());
  const taken = await repo.takenCodes(trx, newCodes(op));
  const lastChanges = await repo.lastChangeDates(trx, involved);
  const changeId = newId();
  const plan = planOperation(
    {
      store,
      changeId,
      locale: ctx.locale,
      newId,
      codeTaken: (c) => taken.has(c),
      nameOf: (id) => names.get(id) ?? id,
      lastChangeOf: (id) => lastChanges.get(id) ?? null,
    },
    op,
  );
  for (const u of plan.createdUnits) names.set(u.id, u.name);
  const effect: ReorgEffect = {
    changeId,
    effectiveDate: op.effectiveDate,
    ended: plan.endedUnits,
    moved: plan.movedChildren.map((m) => ({ unitId: m.id, from: m.from, to: m.to })),
    created: plan.createdUnits.map((u) => ({ unitId: u.id, name: u.name })),
  };
  return { plan, store, changeId, names, effect };
}

async function countDescendants(trx: Transaction<DB>, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await sql<{ n: number }>`
    select count(distinct d.id)::int as n from org_unit u join org_unit d on d.path <@ u.path
    where u.id = any(${sql.val(unitIds)}::uuid[]) and d.id not in (select unnest(${sql.val(unitIds)}::uuid[]))`.execute(trx);
  return Number(row.rows[0]?.n ?? 0);
}

async function buildPreview(trx: Transaction<DB>, op: ReorgOperation, p: Prepared, locale: Context['locale']): Promise<ReorgPreview> {
  const ok = p.plan.refusals.length === 0;
  const dependents = ok ? (await Promise.all(reorgHooks().map((h) => h.preview(trx, p.effect)))).flat() : [];
  const moving = [...p.plan.movedChildren.map((m) => m.id), ...p.plan.endedUnits.map((e) => e.unitId)];
  return {
    ok,
    refusals: p.plan.refusals,
    summary: ok ? describePlan(op, p.plan, p.names, locale) : [],
    movedChildren: p.plan.movedChildren.map((m) => ({ id: m.id, name: p.names.get(m.id) ?? m.id, from: p.names.get(m.from) ?? '', to: p.names.get(m.to) ?? '' })),
    endedUnits: p.plan.endedUnits.map((e) => ({ id: e.unitId, name: p.names.get(e.unitId) ?? e.unitId })),
    createdUnits: p.plan.createdUnits.map((u) => ({ code: u.code, name: u.name })),
    descendantsAffected: ok ? await countDescendants(trx, moving) : 0,
    dependents: dependents.map((d) => ({ ...d, examples: [...d.examples] })),
  };
}

/** Shows exactly what a reorganisation would do, or why it is refused; changes nothing. */
export async function previewReorganisation(db: Kysely<DB>, ctx: Context, op: ReorgOperation): Promise<ReorgPreview> {
  return db.transaction().execute(async (trx) => buildPreview(trx, op, await prepare(trx, ctx, op), ctx.locale));
}

/**
 * Carries out a reorganisation as one audited transaction: versions, events, latest-state
 * projections and paths, then every registered module hook. Refused: nothing is written.
 */
export async function commitReorganisation(db: Kysely<DB>, ctx: Context, op: ReorgOperation): Promise<{ changeId: string; preview: ReorgPreview }> {
  return db.transaction().execute(async (trx) => {
    const prepared = await prepare(trx, ctx, op);
    const { plan, store, changeId } = prepared;
    if (plan.refusals.length > 0) {
      throw new AppError('refused', {
        params: { reason: plan.refusals.map((r) => r.message).join('; ') },
        issues: plan.refusals.map((r) => ({ path: r.code, message: r.message })),
      });
    }
    const preview = await buildPreview(trx, op, prepared, ctx.locale);
    const diff = store.diff();
    await writePlan(
      trx,
      { id: changeId, type: op.type, effectiveDate: op.effectiveDate, documentNumber: op.documentNumber, note: op.note ?? null, operation: op, actorId: actorUserId(ctx) },
      plan,
      diff,
    );
    const touched = new Set([...diff.updates, ...diff.inserts].map((v) => v.unitId));
    await refreshProjections(trx, [...touched]);
    for (const hook of reorgHooks()) await hook.apply(trx, ctx, prepared.effect);
    await recordAudit(trx, ctx, {
      action: `unit.${op.type}`,
      entityType: 'org_change',
      entityId: changeId,
      unitId: involvedUnits(op)[0] ?? null,
      after: { operation: op, summary: preview.summary, moved: plan.movedChildren.length, ended: plan.endedUnits, created: plan.createdUnits },
    });
    return { changeId, preview };
  });
}
