import { attachmentView, type DocumentCreateRequest, type DocumentRelationKind, documentSummary, documentView, okResponse } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiRequest } from '../../app/api-client.ts';
import { apiUpload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

export interface DocumentFilter {
  readonly q?: string;
  readonly type?: string;
  readonly year?: number;
  readonly status?: 'in_force' | 'replaced';
}

/** The register of Party documents in scope, newest first. */
export const documentListQuery = (filter: DocumentFilter) =>
  queryOptions({ queryKey: ['documents', 'list', filter], queryFn: ({ signal }) => api.get('/api/documents', z.array(documentSummary), { ...filter }, signal) });

/** One document with its relations, disseminations and files. */
export const documentQuery = (id: string) => queryOptions({ queryKey: ['documents', 'detail', id], queryFn: ({ signal }) => api.get(`/api/documents/${id}`, documentView, undefined, signal) });

export const documentsApi = {
  create: (body: DocumentCreateRequest) => api.post('/api/documents', documentView, body),
  relate: (id: string, kind: DocumentRelationKind, targetId: string) => api.post(`/api/documents/${id}/relations`, documentView, { kind, targetId }),
  disseminate: (id: string, body: { fromUnitId: string; asOf: string; unitIds: string[] }) => api.post(`/api/documents/${id}/disseminations`, documentView, body),
  report: (disseminationId: string, body: { unitId: string; disseminatedOn: string; implementingNumber: string | null }) => api.post(`/api/documents/disseminations/${disseminationId}/reports`, documentView, body),
  attach: (id: string, file: File) => apiUpload(`/api/documents/${id}/attachments`, attachmentView, file, file.type || 'application/octet-stream', { query: { fileName: file.name } }),
  removeAttachment: (fileId: string) => apiRequest('DELETE', `/api/documents/attachments/${fileId}`, okResponse),
};

/** Refetches everything of the register. */
export function refreshDocuments(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['documents'] });
}
