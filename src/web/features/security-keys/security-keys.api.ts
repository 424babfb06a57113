/**
 * Security keys through the browser's WebAuthn ceremony (the browser half of the library the server uses): enrol
 * from the account page, sign in with a key at the second-factor step. The server gives the options (with a
 * single-use challenge) and checks what the browser answers.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signInStepSchema } from '../../../shared/auth.contract.ts';
import {
  ceremonyOptionsSchema,
  securityKeyListSchema,
  securityKeySchema,
} from '../../../shared/security-keys.contract.ts';
import { apiDelete, apiGet, apiPost } from '../../api/client.ts';

const BASE = '/api/v1/auth/security-keys';
const KEYS_KEY = ['me', 'security-keys'];

/** The browser refused or could not run the ceremony (cancelled, timed out, no authenticator). */
export class CeremonyError extends Error {
  override readonly name = 'CeremonyError';
}

export function useMySecurityKeys() {
  return useQuery({
    queryKey: KEYS_KEY,
    queryFn: ({ signal }) => apiGet(BASE, securityKeyListSchema, { signal }),
  });
}

export function useEnrolSecurityKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const options = await apiPost(`${BASE}/options`, {}, ceremonyOptionsSchema);
      const response = await startRegistration({
        optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
      }).catch((error: unknown) => {
        throw new CeremonyError(String(error));
      });
      return apiPost(BASE, { name, response }, securityKeySchema);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS_KEY }),
  });
}

export function useRemoveSecurityKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`${BASE}/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS_KEY }),
  });
}

/** The second factor with a key: options for this session, the browser's signature, the server's check. */
export function useSignInWithSecurityKey() {
  return useMutation({
    mutationFn: async () => {
      const options = await apiPost(`${BASE}/sign-in/options`, {}, ceremonyOptionsSchema, {
        isSessionRequired: false,
      });
      const response = await startAuthentication({
        optionsJSON: options,
      }).catch((error: unknown) => {
        throw new CeremonyError(String(error));
      });
      return apiPost(`${BASE}/sign-in`, { response }, signInStepSchema, { isSessionRequired: false });
    },
  });
}
