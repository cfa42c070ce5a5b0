import { type AgendaRequest, checkInEvent, documentSummary, type ConclusionRequest, conclusionTasksResult, type ConferenceCreateRequest, conferenceSummary, conferenceView, type ConfirmationRequest, type PointsChangeRequest } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { apiDownload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

/** Conferences the user hosts or takes part in, latest first. */
export function conferenceListQuery() {
  return queryOptions({ queryKey: ['conferences', 'list'], queryFn: ({ signal }) => api.get('/api/conferences', z.array(conferenceSummary), undefined, signal) });
}

/** One conference with its points, agenda and conclusion. */
export function conferenceQuery(id: string) {
  return queryOptions({ queryKey: ['conferences', 'detail', id], queryFn: ({ signal }) => api.get(`/api/conferences/${id}`, conferenceView, undefined, signal) });
}

export const conferencesApi = {
  create: (request: ConferenceCreateRequest) => api.post('/api/conferences', conferenceView, request),
  setAgenda: (id: string, request: AgendaRequest) => api.put(`/api/conferences/${id}/agenda`, conferenceView, request),
  invite: (id: string) => api.post(`/api/conferences/${id}/invitations`, conferenceView),
  confirm: (id: string, request: ConfirmationRequest) => api.post(`/api/conferences/${id}/confirmations`, conferenceView, request),
  changePoints: (id: string, request: PointsChangeRequest) => api.post(`/api/conferences/${id}/points`, conferenceView, request),
  checkIn: (id: string, unitId: string, connected: boolean) => api.post(`/api/conferences/${id}/check-ins`, checkInEvent, { unitId, connected }),
  recordConclusion: (id: string, request: ConclusionRequest) => api.put(`/api/conferences/${id}/conclusion`, conferenceView, request),
  toTasks: (id: string) => api.post(`/api/conferences/${id}/conclusion/tasks`, conclusionTasksResult),
  download: (id: string, kind: 'invitation' | 'minutes' | 'conclusion-notice') => apiDownload(`/api/conferences/${id}/${kind}.docx`, {}, `${kind}.docx`),
};

/** Refetches one conference and the list. */
export function refreshConference(id: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'conferences' && (q.queryKey[2] === id || q.queryKey[1] === 'list') });
}

/**
 * Follows the live check-in board of a conference (Server-Sent Events): every check-in
 * committed on any server refetches the conference, so the board updates without reload.
 * Returns whether the stream is connected.
 */
export function useLiveBoard(id: string): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/conferences/${id}/live`);
    source.addEventListener('ready', () => {
      // After a reconnect, events may have been missed while away.
      setLive(true);
      void refreshConference(id);
    });
    source.addEventListener('check-in', () => void refreshConference(id));
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [id]);
  return live;
}

/** The address of a conference's page. */
export function conferencePath(id: string): string {
  return `/conferences/${id}`;
}

/** Documents of the register matching words or a number, to put on an agenda. */
export function documentOptionsQuery(q: string) {
  return queryOptions({
    queryKey: ['conferences', 'documents', q],
    queryFn: ({ signal }) => api.get('/api/documents', z.array(documentSummary), { q }, signal),
    enabled: q.length > 0,
  });
}
