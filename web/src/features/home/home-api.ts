import { homeSummary } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api-client.ts';

/** The home page figures of the current scope. */
export const homeSummaryQuery = queryOptions({
  queryKey: ['home', 'summary'],
  queryFn: ({ signal }) => api.get('/api/home/summary', homeSummary, undefined, signal),
});
