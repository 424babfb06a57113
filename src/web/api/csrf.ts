/**
 * The CSRF token of the current session, sent by the API client in the `x-csrf-token` header of every
 * state-changing request. Learnt from GET /api/v1/auth/session (by the session query, or here on first need) and
 * forgotten after each sign-in step and at sign-out, because the session, and so the token, changes then.
 */
import { z } from 'zod';
import { mayHaveSession, rememberSessionHint } from './session-hint.ts';

export const SESSION_PATH = '/api/v1/auth/session';

/** undefined: not known yet; null: there is no session (public pages need no token). */
let knownToken: string | null | undefined;
let loading: Promise<string | null> | null = null;
/** Bumped by forgetCsrfToken, so an answer that was on its way for the previous session is not kept. */
let generation = 0;

export function rememberCsrfToken(token: string | null): void {
  knownToken = token;
}

export function forgetCsrfToken(): void {
  knownToken = undefined;
  loading = null;
  generation += 1;
}

/** The token to send; `isFresh` says it was just asked for (so a refusal cannot be blamed on a stale one). */
export async function csrfTokenForRequest(
  _signal?: AbortSignal,
): Promise<{ token: string | null; isFresh: boolean }> {
  if (knownToken !== undefined) return { token: knownToken, isFresh: false };
  // Never signed in here: no session, so no token to learn (and no request that would only answer 401).
  if (!mayHaveSession()) return { token: null, isFresh: true };
  loading ??= fetchToken();
  return { token: await loading, isFresh: true };
}

const tokenOnlySchema = z.object({ csrfToken: z.string() });

async function fetchToken(): Promise<string | null> {
  const askedIn = generation;
  try {
    const response = await fetch(SESSION_PATH, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.status === 401) {
      await response.body?.cancel();
      rememberSessionHint(false);
      if (askedIn === generation) knownToken = null;
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const parsed = tokenOnlySchema.safeParse(await response.json());
    const token = parsed.success ? parsed.data.csrfToken : null;
    if (askedIn === generation && parsed.success) knownToken = token;
    return token;
  } catch {
    // No answer: send the request without a token; the server's refusal, if any, is shown as usual.
    return null;
  } finally {
    if (askedIn === generation) loading = null;
  }
}
