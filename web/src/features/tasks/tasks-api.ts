import { attachmentView, okResponse, type TaskCreateRequest, type TaskEditRequest, type TaskStatus, taskSummary, type TaskUpdateRequest, taskView } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiRequest } from '../../app/api-client.ts';
import { apiUpload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

export interface TaskFilter {
  readonly view: 'mine' | 'unit' | 'all';
  readonly status?: TaskStatus;
  readonly overdue?: 'true';
  readonly dueBefore?: string;
  readonly documentId?: string;
  readonly year?: number;
  readonly q?: string;
}

/** Tasks and projects of the chosen view, by due date. */
export const taskListQuery = (filter: TaskFilter) =>
  queryOptions({ queryKey: ['tasks', 'list', filter], queryFn: ({ signal }) => api.get('/api/tasks', z.array(taskSummary), { ...filter, limit: 500 }, signal) });

/** One task with sub-tasks, rollout and updates. */
export const taskQuery = (id: string) => queryOptions({ queryKey: ['tasks', 'detail', id], queryFn: ({ signal }) => api.get(`/api/tasks/${id}`, taskView, undefined, signal) });

export const tasksApi = {
  create: (body: TaskCreateRequest) => api.post('/api/tasks', taskView, body),
  edit: (id: string, body: TaskEditRequest) => api.put(`/api/tasks/${id}`, taskView, body),
  update: (id: string, body: TaskUpdateRequest) => api.post(`/api/tasks/${id}/updates`, taskView, body),
  attach: (updateId: string, file: File) => apiUpload(`/api/tasks/updates/${updateId}/attachments`, attachmentView, file, file.type || 'application/octet-stream', { query: { fileName: file.name } }),
  removeAttachment: (fileId: string) => apiRequest('DELETE', `/api/tasks/attachments/${fileId}`, okResponse),
};

/** Refetches everything of the tasks module. */
export function refreshTasks(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['tasks'] });
}
