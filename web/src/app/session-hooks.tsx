import type { Locale, SessionView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { queryClient } from './query-client.ts';
import { authApi, dropSession, sessionQuery, storeSession } from './session-api.ts';

/** The session as loaded from the server (null when signed out). */
export function useSession() {
  const query = useQuery(sessionQuery);
  return { session: query.data ?? null, isPending: query.isPending, error: query.error };
}

const CurrentSessionContext = createContext<SessionView | null>(null);

/** Provides the signed-in session to the pages behind the sign-in guard. */
export function CurrentSessionProvider({ session, children }: { readonly session: SessionView; readonly children: ReactNode }) {
  return <CurrentSessionContext.Provider value={session}>{children}</CurrentSessionContext.Provider>;
}

/** The signed-in session; only for components rendered behind the sign-in guard. */
export function useCurrentSession(): SessionView {
  const session = useContext(CurrentSessionContext);
  if (!session) throw new Error('useCurrentSession outside the sign-in guard');
  return session;
}

/** Switches the language; when signed in, also saves it on the account. */
export function useChangeLanguage(): (locale: Locale) => Promise<void> {
  const { setLocale } = useI18n();
  return useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      const session = queryClient.getQueryData(sessionQuery.queryKey);
      if (!session || session.user.locale === locale) return;
      storeSession({ ...session, user: { ...session.user, locale } });
      await authApi.setLocale(locale);
    },
    [setLocale],
  );
}

/** Signs out here (or everywhere) and returns to the sign-in page. */
export function useSignOut(): (everywhere: boolean) => Promise<number> {
  const navigate = useNavigate();
  return useCallback(
    async (everywhere: boolean) => {
      try {
        return everywhere ? (await authApi.logoutAll()).ended : (await authApi.logout(), 1);
      } finally {
        dropSession();
        void navigate('/login', { replace: true });
      }
    },
    [navigate],
  );
}
