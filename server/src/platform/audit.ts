import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditLogRow, DB } from '../db/schema.ts';
import { canonicalJson, toCanonicalValue } from './canonical-json.ts';
import type { Context } from './context.ts';
import { newId } from './ids.ts';

export const genesisHash = '0'.repeat(64);
// Serialises audit appends so each row links to the one committed before it.
const auditLockKey = 7_301_2025;

export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  /** The organisation unit the entity belongs to: scopes who may read the row. */
  readonly unitId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

interface HashedFields {
  readonly id: string;
  readonly at: Date;
  readonly actor_id: string | null;
  readonly actor_name: string;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string | null;
  readonly unit_id: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly request_id: string | null;
  readonly ip: string | null;
  readonly prev_hash: string;
}

/** The hash of an audit row: sha-256 over its canonical JSON, including the previous hash. */
export function auditHash(row: HashedFields): string {
  const text = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(text).digest('hex');
}

function actorFields(ctx: Context): { actor_id: string | null; actor_name: string } {
  return ctx.actor.kind === 'user'
    ? { actor_id: ctx.actor.userId, actor_name: ctx.actor.username }
    : { actor_id: null, actor_name: `system:${ctx.actor.name}` };
}

/**
 * Appends an audit row inside the caller's transaction (the mutation and its audit
 * commit or roll back together). Rows are hash-chained under an advisory lock.
 */
export async function recordAudit(trx: Transaction<DB>, ctx: Context, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    id: newId(),
    at: new Date(),
    ...actorFields(ctx),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    unit_id: entry.unitId,
    before: toCanonicalValue(entry.before),
    after: toCanonicalValue(entry.after),
    request_id: ctx.requestId,
    ip: ctx.ip,
    prev_hash: last?.hash ?? genesisHash,
  };
  await trx
    .insertInto('audit_log')
    .values({
      ...fields,
      before: JSON.stringify(fields.before),
      after: JSON.stringify(fields.after),
      hash: auditHash(fields),
    })
    .execute();
}

export interface ChainCheck {
  readonly ok: boolean;
  readonly checked: number;
  readonly brokenAtSeq: number | null;
  readonly reason: string | null;
}

/** Walks the whole chain in order and reports the first row whose link or hash is wrong. */
export async function verifyAuditChain(
  db: Kysely<DB>,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainCheck> {
  const total = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let prev = genesisHash;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows: AuditLogRow[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(2_000)
      .execute();
    if (rows.length === 0) return { ok: true, checked, brokenAtSeq: null, reason: null };
    for (const row of rows) {
      if (row.prev_hash !== prev) return broken(checked, row.seq, 'prev_hash does not match the previous row');
      const expected = auditHash({
        id: row.id,
        at: row.at,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        unit_id: row.unit_id,
        before: row.before ?? null,
        after: row.after ?? null,
        request_id: row.request_id,
        ip: row.ip,
        prev_hash: row.prev_hash,
      });
      if (expected !== row.hash) return broken(checked, row.seq, 'content does not match its hash');
      prev = row.hash;
      lastSeq = row.seq;
      checked += 1;
    }
    onProgress?.(checked, total);
  }
}

function broken(checked: number, seq: number, reason: string): ChainCheck {
  return { ok: false, checked, brokenAtSeq: seq, reason };
}
