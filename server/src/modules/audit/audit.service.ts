import type { AuditQuery } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hasPermission, requirePermission, scopePaths } from '../../platform/access.ts';
import { type ChainCheck, verifyAuditChain } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentAuditEntry } from './audit.presenter.ts';
import * as repo from './audit.repository.ts';

/** Whether a scope covers whole top-level units (ids have 32 hex characters, no dots). */
function isTopLevel(paths: readonly string[]): boolean {
  return paths.some((p) => p === '' || !p.includes('.'));
}

function auditScope(ctx: Context): repo.AuditScope {
  const paths = scopePaths(ctx, 'audit.read');
  return { paths, includeSystemRows: isTopLevel(paths) };
}

/** A filtered page of the audit log in the actor's scope. */
export async function listAudit(db: Kysely<DB>, ctx: Context, query: AuditQuery) {
  requirePermission(ctx, 'audit.read');
  const { rows, total } = await repo.listAudit(db, auditScope(ctx), query);
  return { items: rows.map(presentAuditEntry), total, page: query.page, pageSize: query.pageSize };
}

/** Audit rows per day for the home chart, or null when the actor may not read the audit log. */
export async function auditActivity(db: Kysely<DB>, ctx: Context, days: number) {
  if (!hasPermission(ctx, 'audit.read')) return null;
  return repo.auditPerDay(db, auditScope(ctx), days);
}

/** Verifies the whole hash chain (top-level administrators only: it spans every unit). */
export async function verifyAudit(db: Kysely<DB>, ctx: Context): Promise<ChainCheck> {
  requirePermission(ctx, 'audit.read');
  if (!isTopLevel(scopePaths(ctx, 'audit.read'))) throw new AppError('forbidden');
  return verifyAuditChain(db);
}
