import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@twofold/core/auth/auth.schemas';
import type { PasswordChangeInput, RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from '@twofold/core/auth/sign-in-security.schemas';
import { api, apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './use-me';

/** Password reset, password change and two-step sign-in (TOTP). */

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<{ status: 'check-email'; message: string }>('/api/auth/password-reset', { email }),
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => api.post<void>('/api/auth/password-reset/confirm', input),
    // Every session of the account ended: whatever this device had cached is no longer theirs to see.
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: PasswordChangeInput) => api.post<void>('/api/me/password', input) });
}

/**
 * The code step of a two-step login. An `unauthenticated` answer means the password step must be
 * done again (it took too long); the form says so itself, so nobody is sent away.
 */
export function useTwoFactorLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<Me>('/api/auth/login/two-factor', { method: 'POST', body: { code }, expectUnauthenticated: true }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export const twoFactorQueryKey = ['me', 'two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorQueryKey, queryFn: () => api.get<TwoFactorStatus>('/api/me/two-factor') });
}

export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => api.post<TwoFactorEnrolment>('/api/me/two-factor') });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/me/two-factor/confirm', { code }),
    onSuccess: () => {
      // Staff pages that answered "set up two-step sign-in first" may open now.
      void queryClient.invalidateQueries({ queryKey: twoFactorQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string; code: string }) => api.post<void>('/api/me/two-factor/disable', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }),
  });
}
