import {
  type BallotContent,
  ballotEntryResult,
  ballotEntryView,
  type BallotFiguresInput,
  discrepancyView,
  electionAccount,
  electionListItem,
  electionResultsView,
  type ElectionSetupRequest,
  electionView,
} from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { apiDownload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

/** Elections of a unit (or of the whole scope), latest first. */
export function electionListQuery(unitId: string | null) {
  return queryOptions({
    queryKey: ['elections', 'list', unitId ?? 'scope'],
    queryFn: ({ signal }) => api.get('/api/elections', z.array(electionListItem), { unitId }, signal),
  });
}

/** One election with its setup. */
export function electionQuery(id: string) {
  return queryOptions({ queryKey: ['elections', 'detail', id], queryFn: ({ signal }) => api.get(`/api/elections/${id}`, electionView, undefined, signal) });
}

/** The count and the results as they stand (or as finalised). */
export function electionResultsQuery(id: string) {
  return queryOptions({ queryKey: ['elections', 'results', id], queryFn: ({ signal }) => api.get(`/api/elections/${id}/results`, electionResultsView, undefined, signal) });
}

/** Every keyed entry of an election, in chain order. */
export function electionEntriesQuery(id: string) {
  return queryOptions({ queryKey: ['elections', 'entries', id], queryFn: ({ signal }) => api.get(`/api/elections/${id}/entries`, z.array(ballotEntryView), undefined, signal) });
}

/** Ballots whose two entries differ, with the head's resolution. */
export function discrepanciesQuery(id: string) {
  return queryOptions({ queryKey: ['elections', 'discrepancies', id], queryFn: ({ signal }) => api.get(`/api/elections/${id}/discrepancies`, z.array(discrepancyView), undefined, signal) });
}

/** Accounts that may be committee head or operators of a unit. */
export function electionAccountsQuery(unitId: string | null) {
  return queryOptions({
    queryKey: ['elections', 'accounts', unitId ?? ''],
    queryFn: ({ signal }) => api.get('/api/elections/accounts', z.array(electionAccount), { unitId }, signal),
    enabled: unitId !== null,
  });
}

export const electionsApi = {
  create: (request: ElectionSetupRequest) => api.post('/api/elections', electionView, request),
  update: (id: string, request: ElectionSetupRequest) => api.put(`/api/elections/${id}`, electionView, request),
  setFigures: (id: string, figures: BallotFiguresInput) => api.put(`/api/elections/${id}/figures`, electionView, figures),
  enter: (id: string, ballotNumber: number, ballot: BallotContent) => api.post(`/api/elections/${id}/entries`, ballotEntryResult, { ballotNumber, ballot }),
  resolve: (id: string, ballotNumber: number, ballot: BallotContent, note: string) => api.post(`/api/elections/${id}/resolutions`, ballotEntryResult, { ballotNumber, ballot, note }),
  finalise: (id: string) => api.post(`/api/elections/${id}/finalise`, electionResultsView),
  nextRound: (id: string) => api.post(`/api/elections/${id}/next-round`, electionView, {}),
  downloadMinutes: (id: string, round: number) => apiDownload(`/api/elections/${id}/minutes.docx`, {}, `bien-ban-kiem-phieu-vong-${round}.docx`),
  downloadAnnouncement: (id: string, round: number) => apiDownload(`/api/elections/${id}/announcement.docx`, {}, `thong-bao-ket-qua-vong-${round}.docx`),
};

/** Refetches what an election's pages show (after a change). */
export function refreshElection(id: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'elections' && (q.queryKey[2] === id || q.queryKey[1] === 'list') });
}

/** The address of an election's page. */
export function electionPath(id: string): string {
  return `/elections/${id}`;
}
