/**
 * The Secretariat's lists and decisions: registration requests (and focal points' endorsements), users,
 * organisations and versions of the terms of use. Every list item carries its `abilities`; the pages show the
 * buttons those allow and nothing else.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  organisationListSchema,
  organisationSchema,
  userListSchema,
  userSchema,
  type USER_STATUSES,
} from '../../../shared/admin.contract.ts';
import { publishTermsSchema, termsListSchema, termsSchema } from '../../../shared/auth.contract.ts';
import type { ORGANISATION_KINDS } from '../../../shared/actor.ts';
import {
  approveSchema,
  endorseSchema,
  registrationListSchema,
  registrationSchema,
  type REGISTRATION_STATUSES,
} from '../../../shared/registration.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';

const PAGE_SIZE = 50;

export interface RegistrationFilters {
  status: (typeof REGISTRATION_STATUSES)[number];
  party: string | null;
  organisationKind: (typeof ORGANISATION_KINDS)[number] | null;
  olderThanDays: number | null;
}

export function useRegistrations(filters: RegistrationFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'registrations', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/registrations', registrationListSchema, {
        query: { ...filters, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export type RegistrationDecision =
  | { kind: 'endorse'; body: z.input<typeof endorseSchema> }
  | { kind: 'approve'; body: z.input<typeof approveSchema> }
  | { kind: 'reject'; body: { reason: string } }
  | { kind: 'request-info'; body: { message: string } };

export function useDecideRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: RegistrationDecision) =>
      apiPost(
        `/api/v1/registrations/${encodeURIComponent(id)}/${decision.kind}`,
        decision.body,
        registrationSchema,
      ),
    // Not awaited: the refreshed list no longer holds the decided request, so its card (which passed the
    // per-call onSuccess to mutate) would be gone before that callback could run.
    onSuccess: (_registration, decision) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'registrations'] });
      if (decision.kind === 'approve') {
        void queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] });
        void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      }
    },
  });
}

export interface UserFilters {
  status: (typeof USER_STATUSES)[number] | null;
  organisationId: string | null;
  q: string;
}

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/users', userListSchema, {
        query: { ...filters, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

export type UserStatusChange = 'suspend' | 'reinstate' | 'withdraw';

export function useChangeUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change, reason }: { id: string; change: UserStatusChange; reason: string }) =>
      apiPost(`/api/v1/users/${encodeURIComponent(id)}/${change}`, { reason }, userSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'organisations'],
    queryFn: ({ signal }) => apiGet('/api/v1/organisations', organisationListSchema, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof approveSchema>['newOrganisation']) =>
      apiPost('/api/v1/organisations', body, organisationSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] }),
  });
}

export function useTermsVersions() {
  return useQuery({
    queryKey: ['admin', 'terms'],
    queryFn: ({ signal }) => apiGet('/api/v1/terms', termsListSchema, { signal }),
    staleTime: 0,
  });
}

export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof publishTermsSchema>) => apiPost('/api/v1/terms', body, termsSchema),
    onSuccess: async () => {
      // Marked stale but not asked again now: the publisher's own session must accept the new version first
      // (the list is a data route), which the form sees to.
      await queryClient.invalidateQueries({ queryKey: ['admin', 'terms'], refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: ['terms', 'current'] });
    },
  });
}
