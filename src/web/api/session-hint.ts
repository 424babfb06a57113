/**
 * Whether this browser may hold a session cookie. The cookie itself is HttpOnly (scripts cannot read it, on
 * purpose), so the app remembers in localStorage that it signed in, and forgets at sign-out or when the server
 * says the session is gone.
 *
 * Why: without the hint, every page view by someone not signed in would ask GET /api/v1/auth/session only to be
 * told 401: a wasted round trip on slow links, and an error line in the browser console on every public page.
 * The hint only saves requests; it never grants anything (the server decides on every request).
 */
const STORAGE_KEY = 'itd.mayHaveSession';

export function mayHaveSession(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    // No storage (some privacy modes): ask the server every time.
    return true;
  }
}

export function rememberSessionHint(hasSession: boolean): void {
  try {
    if (hasSession) window.localStorage.setItem(STORAGE_KEY, '1');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to remember in: mayHaveSession answers true anyway.
  }
}
