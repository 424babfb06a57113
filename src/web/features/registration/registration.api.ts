/** Registration requests (public): send one, and confirm the e-mail address with the link sent to it. */
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  registrationReceivedSchema,
  type RegistrationRequest,
} from '../../../shared/registration.contract.ts';
import { apiPost } from '../../api/client.ts';
import { z } from 'zod';

export function useSendRegistration() {
  return useMutation({
    mutationFn: (request: RegistrationRequest) =>
      apiPost('/api/v1/registrations', request, registrationReceivedSchema),
  });
}

const verifiedSchema = z.object({ status: z.enum(['verified', 'already_verified']) });

/**
 * Confirms the address as soon as the page opens. A query rather than a mutation so that the one request is
 * shared by every render (React's strict mode mounts twice) and not repeated: a token works once.
 */
export function useVerifyEmail(token: string | null) {
  return useQuery({
    queryKey: ['registration', 'verify', token],
    queryFn: () => apiPost('/api/v1/registrations/verify', { token }, verifiedSchema),
    enabled: token !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
