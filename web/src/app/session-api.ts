import {
  type ChangePasswordRequest,
  type Locale,
  type LoginRequest,
  okResponse,
  type SessionView,
  sessionView,
} from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api, ApiError, configureApi } from './api-client.ts';
import { queryClient } from './query-client.ts';

/** The current session, or null when signed out. */
async function fetchSession(): Promise<SessionView | null> {
  try {
    return await api.get('/api/auth/me', sessionView);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });

let endedByServer = false;

/** Whether the server ended the session (idle or expired), for the sign-in page to say so. */
export const sessionEndedNotice = {
  shown: (): boolean => endedByServer,
  clear: (): void => {
    endedByServer = false;
  },
};

/** Forgets every cached answer and marks the browser as signed out. */
export function dropSession(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
  queryClient.setQueryData(sessionQuery.queryKey, null);
}

/** Wires the API client to the cached session: CSRF token, sign-out on 401, forced password change. */
export function connectApiToSession(): void {
  configureApi({
    csrfToken: () => queryClient.getQueryData(sessionQuery.queryKey)?.csrfToken ?? null,
    onUnauthenticated: () => {
      if (queryClient.getQueryData(sessionQuery.queryKey)) endedByServer = true;
      dropSession();
    },
    onPasswordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}

/** Replaces the cached session (after sign-in or a local change such as the language). */
export function storeSession(session: SessionView): void {
  queryClient.setQueryData(sessionQuery.queryKey, session);
}

export const authApi = {
  login: (body: LoginRequest) => api.post('/api/auth/login', sessionView, body),
  logout: () => api.post('/api/auth/logout', okResponse),
  logoutAll: () => api.post('/api/auth/logout-all', z.object({ ended: z.number().int() })),
  changePassword: (body: ChangePasswordRequest) => api.post('/api/auth/password', okResponse, body),
  setScope: (grantId: string | null) => api.put('/api/auth/scope', okResponse, { grantId }),
  setLocale: (locale: Locale) => api.put('/api/auth/locale', okResponse, { locale }),
};
