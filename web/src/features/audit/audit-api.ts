import { auditEntryView, auditVerifyView, pageOf } from '@tcxd/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';

const auditPage = pageOf(auditEntryView);

export interface AuditFilters {
  readonly action: string;
  readonly entityType: string;
  /** yyyy-mm-dd or empty */
  readonly from: string;
  /** yyyy-mm-dd or empty */
  readonly to: string;
}

export const noAuditFilters: AuditFilters = { action: '', entityType: '', from: '', to: '' };

/** One page of the audit log with the given filters. */
export function auditListQuery(filters: AuditFilters, page: number, pageSize: number) {
  return queryOptions({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get('/api/audit', auditPage, { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Checks the whole hash chain of the audit log. */
export function verifyAuditChain() {
  return api.get('/api/audit/verify', auditVerifyView);
}
