/**
 * Acts on what the API client reports about the session, wherever the person is:
 * - 401 (the session ended: expired, signed out elsewhere, suspended): to the sign-in page, with a message and
 *   the current page kept in `from`, and the person's data forgotten;
 * - 403 `terms_not_accepted`: to the terms page, then back.
 * It also asks again whether the session is still open at each navigation, so a suspended person is shown out at
 * their next click rather than at their next data request.
 */
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onAuthFailure } from '../../api/client.ts';
import { forgetCsrfToken } from '../../api/csrf.ts';
import { rememberSessionHint } from '../../api/session-hint.ts';
import { queryClient } from '../../api/query-client.ts';
import { dropPersonalData, SESSION_QUERY_KEY, useSession } from './session.queries.ts';
import { signInPath } from './sign-in-steps.ts';

export function AuthRedirects() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const session = useSession();
  const hasSession = session.data !== undefined && session.data !== null;

  useEffect(
    () =>
      onAuthFailure((failure) => {
        const here = window.location.pathname + window.location.search;
        switch (failure) {
          case 'unauthenticated':
            // Navigate before forgetting the session, so guarded pages leave at once instead of redirecting
            // on their own without the message.
            if (!window.location.pathname.startsWith('/sign-in')) {
              void navigate(signInPath(here, 'ended'), { replace: true });
            }
            forgetCsrfToken();
            rememberSessionHint(false);
            queryClient.setQueryData(SESSION_QUERY_KEY, null);
            // After the pages showing it have gone.
            setTimeout(dropPersonalData, 0);
            return;
          case 'terms_not_accepted':
            if (window.location.pathname !== '/terms') {
              void navigate(`/terms?from=${encodeURIComponent(here)}`);
            }
            return;
        }
      }),
    [navigate],
  );

  useEffect(() => {
    if (hasSession) void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    // Only a change of page is a reason to ask (hasSession is deliberately not a dependency).
  }, [pathname]);

  return null;
}
