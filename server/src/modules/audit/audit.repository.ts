import type { AuditQuery } from '@tcxd/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

export interface AuditScope {
  readonly paths: readonly string[];
  /** Rows tied to no unit (system-wide) are shown only to those with a top-level scope. */
  readonly includeSystemRows: boolean;
}

function filtered(db: Kysely<DB>, scope: AuditScope, q: AuditQuery) {
  let query = db.selectFrom('audit_log as a').leftJoin('org_unit as u', 'u.id', 'a.unit_id');
  query = query.where((eb) =>
    eb.or([
      inScope(sql.ref('u.path'), scope.paths),
      ...(scope.includeSystemRows ? [eb('a.unit_id', 'is', null)] : []),
    ]),
  );
  if (q.action) query = query.where('a.action', 'like', `${q.action}%`);
  if (q.entityType) query = query.where('a.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.from) query = query.where('a.at', '>=', new Date(`${q.from}T00:00:00+07:00`));
  if (q.to) query = query.where('a.at', '<', new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000));
  return query;
}

/** A page of audit rows in scope, newest first. */
export async function listAudit(db: Kysely<DB>, scope: AuditScope, q: AuditQuery) {
  const [rows, count] = await Promise.all([
    filtered(db, scope, q)
      .selectAll('a')
      .orderBy('a.seq', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    filtered(db, scope, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Audit rows per day over the last days (Vietnam time), in scope. */
export async function auditPerDay(db: Kysely<DB>, scope: AuditScope, days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await filtered(db, scope, { page: 1, pageSize: 1 })
    .select([sql<string>`to_char(a.at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.at', '>=', since)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.n) }));
}
