import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { safetyScreenStatusSchema } from '@twofold/core/assessments/assessment.schemas';
import { api } from '../../../lib/api-client';

export type SafetyScreenStatus = z.infer<typeof safetyScreenStatusSchema>;

/** My own private relationship-safety screen: only ever asked about by me, never shown to my partner. */
export function useSafetyScreen() {
  return useQuery({ queryKey: ['safety-screen'], queryFn: () => api.get<SafetyScreenStatus>('/api/me/safety-screen') });
}

/** After a positive screen, I choose to open joint features again. */
export function useReopenJointFeatures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SafetyScreenStatus>('/api/me/safety-screen/reopen'),
    onSuccess: (status) => {
      queryClient.setQueryData(['safety-screen'], status);
      void queryClient.invalidateQueries({ queryKey: ['couple', 'joint-features'] });
    },
  });
}
