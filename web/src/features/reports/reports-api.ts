import { periodView, remindResult, submissionView, trackingView, type SaveSubmissionRequest } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { queryClient } from '../../app/query-client.ts';

/** The periods of the templates in scope, newest first. */
export const periodsQuery = () => queryOptions({ queryKey: ['reports', 'periods'], queryFn: ({ signal }) => api.get('/api/reports/periods', z.array(periodView), {}, signal) });

/** Who has reported for a period. */
export const trackingQuery = (periodId: string) => queryOptions({ queryKey: ['reports', 'tracking', periodId], queryFn: ({ signal }) => api.get(`/api/reports/periods/${periodId}/tracking`, trackingView, {}, signal), enabled: periodId !== '' });

/** One unit's report. */
export const submissionQuery = (id: string) => queryOptions({ queryKey: ['reports', 'submission', id], queryFn: ({ signal }) => api.get(`/api/reports/submissions/${id}`, submissionView, {}, signal) });

export const reportsApi = {
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
