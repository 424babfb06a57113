/**
 * The session (GET /api/v1/auth/session): who is signed in, which sign-in step comes next, what they may do,
 * and the CSRF token. `null` means nobody is signed in. Every page reads it through useSession.
 */
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionSchema, type Session } from '../../../shared/auth.contract.ts';
import type { Action } from '../../../shared/permissions.ts';
import { apiGet, apiPostNoContent, isApiError, reportAuthFailure } from '../../api/client.ts';
import { forgetCsrfToken, rememberCsrfToken, SESSION_PATH } from '../../api/csrf.ts';
import { mayHaveSession, rememberSessionHint } from '../../api/session-hint.ts';
import { queryClient } from '../../api/query-client.ts';

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;
/** First parts of the query keys that hold one person's data: dropped when the person changes or leaves. */
const PERSONAL_KEY_ROOTS: readonly unknown[] = ['me', 'admin', 'seizures', 'groups'];

async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  const previous = queryClient.getQueryData<Session | null>(SESSION_QUERY_KEY);
  if (!mayHaveSession()) {
    // Signed out in another tab (or never signed in here): no need to ask the server.
    if (previous?.next === 'done') reportAuthFailure('unauthenticated');
    rememberCsrfToken(null);
    return null;
  }
  try {
    const session = await apiGet(SESSION_PATH, sessionSchema, { signal, isSessionRequired: false });
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberCsrfToken(null);
      rememberSessionHint(false);
      // Signed in a moment ago, not any more: suspended, signed out elsewhere, or expired. Say so.
      if (previous?.next === 'done') reportAuthFailure('unauthenticated');
      return null;
    }
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 30_000,
    // Coming back to the tab after a while: find out at once whether the session is still open.
    refetchOnWindowFocus: true,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** The session of someone who has completed every sign-in step, or null. */
export function useSignedInSession(): Session | null {
  const { data } = useSession();
  return data?.next === 'done' ? data : null;
}

export function hasAbility(session: Session | null | undefined, ...actions: Action[]): boolean {
  return session?.next === 'done' && actions.some((action) => session.abilities.includes(action));
}

/** Forgets every query holding a person's data (their account, the admin lists), for the next person. */
export function dropPersonalData(): void {
  queryClient.removeQueries({ predicate: (query) => PERSONAL_KEY_ROOTS.includes(query.queryKey[0]) });
}

/**
 * After each sign-in step the server's session changes, and with it the CSRF token: learn the new one before
 * going on, so the next page starts from the right step.
 */
export async function refreshSessionAfterStep(): Promise<Session | null> {
  forgetCsrfToken();
  return queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 });
}

export function useSignOut() {
  const navigate = useNavigate();
  const forget = async () => {
    // Forget locally first, so the next check is not mistaken for a session that ended by itself.
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
    dropPersonalData();
    rememberSessionHint(false);
    forgetCsrfToken();
    await navigate('/sign-in?reason=signed_out');
  };
  return useMutation({
    mutationFn: () => apiPostNoContent('/api/v1/auth/sign-out', undefined, { isSessionRequired: false }),
    onSuccess: forget,
    onError: async (error) => {
      // 401: the session had already ended. Anything else: the sign-out did not reach the server, so the person
      // stays shown as signed in (and can try again) rather than believing they are out.
      if (isApiError(error) && error.status === 401) await forget();
      else await refreshSessionAfterStep();
    },
  });
}
