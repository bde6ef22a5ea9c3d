import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Couple, CreatedInvite } from '@twofold/core/couples/couple.schemas';
import type { EnrollmentConsentInput } from '@twofold/core/programs/consent.schemas';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

export const coupleQueryKey = ['couple'] as const;

/** My couple space, or null when I have none yet (the server answers 409 not-in-couple). */
export function useCouple() {
  return useQuery({
    queryKey: coupleQueryKey,
    queryFn: async (): Promise<Couple | null> => {
      try {
        return await api.get<Couple>('/api/couple');
      } catch (error) {
        if (hasCode(error, 'not-in-couple')) {
          return null;
        }
        throw error;
      }
    },
  });
}

/** After anything that changes who is in the couple, everything that depends on it is stale. */
function useRefreshCouple() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: coupleQueryKey });
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  };
}

export function useCreateCouple() {
  const queryClient = useQueryClient();
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: () => api.post<Couple>('/api/couple'),
    onSuccess: (couple) => {
      queryClient.setQueryData(coupleQueryKey, couple);
      refresh();
    },
  });
}

export function useCreateInvite() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: () => api.post<CreatedInvite>('/api/couple/invites'),
    onSuccess: refresh,
  });
}

export function useWithdrawInvite() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: (inviteId: string) => api.delete(`/api/couple/invites/${encodeURIComponent(inviteId)}`),
    onSuccess: refresh,
  });
}

export function useLeaveCouple() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/couple/leave'),
    onSuccess: () => {
      queryClient.setQueryData(coupleQueryKey, null);
      // The partner's shared data is gone for me too; drop anything cached about them.
      queryClient.removeQueries({ queryKey: ['support-preferences'] });
      void queryClient.invalidateQueries();
    },
  });
}

export function useDismissNotice() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: (noticeId: string) => api.delete(`/api/couple/notices/${encodeURIComponent(noticeId)}`),
    onSuccess: refresh,
  });
}

/** A partner accepts (or leaves) a program's enrollment for themselves only. */
export function useProgramEnrollment() {
  const refresh = useRefreshCouple();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, join, consent }: { programId: string; join: boolean; consent?: EnrollmentConsentInput }) =>
      join
        ? api.post<void>(`/api/programs/${encodeURIComponent(programId)}/enrollment`, consent ? { consent } : undefined)
        : api.delete(`/api/programs/${encodeURIComponent(programId)}/enrollment`),
    onSuccess: () => {
      refresh();
      // Joining with a consent, or leaving, changes consents and sharing settings too.
      void queryClient.invalidateQueries({ queryKey: ['consents'] });
      void queryClient.invalidateQueries({ queryKey: ['sharing'] });
    },
  });
}
