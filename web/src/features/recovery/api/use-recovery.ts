import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Checkin, CheckinInput, CheckinList, RecoverySummary } from '@twofold/core/recovery/checkin.schemas';
import type { CopingRunInput, CopingStats, SupportContact } from '@twofold/core/recovery/coping.schemas';
import type { Intake, IntakeInput, Reflection, ReflectionInput } from '@twofold/core/recovery/intake.schemas';
import type { Trigger, TriggerEntry, TriggerEntryInput } from '@twofold/core/recovery/triggers.schemas';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

/** Everything here is the person's own health data: kept in memory (react-query), never in browser storage. */
export const recoveryKeys = {
  all: ['recovery'] as const,
  intake: ['recovery', 'intake'] as const,
  reflection: ['recovery', 'reflection'] as const,
  checkins: (from: string, to: string) => ['recovery', 'checkins', from, to] as const,
  summary: ['recovery', 'summary'] as const,
  triggers: ['recovery', 'triggers'] as const,
  triggerLog: ['recovery', 'trigger-log'] as const,
  coping: ['recovery', 'coping'] as const,
  supports: ['recovery', 'supports'] as const,
  partner: (partnerId: string, what: string) => ['recovery', 'people', partnerId, what] as const,
};

export function useIntake() {
  return useQuery({ queryKey: recoveryKeys.intake, queryFn: () => api.get<Intake>('/api/me/intake') });
}

export function useSaveIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IntakeInput) => api.put<Intake>('/api/me/intake', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(recoveryKeys.intake, saved);
      // The start date and "in recovery" change the counters.
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.summary });
    },
  });
}

export function useReflection() {
  return useQuery({ queryKey: recoveryKeys.reflection, queryFn: () => api.get<Reflection>('/api/me/reflection') });
}

export function useSaveReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReflectionInput) => api.put<Reflection>('/api/me/reflection', input),
    onSuccess: (saved) => queryClient.setQueryData(recoveryKeys.reflection, saved),
  });
}

export function useCheckins(from: string, to: string) {
  return useQuery({
    queryKey: recoveryKeys.checkins(from, to),
    queryFn: () => api.get<CheckinList>(`/api/me/checkins?from=${from}&to=${to}`),
  });
}

/** Saves one day's check-in. PUT by day, so a double tap or a retry never makes two. */
export function useSaveCheckin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, input }: { date: string; input: CheckinInput }) =>
      api.put<Checkin>(`/api/me/checkins/${encodeURIComponent(date)}`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['recovery', 'checkins'] });
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.summary });
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggers });
    },
  });
}

export function useRecoverySummary() {
  return useQuery({ queryKey: recoveryKeys.summary, queryFn: () => api.get<RecoverySummary>('/api/me/recovery-summary') });
}

/** Another person's milestones, or null when they do not share them with me (404 either way). */
export function usePartnerRecoverySummary(partnerId: string) {
  return useQuery({
    queryKey: recoveryKeys.partner(partnerId, 'summary'),
    queryFn: async (): Promise<RecoverySummary | null> => {
      try {
        return await api.get<RecoverySummary>(`/api/people/${encodeURIComponent(partnerId)}/recovery-summary`);
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

export function useSendEncouragement(partnerId: string) {
  return useMutation({
    mutationFn: (input: { message: string; milestoneDays: number | null }) =>
      api.post<void>(`/api/people/${encodeURIComponent(partnerId)}/encouragements`, input),
  });
}

export function useTriggers() {
  return useQuery({ queryKey: recoveryKeys.triggers, queryFn: () => api.get<{ triggers: Trigger[] }>('/api/me/triggers') });
}

export function useAddTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api.post<Trigger>('/api/me/triggers', { label }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggers }),
  });
}

export function useTriggerLog() {
  return useQuery({
    queryKey: recoveryKeys.triggerLog,
    queryFn: () => api.get<{ ownerId: string; entries: TriggerEntry[] }>('/api/me/trigger-log'),
  });
}

export function useLogTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TriggerEntryInput) => api.post<TriggerEntry>('/api/me/trigger-log', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggerLog });
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggers });
    },
  });
}

export function useDeleteTriggerEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/trigger-log/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggerLog });
      void queryClient.invalidateQueries({ queryKey: recoveryKeys.triggers });
    },
  });
}

export function useCopingStats() {
  return useQuery({ queryKey: recoveryKeys.coping, queryFn: () => api.get<CopingStats>('/api/me/coping-runs') });
}

export function useLogCopingRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CopingRunInput) => api.post<unknown>('/api/me/coping-runs', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recoveryKeys.coping }),
  });
}

export function useSupportContacts() {
  return useQuery({
    queryKey: recoveryKeys.supports,
    queryFn: () => api.get<{ contacts: SupportContact[] }>('/api/me/support-contacts'),
  });
}

export function useAddSupportContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; relation: string; phone: string }) => api.post<SupportContact>('/api/me/support-contacts', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recoveryKeys.supports }),
  });
}

export function useDeleteSupportContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/support-contacts/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recoveryKeys.supports }),
  });
}

/** A GET of another person's data: null when they do not share it with me (404 either way). */
async function getShared<T>(path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (hasCode(error, 'not-found')) {
      return null;
    }
    throw error;
  }
}

/** What my partner shares of their own recovery: each part is null while it is not shared with me. */
export function usePartnerShared<T>(
  partnerId: string,
  what: 'intake' | 'reflection' | 'checkins' | 'trigger-log' | 'coping-runs',
  query = '',
) {
  return useQuery({
    queryKey: recoveryKeys.partner(partnerId, `${what}${query}`),
    queryFn: () => getShared<T>(`/api/people/${encodeURIComponent(partnerId)}/${what}${query}`),
    // Sharing can be revoked at any moment; look again whenever the page is shown.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
