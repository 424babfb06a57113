/**
 * The TanStack Query client shared by the whole app.
 */
import { QueryClient } from '@tanstack/react-query';
import { i18n } from '../i18n/i18n.ts';
import { isTransient } from './client.ts';

const MAX_RETRIES = 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Reference data changes rarely; on slow links, not re-asking is worth more than being a minute fresher.
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // Only failures that may go away are retried (see isTransient); a refusal would just come back again.
      retry: (failureCount, error) => isTransient(error) && failureCount < MAX_RETRIES,
    },
  },
});

// Error messages from the server are written in the language of the request. After a language switch, ask
// again for whatever failed so the message on screen is in the new language (successful data is not refetched).
i18n.on('languageChanged', () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
});
