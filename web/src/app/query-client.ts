import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

/** Whether a failed query is worth retrying (network trouble or a server fault, not a refusal). */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

/** The one query cache of the app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
