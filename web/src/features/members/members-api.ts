import {
  dueLists,
  type MemberCreateRequest,
  type MemberEventInput,
  type MemberFields,
  memberImportJob,
  memberListPage,
  memberStats,
  memberView,
} from '@tcxd/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';
import { apiDownload, apiUpload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';
import { type MemberFilters, memberQueryOf } from './member-filters.ts';

/** A page of members matching the filters, in Vietnamese alphabetical order (sorted by the server). */
export function memberListQuery(filters: MemberFilters) {
  return queryOptions({
    queryKey: ['members', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/members', memberListPage, memberQueryOf(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** A member's full record (sensitive fields masked for viewers without the right), history and allowed events. */
export function memberQuery(id: string) {
  return queryOptions({
    queryKey: ['members', 'detail', id],
    queryFn: ({ signal }) => api.get(`/api/members/${id}`, memberView, undefined, signal),
  });
}

/** Probation reaching its end and transfers not arrived, within a unit's subtree. */
export function dueListsQuery(unitId: string | null, days: number) {
  return queryOptions({
    queryKey: ['members', 'due', unitId ?? 'scope', days],
    queryFn: ({ signal }) => api.get('/api/members/due', dueLists, { unitId, days }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The figures of a unit's subtree on a date and the movements of a period. */
export interface StatsParams {
  readonly unitId: string | null;
  readonly asOf: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** Member statistics of a unit's subtree (the scope's top unit when none is chosen). */
export function memberStatsQuery(params: StatsParams) {
  return queryOptions({
    queryKey: ['members', 'stats', params],
    queryFn: ({ signal }) => api.get('/api/members/stats', memberStats, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export type SheetFormat = 'xlsx' | 'csv';

const sheetContentTypes: Readonly<Record<SheetFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const membersApi = {
  create: (request: MemberCreateRequest) => api.post('/api/members', memberView, request),
  update: (id: string, fields: MemberFields, rowVersion: number) => api.put(`/api/members/${id}`, memberView, { fields, rowVersion }),
  recordEvent: (id: string, event: MemberEventInput, rowVersion: number, confirmBackdated: boolean) =>
    api.post(`/api/members/${id}/events`, memberView, { event, rowVersion, confirmBackdated }),
  importJob: (id: string, signal?: AbortSignal) => api.get(`/api/members/imports/${id}`, memberImportJob, undefined, signal),
  startImport: (file: File, format: SheetFormat, dryRun: boolean, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    apiUpload('/api/members/imports', memberImportJob, file, sheetContentTypes[format], { query: { format, dryRun, fileName: file.name }, onProgress, ...(signal ? { signal } : {}) }),
  downloadImportReport: (jobId: string) => apiDownload(`/api/members/imports/${jobId}/report`, {}, 'bao-cao-loi-nhap-dang-vien.xlsx'),
  exportList: (filters: MemberFilters, layout: 'record' | 'register' = 'record') =>
    apiDownload('/api/members/export', { ...memberQueryOf(filters, false), layout }, layout === 'register' ? 'so-danh-sach-dang-vien.xlsx' : 'danh-sach-dang-vien.xlsx'),
  exportStats: (params: StatsParams) => apiDownload('/api/members/stats/export', { ...params }, `thong-ke-dang-vien-${params.asOf}.xlsx`),
};

/** Refetches every member list, record, due list and figure (after a change). */
export function refreshMembers(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => ['members', 'home'].includes(String(q.queryKey[0])) });
}

/** The address of a member's page. */
export function memberPath(id: string): string {
  return `/members/${id}`;
}
