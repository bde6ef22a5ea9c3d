import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupportPreferences, SupportPreferencesInput } from '@twofold/core/support/support-preferences.schemas';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

export function useMySupportPreferences() {
  return useQuery({ queryKey: ['support-preferences', 'me'], queryFn: () => api.get<SupportPreferences>('/api/me/support-preferences') });
}

export function useSaveSupportPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupportPreferencesInput) => api.put<SupportPreferences>('/api/me/support-preferences', input),
    onSuccess: (saved) => queryClient.setQueryData(['support-preferences', 'me'], saved),
  });
}

/**
 * The partner's preferences, or null when they are not shared with me. The server answers 404
 * both for "not shared" and "does not exist", and the UI says only "not shared with you".
 */
export function usePartnerSupportPreferences(partnerId: string) {
  return useQuery({
    queryKey: ['support-preferences', partnerId],
    queryFn: async (): Promise<SupportPreferences | null> => {
      try {
        return await api.get<SupportPreferences>(`/api/people/${encodeURIComponent(partnerId)}/support-preferences`);
      } catch (error) {
        if (hasCode(error, 'not-found')) {
          return null;
        }
        throw error;
      }
    },
    // Sharing can be revoked at any moment; look again whenever the page is shown.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
