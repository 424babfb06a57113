/** The signed-in person's own sessions, personal API tokens and password. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createdTokenSchema, mySessionListSchema, tokenListSchema } from '../../../shared/auth.contract.ts';
import { apiDelete, apiGet, apiPost, apiPostNoContent } from '../../api/client.ts';
import { forgetCsrfToken } from '../../api/csrf.ts';

const SESSIONS_KEY = ['me', 'sessions'] as const;
const TOKENS_KEY = ['me', 'tokens'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/auth/sessions', mySessionListSchema, { signal }),
    staleTime: 0,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/v1/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useMyTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/tokens', tokenListSchema, { signal }),
    staleTime: 0,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; days: number }) => apiPost('/api/v1/tokens', body, createdTokenSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/v1/tokens/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiPostNoContent('/api/v1/auth/password', body),
    // The server renews this session (new cookie, new CSRF token) and may close the others.
    onSuccess: async () => {
      forgetCsrfToken();
      await queryClient.invalidateQueries({ queryKey: ['auth', 'session'] });
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}
