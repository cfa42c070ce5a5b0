import {
  type BallotFiguresInput,
  type ConfidenceBallot,
  confidenceDiscrepancyView,
  confidenceEntryResult,
  confidenceEntryView,
  confidenceResultsView,
  confidenceVoteListItem,
  type ConfidenceVoteSetupRequest,
  confidenceVoteView,
} from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { apiDownload } from '../../app/api-transfer.ts';
import { queryClient } from '../../app/query-client.ts';

/** Confidence votes of the whole scope, latest first. */
export function confidenceListQuery() {
  return queryOptions({ queryKey: ['confidence', 'list'], queryFn: ({ signal }) => api.get('/api/confidence-votes', z.array(confidenceVoteListItem), undefined, signal) });
}

/** One vote with its setup. */
export function confidenceVoteQuery(id: string) {
  return queryOptions({ queryKey: ['confidence', 'detail', id], queryFn: ({ signal }) => api.get(`/api/confidence-votes/${id}`, confidenceVoteView, undefined, signal) });
}

/** The count and results as they stand (or as finalised). */
export function confidenceResultsQuery(id: string) {
  return queryOptions({ queryKey: ['confidence', 'results', id], queryFn: ({ signal }) => api.get(`/api/confidence-votes/${id}/results`, confidenceResultsView, undefined, signal) });
}

/** Every keyed entry of a vote, in chain order. */
export function confidenceEntriesQuery(id: string) {
  return queryOptions({ queryKey: ['confidence', 'entries', id], queryFn: ({ signal }) => api.get(`/api/confidence-votes/${id}/entries`, z.array(confidenceEntryView), undefined, signal) });
}

/** Ballots whose two entries differ, with the head's resolution. */
export function confidenceDiscrepanciesQuery(id: string) {
  return queryOptions({ queryKey: ['confidence', 'discrepancies', id], queryFn: ({ signal }) => api.get(`/api/confidence-votes/${id}/discrepancies`, z.array(confidenceDiscrepancyView), undefined, signal) });
}

export const confidenceApi = {
  create: (request: ConfidenceVoteSetupRequest) => api.post('/api/confidence-votes', confidenceVoteView, request),
  setFigures: (id: string, figures: BallotFiguresInput) => api.put(`/api/confidence-votes/${id}/figures`, confidenceVoteView, figures),
  enter: (id: string, ballotNumber: number, ballot: ConfidenceBallot) => api.post(`/api/confidence-votes/${id}/entries`, confidenceEntryResult, { ballotNumber, ballot }),
  resolve: (id: string, ballotNumber: number, ballot: ConfidenceBallot, note: string) => api.post(`/api/confidence-votes/${id}/resolutions`, confidenceEntryResult, { ballotNumber, ballot, note }),
  finalise: (id: string) => api.post(`/api/confidence-votes/${id}/finalise`, confidenceResultsView),
  downloadMinutes: (id: string) => apiDownload(`/api/confidence-votes/${id}/minutes.docx`, {}, 'bien-ban-kiem-phieu-tin-nhiem.docx'),
};

/** Refetches what a vote's pages show (after a change). */
export function refreshConfidenceVote(id: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'confidence' && (q.queryKey[2] === id || q.queryKey[1] === 'list') });
}

/** The address of the confidence votes, inside the elections area. */
export const confidenceListPath = '/elections/confidence';

/** The address of a vote's page. */
export function confidencePath(id: string): string {
  return `${confidenceListPath}/${id}`;
}
