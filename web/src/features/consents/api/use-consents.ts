import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Consents, GrantConsentInput } from '@twofold/core/programs/consent.schemas';
import { api } from '../../../lib/api-client';

export const consentsQueryKey = ['consents'] as const;

export function useConsents() {
  return useQuery({ queryKey: consentsQueryKey, queryFn: () => api.get<Consents>('/api/me/consents') });
}

/** Granting and revoking change the sharing settings too: both are refetched. */
function useSaveConsents<V>(call: (variables: V) => Promise<Consents>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (consents) => {
      queryClient.setQueryData(consentsQueryKey, consents);
      void queryClient.invalidateQueries({ queryKey: ['sharing'] });
    },
  });
}

export function useGrantConsent() {
  return useSaveConsents((input: GrantConsentInput) => api.post<Consents>('/api/me/consents', input));
}

export function useRevokeConsent() {
  return useSaveConsents((consentId: string) => api.delete<Consents>(`/api/me/consents/${encodeURIComponent(consentId)}`));
}
