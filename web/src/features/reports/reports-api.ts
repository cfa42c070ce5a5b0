import { type AggregateStructure, aggregateView, periodView, remindResult, submissionVersionView, submissionView, templateView, trackingView, yearGridView, type SaveSubmissionRequest, type TemplateCreateRequest, type TemplateDefinition } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { queryClient } from '../../app/query-client.ts';
import type { UnitFilter } from './reports-unit-filter.tsx';

/** The periods of the templates in scope, newest first. */
export const periodsQuery = () => queryOptions({ queryKey: ['reports', 'periods'], queryFn: ({ signal }) => api.get('/api/reports/periods', z.array(periodView), {}, signal) });

/** Who has reported for a period (of one cluster or region when filtered). */
export const trackingQuery = (periodId: string, filter: UnitFilter = {}) =>
  queryOptions({ queryKey: ['reports', 'tracking', periodId, filter], queryFn: ({ signal }) => api.get(`/api/reports/periods/${periodId}/tracking`, trackingView, { ...filter }, signal), enabled: periodId !== '' });

/** One unit's report. */
export const submissionQuery = (id: string) => queryOptions({ queryKey: ['reports', 'submission', id], queryFn: ({ signal }) => api.get(`/api/reports/submissions/${id}`, submissionView, {}, signal) });

/** The sent versions of one report, oldest first. */
export const versionsQuery = (id: string) => queryOptions({ queryKey: ['reports', 'versions', id], queryFn: ({ signal }) => api.get(`/api/reports/submissions/${id}/versions`, z.array(submissionVersionView), {}, signal) });

/** A template's year: unit × period. */
export const yearGridQuery = (templateId: string, year: number, filter: UnitFilter = {}) =>
  queryOptions({ queryKey: ['reports', 'year', templateId, year, filter], queryFn: ({ signal }) => api.get('/api/reports/year-grid', yearGridView, { templateId, year: String(year), ...filter }, signal), enabled: templateId !== '' });

/** The figures of a period added up by sub-unit, as of the period or today. */
export const aggregateQuery = (periodId: string, structure: AggregateStructure) =>
  queryOptions({ queryKey: ['reports', 'aggregate', periodId, structure], queryFn: ({ signal }) => api.get(`/api/reports/periods/${periodId}/aggregate`, aggregateView, { structure }, signal), enabled: periodId !== '' });

/** The templates in scope with their versions. */
export const templatesQuery = () => queryOptions({ queryKey: ['reports', 'templates'], queryFn: ({ signal }) => api.get('/api/reports/templates', z.array(templateView), {}, signal) });

const unlocked = z.object({ unitId: z.uuid(), until: z.string() });

export const reportsApi = {
  unlock: (periodId: string, unitId: string, until: string, reason: string) => api.post(`/api/reports/periods/${periodId}/unlocks`, unlocked, { unitId, until, reason }),
  createTemplate: (request: TemplateCreateRequest) => api.post('/api/reports/templates', templateView, request),
  addVersion: (templateId: string, validFrom: string, definition: TemplateDefinition) => api.post(`/api/reports/templates/${templateId}/versions`, templateView, { validFrom, definition }),
  open: (periodId: string, unitId: string) => api.post(`/api/reports/periods/${periodId}/submissions`, submissionView, { unitId }),
  save: (id: string, body: SaveSubmissionRequest) => api.put(`/api/reports/submissions/${id}`, submissionView, body),
  submit: (id: string, version: number) => api.post(`/api/reports/submissions/${id}/submit`, submissionView, { version }),
  returnIt: (id: string, version: number, comment: string) => api.post(`/api/reports/submissions/${id}/return`, submissionView, { version, comment }),
  accept: (id: string, version: number) => api.post(`/api/reports/submissions/${id}/accept`, submissionView, { version }),
  remind: (periodId: string) => api.post(`/api/reports/periods/${periodId}/reminders`, remindResult, {}),
};

/** Refetches everything of the reporting module. */
export function refreshReports(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['reports'] });
}
