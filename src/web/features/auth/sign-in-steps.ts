/**
 * Where each sign-in step happens, and the page the person was going to, carried along in `?from=` so that
 * they arrive there once every step is done.
 */
import type { SIGN_IN_STEPS } from '../../../shared/auth.contract.ts';

export type SignInStep = (typeof SIGN_IN_STEPS)[number];

/** Sign-in pages never make a useful destination: arriving at one after signing in would loop. */
const STEP_PATHS = ['/sign-in', '/sign-in/second-factor', '/terms', '/change-password'];

/**
 * The `from` parameter if it is a path of this site, else null. Only local paths are followed: an address like
 * `//evil.example` or `https://…` would make the sign-in page an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  const pathname = value.split(/[?#]/, 1)[0] ?? '';
  return STEP_PATHS.includes(pathname) ? null : value;
}

function withFrom(path: string, from: string | null): string {
  return from ? `${path}?from=${encodeURIComponent(from)}` : path;
}

/** The page of the next step; once all are done, where the person was going (or the home page). */
export function pathForStep(next: SignInStep, from: string | null): string {
  switch (next) {
    case 'enrol_second_factor':
    case 'second_factor':
      return withFrom('/sign-in/second-factor', from);
    case 'accept_terms':
      return withFrom('/terms', from);
    case 'change_password':
      return withFrom('/change-password', from);
    case 'done':
      return from ?? '/';
  }
}

export function signInPath(from: string | null, reason?: 'ended' | 'signed_out' | 'password_set'): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (from) params.set('from', from);
  const text = params.toString();
  return text ? `/sign-in?${text}` : '/sign-in';
}
