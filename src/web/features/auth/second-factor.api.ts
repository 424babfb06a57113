/** The second factor at sign-in: enrolment of an authenticator app (first sign-in) and the code at each one. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enrolmentSchema, recoveryCodesSchema, signInStepSchema } from '../../../shared/auth.contract.ts';
import { apiGet, apiPost } from '../../api/client.ts';

/**
 * The secret to enrol. Asked for once: asking again may give a new secret, and the person's app would then hold
 * one the server no longer expects.
 */
export function useEnrolment() {
  return useQuery({
    queryKey: ['sign-in', 'enrolment'],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/auth/second-factor/enrolment', enrolmentSchema, { signal, isSessionRequired: false }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useEnrol() {
  return useMutation({
    mutationFn: (code: string) =>
      apiPost('/api/v1/auth/second-factor/enrol', { code }, recoveryCodesSchema, {
        isSessionRequired: false,
      }),
  });
}

export function useVerifySecondFactor() {
  return useMutation({
    mutationFn: (code: string) =>
      apiPost('/api/v1/auth/second-factor/verify', { code }, signInStepSchema, { isSessionRequired: false }),
  });
}
