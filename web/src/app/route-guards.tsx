import type { Permission } from '@tcxd/contract';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ForbiddenPage, PageError, PageSpinner } from './page-states.tsx';
import { can } from './permissions.ts';
import { CurrentSessionProvider, useCurrentSession, useSession } from './session-hooks.tsx';

export const changePasswordPath = '/change-password';

/**
 * Lets only signed-in users through. A user who must change the password is kept on
 * the change-password page; the account's language is applied once known.
 */
export function RequireSession() {
  const { session, isPending, error } = useSession();
  const location = useLocation();
  const { setLocale } = useI18n();
  const accountLocale = session?.user.locale;
  useEffect(() => {
    if (accountLocale) setLocale(accountLocale);
  }, [accountLocale, setLocale]);

  if (isPending) return <PageSpinner fullScreen />;
  if (error) return <PageError error={error} onRetry={() => window.location.reload()} />;
  if (!session) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (session.user.mustChangePassword && location.pathname !== changePasswordPath) return <Navigate to={changePasswordPath} replace />;
  return (
    <CurrentSessionProvider session={session}>
      <Outlet />
    </CurrentSessionProvider>
  );
}

/** Shows the nested pages only when the current scope grants the permission. */
export function RequirePermission({ permission }: { readonly permission: Permission }) {
  const session = useCurrentSession();
  return can(session, permission) ? <Outlet /> : <ForbiddenPage />;
}
