import type { AuditEntryView } from '@tcxd/contract';
import type { AuditLogRow } from '../../db/schema.ts';

/** An audit row as the API shows it. */
export function presentAuditEntry(row: AuditLogRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unitId: row.unit_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    ip: row.ip,
    hash: row.hash,
  };
}
