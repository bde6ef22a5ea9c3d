import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SignupRequest, UpdateProfileInput } from '@twofold/core/auth/auth.schemas';
import type { TwoFactorChallenge } from '@twofold/core/auth/sign-in-security.schemas';
import { api, resetApiClient } from '../../../lib/api-client';
import { meQueryKey } from './use-me';

export function useSignup() {
  return useMutation({
    mutationFn: (input: SignupRequest) => api.post<{ status: 'check-email'; message: string }>('/api/auth/signup', input),
  });
}

export function isTwoFactorChallenge(answer: Me | TwoFactorChallenge): answer is TwoFactorChallenge {
  return 'status' in answer && answer.status === 'two-factor-required';
}

/**
 * Logging in replaces whatever was cached for a previous person on this device. An account with
 * two-step sign-in answers a challenge instead: no session until the code step.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Me | TwoFactorChallenge>('/api/auth/login', input),
    onSuccess: (answer) => {
      if (!isTwoFactorChallenge(answer)) {
        queryClient.clear();
        queryClient.setQueryData(meQueryKey, answer);
      }
    },
  });
}

const confirmations = new Map<string, Promise<Me>>();

/**
 * The e-mailed token works once, so a page that renders twice (React StrictMode, a re-mount)
 * must not send it twice: every caller with the same token shares one request.
 */
export function confirmSignupOnce(token: string): Promise<Me> {
  let pending = confirmations.get(token);
  if (!pending) {
    pending = api.post<Me>('/api/auth/confirm', { token });
    confirmations.set(token, pending);
  }
  return pending;
}

export function useLogout(everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout'),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      resetApiClient();
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProfileInput) => api.patch<Me>('/api/me', input),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // The name shows in the couple space too.
      void queryClient.invalidateQueries({ queryKey: ['couple'] });
    },
  });
}
