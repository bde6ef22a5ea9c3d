import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lapse, LapseInput, LapseList, LapseReflectionInput, LapseTellingInput } from '@twofold/core/setbacks/lapse.schemas';
import type { Struggling, StrugglingNote, StrugglingNoteList, WarningSignWatchResult } from '@twofold/core/setbacks/struggling.schemas';
import { api } from '../../lib/api-client';
import { hasCode } from '../../lib/problem';

/** The person's own setbacks data: in memory only (react-query), never in browser storage. */
export const setbacksKeys = {
  lapses: ['setbacks', 'lapses'] as const,
  lapse: (id: string) => ['setbacks', 'lapses', id] as const,
  struggling: ['setbacks', 'struggling'] as const,
  notes: ['setbacks', 'struggling-notes'] as const,
  watch: ['setbacks', 'watch'] as const,
  partnerLapses: (partnerId: string) => ['setbacks', 'partner-lapses', partnerId] as const,
};

export function useMyLapses() {
  return useQuery({ queryKey: setbacksKeys.lapses, queryFn: () => api.get<LapseList>('/api/me/lapses') });
}

export function useLapse(id: string) {
  return useQuery({ queryKey: setbacksKeys.lapse(id), queryFn: () => api.get<Lapse>(`/api/me/lapses/${encodeURIComponent(id)}`) });
}

function useInvalidateLapses() {
  const queryClient = useQueryClient();
  return (saved?: Lapse) => {
    if (saved) {
      queryClient.setQueryData(setbacksKeys.lapse(saved.id), saved);
    }
    void queryClient.invalidateQueries({ queryKey: setbacksKeys.lapses, exact: true });
    // The counters and the calendar count a lapse day as a day with use.
    void queryClient.invalidateQueries({ queryKey: ['recovery'] });
  };
}

export function useWriteLapse() {
  const invalidate = useInvalidateLapses();
  return useMutation({ mutationFn: (input: LapseInput) => api.post<Lapse>('/api/me/lapses', input), onSuccess: invalidate });
}

export function useLapseTelling(id: string) {
  const invalidate = useInvalidateLapses();
  return useMutation({
    mutationFn: (input: LapseTellingInput) => api.put<Lapse>(`/api/me/lapses/${encodeURIComponent(id)}/telling`, input),
    onSuccess: invalidate,
  });
}

export function useLapseReflection(id: string) {
  const invalidate = useInvalidateLapses();
  return useMutation({
    mutationFn: (input: LapseReflectionInput) => api.put<Lapse>(`/api/me/lapses/${encodeURIComponent(id)}/reflection`, input),
    onSuccess: invalidate,
  });
}

export function useStruggling() {
  return useQuery({ queryKey: setbacksKeys.struggling, queryFn: () => api.get<Struggling>('/api/me/struggling') });
}

export function useSendPartnerNote() {
  return useMutation({
    mutationFn: (message: string) => api.post<StrugglingNote>('/api/me/struggling/partner-note', { message }),
  });
}

export function useStrugglingNotes(enabled = true) {
  return useQuery({
    queryKey: setbacksKeys.notes,
    queryFn: () => api.get<StrugglingNoteList>('/api/me/struggling-notes'),
    enabled,
  });
}

export function useMarkNoteRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.put<void>(`/api/me/struggling-notes/${encodeURIComponent(id)}/read`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: setbacksKeys.notes }),
  });
}

export function useWarningSignWatch(enabled = true) {
  return useQuery({
    queryKey: setbacksKeys.watch,
    queryFn: () => api.get<WarningSignWatchResult>('/api/me/warning-sign-watch'),
    enabled,
  });
}

/** Lapse reports my partner told me about; null when there is nothing I may read (404). */
export function usePartnerLapses(partnerId: string | null) {
  return useQuery({
    queryKey: setbacksKeys.partnerLapses(partnerId ?? ''),
    enabled: partnerId !== null,
    queryFn: async (): Promise<Lapse[] | null> => {
      try {
        return (await api.get<LapseList>(`/api/people/${encodeURIComponent(partnerId ?? '')}/lapses`)).lapses;
      } catch (error) {
        if (hasCode(error, 'not-found')) {
          return null;
        }
        throw error;
      }
    },
  });
}
