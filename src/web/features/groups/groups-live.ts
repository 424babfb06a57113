/**
 * Live updates of the groups: one EventSource on the server's stream (session cookie, GET, so no CSRF) while a
 * person is signed in. Each event only marks the queries it concerns as stale, so what appears is always what the
 * API answers for this person (the stream carries ids and counts, never content).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { groupStreamEventSchema, GROUPS_STREAM_PATH } from '../../../shared/groups.contract.ts';
import { groupKeys } from './groups.api.ts';

const EVENT_NAMES = ['message', 'notification', 'unread'] as const;

export function useGroupsStream(isSignedIn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!isSignedIn || typeof EventSource === 'undefined') return;
    const source = new EventSource(GROUPS_STREAM_PATH, { withCredentials: true });
    const onEvent = (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = groupStreamEventSchema.safeParse(data);
      if (!parsed.success) return;
      const update = parsed.data;
      switch (update.type) {
        case 'message':
          void queryClient.invalidateQueries({ queryKey: groupKeys.messages(update.groupId) });
          void queryClient.invalidateQueries({ queryKey: groupKeys.group(update.groupId), exact: true });
          void queryClient.invalidateQueries({ queryKey: groupKeys.lists });
          void queryClient.invalidateQueries({ queryKey: groupKeys.unread });
          break;
        case 'notification':
          void queryClient.invalidateQueries({ queryKey: groupKeys.notifications });
          void queryClient.invalidateQueries({ queryKey: groupKeys.library(update.groupId) });
          void queryClient.invalidateQueries({ queryKey: groupKeys.unread });
          break;
        case 'unread':
          queryClient.setQueryData(groupKeys.unread, update.counts);
          break;
      }
    };
    for (const name of EVENT_NAMES) source.addEventListener(name, onEvent);
    // The browser reconnects by itself after a network cut; a closed stream (session ended) stays closed, and
    // the next API call reports the ended session as usual.
    return () => source.close();
  }, [isSignedIn, queryClient]);
}
