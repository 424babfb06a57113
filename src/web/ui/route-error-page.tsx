import { useRouteError } from 'react-router';
import { ErrorAlert } from './error-alert.tsx';

/**
 * Shown inside the frame when a page crashes while rendering, so the banner and navigation stay usable.
 * The message is the translated generic one; the exception itself is not shown to the user.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  return <ErrorAlert error={error} onRetry={() => window.location.reload()} />;
}
