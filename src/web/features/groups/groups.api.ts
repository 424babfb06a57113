/**
 * Queries and changes of the closed user groups (src/shared/groups.contract.ts). Every key starts with 'me'
 * (or 'admin' for the Secretariat's list), so signing out or changing person drops them all
 * (dropPersonalData): one member's messages and library never show on the next person's screen.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import {
  approveJoinSchema,
  createGroupSchema,
  createLibraryItemSchema,
  groupDirectorySchema,
  groupListSchema,
  groupSchema,
  GROUPS_API,
  joinRequestInputSchema,
  joinRequestListSchema,
  joinRequestSchema,
  libraryItemSchema,
  libraryListSchema,
  memberListSchema,
  memberSchema,
  messageListSchema,
  messageThreadSchema,
  newLibraryVersionSchema,
  notificationListSchema,
  unreadCountsSchema,
  updateGroupSchema,
  updateMemberSchema,
  composeMessageSchema,
  messageSchema,
  type LIBRARY_KINDS,
} from '../../../shared/groups.contract.ts';
import type { Language } from '../../../shared/languages.ts';
import { apiDelete, apiGet, apiPost, apiPostNoContent } from '../../api/client.ts';

const PAGE_SIZE = 30;
const at = (groupId: string, ...rest: string[]) =>
  [GROUPS_API, encodeURIComponent(groupId), ...rest.map(encodeURIComponent)].join('/');

export const groupKeys = {
  all: ['me', 'groups'] as const,
  lists: ['me', 'groups', 'list'] as const,
  group: (groupId: string) => ['me', 'groups', 'group', groupId] as const,
  messages: (groupId: string) => ['me', 'groups', 'group', groupId, 'messages'] as const,
  library: (groupId: string) => ['me', 'groups', 'group', groupId, 'library'] as const,
  members: (groupId: string) => ['me', 'groups', 'group', groupId, 'members'] as const,
  requests: (groupId: string) => ['me', 'groups', 'group', groupId, 'requests'] as const,
  unread: ['me', 'groups', 'unread'] as const,
  notifications: ['me', 'groups', 'notifications'] as const,
  admin: ['admin', 'groups'] as const,
};

// ── Groups ──────────────────────────────────────────────────────────────────────────────────────

export function useGroupList(scope: 'mine' | 'joinable') {
  return useQuery({
    queryKey: [...groupKeys.lists, scope],
    queryFn: ({ signal }) => apiGet(GROUPS_API, groupListSchema, { query: { scope }, signal }),
    staleTime: 0,
  });
}

export function useAdminGroupList(enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.admin,
    queryFn: ({ signal }) => apiGet(GROUPS_API, groupListSchema, { query: { scope: 'all' }, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: groupKeys.group(groupId),
    queryFn: ({ signal }) => apiGet(at(groupId), groupSchema, { signal }),
    staleTime: 0,
  });
}

/** The public list of open groups, for the registration form's suggestions. */
export function useGroupDirectory() {
  return useQuery({
    queryKey: ['groups', 'directory'],
    queryFn: ({ signal }) =>
      apiGet(`${GROUPS_API}/directory`, groupDirectorySchema, { signal, isSessionRequired: false }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createGroupSchema>) => apiPost(GROUPS_API, body, groupSchema),
    onSuccess: () => invalidateGroups(queryClient),
  });
}

export function useUpdateGroup(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateGroupSchema>) => apiPost(at(groupId), body, groupSchema),
    onSuccess: () => invalidateGroups(queryClient),
  });
}

function invalidateGroups(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: groupKeys.admin }),
    queryClient.invalidateQueries({ queryKey: groupKeys.all }),
  ]);
}

// ── Joining ─────────────────────────────────────────────────────────────────────────────────────

export function useAskToJoin(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof joinRequestInputSchema>) =>
      apiPost(at(groupId, 'join-requests'), body, joinRequestSchema),
    // Not awaited here and below: the refreshed list may no longer hold the card whose per-call onSuccess
    // shows the outcome, and that callback must run first.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: groupKeys.lists }),
  });
}

export function useJoinRequests(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.requests(groupId),
    queryFn: ({ signal }) =>
      apiGet(at(groupId, 'join-requests'), joinRequestListSchema, {
        query: { status: 'pending', limit: 100 },
        signal,
      }),
    enabled,
    staleTime: 0,
  });
}

export type JoinDecision =
  { kind: 'approve'; body: z.input<typeof approveJoinSchema> } | { kind: 'reject'; body: { reason: string } };

export function useDecideJoinRequest(groupId: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: JoinDecision) =>
      apiPost(at(groupId, 'join-requests', requestId, decision.kind), decision.body, joinRequestSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
  });
}

// ── Members ─────────────────────────────────────────────────────────────────────────────────────

export function useMembers(groupId: string, enabled = true) {
  return useQuery({
    queryKey: groupKeys.members(groupId),
    queryFn: ({ signal }) => apiGet(at(groupId, 'members'), memberListSchema, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useUpdateMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: z.input<typeof updateMemberSchema> }) =>
      apiPost(at(groupId, 'members', userId), body, memberSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.members(groupId) }),
  });
}

export function useRemoveMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiDelete(at(groupId, 'members', userId)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId) }),
  });
}

// ── Messages ────────────────────────────────────────────────────────────────────────────────────

export function useMessages(groupId: string, folder: 'inbox' | 'sent', q: string, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...groupKeys.messages(groupId), 'list', folder, q],
    queryFn: ({ pageParam, signal }) =>
      apiGet(at(groupId, 'messages'), messageListSchema, {
        query: { folder, q, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useThread(groupId: string, messageId: string) {
  return useQuery({
    queryKey: [...groupKeys.messages(groupId), 'thread', messageId],
    queryFn: ({ signal }) => apiGet(at(groupId, 'messages', messageId), messageThreadSchema, { signal }),
    staleTime: 0,
  });
}

export function useMarkRead(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => apiPostNoContent(at(groupId, 'messages', messageId, 'read'), {}),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.unread }),
        queryClient.invalidateQueries({ queryKey: [...groupKeys.messages(groupId), 'list'] }),
        queryClient.invalidateQueries({ queryKey: groupKeys.group(groupId), exact: true }),
      ]),
  });
}

export function useSendMessage(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof composeMessageSchema>) =>
      apiPost(at(groupId, 'messages'), body, messageSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.messages(groupId) }),
  });
}

export function useUnreadCounts(enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.unread,
    queryFn: ({ signal }) => apiGet(`${GROUPS_API}/unread`, unreadCountsSchema, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: groupKeys.notifications,
    queryFn: ({ signal }) =>
      apiGet(`${GROUPS_API}/notifications`, notificationListSchema, { query: { limit: 20 }, signal }),
    staleTime: 0,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      apiPostNoContent(`${GROUPS_API}/notifications/${encodeURIComponent(notificationId)}/read`, {}),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.notifications }),
        queryClient.invalidateQueries({ queryKey: groupKeys.unread }),
      ]),
  });
}

// ── Library ─────────────────────────────────────────────────────────────────────────────────────

export interface LibraryFilters {
  kind: (typeof LIBRARY_KINDS)[number] | null;
  language: Language | null;
  tag: string;
  q: string;
}

export function useLibrary(groupId: string, filters: LibraryFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...groupKeys.library(groupId), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet(at(groupId, 'library'), libraryListSchema, {
        query: { ...filters, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useLibraryItem(groupId: string, itemId: string) {
  return useQuery({
    queryKey: [...groupKeys.library(groupId), 'item', itemId],
    queryFn: ({ signal }) => apiGet(at(groupId, 'library', itemId), libraryItemSchema, { signal }),
    staleTime: 0,
  });
}

export function usePublishItem(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createLibraryItemSchema>) =>
      apiPost(at(groupId, 'library'), body, libraryItemSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.library(groupId) }),
  });
}

export function usePublishVersion(groupId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof newLibraryVersionSchema>) =>
      apiPost(at(groupId, 'library', itemId, 'versions'), body, libraryItemSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupKeys.library(groupId) }),
  });
}
