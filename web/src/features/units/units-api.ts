import { type ReorgOperation, reorgPreview, structureImportResult, unitDetail, type UnitKind, unitNode } from '@tcxd/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { apiDownload, apiUpload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

const unitList = z.array(unitNode);
const committed = z.object({ changeId: z.uuid(), preview: reorgPreview });

/**
 * The units directly below a unit on a date (yyyy-mm-dd; null: today), or the top units
 * of the current scope when parentId is null.
 */
export function childUnitsQuery(parentId: string | null, asOf: string | null = null) {
  return queryOptions({
    queryKey: ['units', 'children', parentId ?? 'scope-roots', asOf ?? 'today'],
    queryFn: ({ signal }) => api.get('/api/units', unitList, { parentId, asOf }, signal),
  });
}

/** A unit as it was on a date, with its parent chain, children, contact and history. */
export function unitDetailQuery(id: string, asOf: string) {
  return queryOptions({
    queryKey: ['units', 'detail', id, asOf],
    queryFn: ({ signal }) => api.get(`/api/units/${id}`, unitDetail, { asOf }, signal),
    // While another date of the same unit loads, keep showing this one (not another unit).
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
}

export interface UnitSearchParams {
  readonly q: string;
  readonly kind?: UnitKind | null;
  /** Only units existing on this date (matched by their name then); null: any time. */
  readonly asOf?: string | null;
  readonly limit?: number;
}

/** Units found by name or code, accents ignored. */
export function unitSearchQuery(params: UnitSearchParams) {
  return queryOptions({
    queryKey: ['units', 'search', params],
    queryFn: ({ signal }) =>
      api.get('/api/units/search', unitList, { q: params.q.trim(), kind: params.kind, asOf: params.asOf, limit: params.limit ?? 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

export type SheetFormat = 'xlsx' | 'csv';

const sheetContentTypes: Readonly<Record<SheetFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const unitsApi = {
  preview: (operation: ReorgOperation) => api.post('/api/units/reorganisations/preview', reorgPreview, { operation }),
  commit: (operation: ReorgOperation) => api.post('/api/units/reorganisations', committed, { operation }),
  updateContact: (id: string, contact: { phone: string | null; email: string | null; address: string | null }) =>
    api.put(`/api/units/${id}/contact`, unitDetail, contact),
  importFile: (file: Blob, format: SheetFormat, documentNumber: string, dryRun: boolean, onProgress: (fraction: number) => void) =>
    apiUpload('/api/units/import', structureImportResult, file, sheetContentTypes[format], {
      query: { format, dryRun, documentNumber },
      onProgress,
    }),
  exportFile: (rootId: string, asOf: string, format: SheetFormat) =>
    apiDownload('/api/units/export', { rootId, asOf, format }, `co-cau-to-chuc-${asOf}.${format}`),
};

/** Refetches everything that shows the structure (tree, unit pages, searches, figures, groups). */
export function refreshStructure(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => ['units', 'home', 'emulation'].includes(String(q.queryKey[0])) });
}
