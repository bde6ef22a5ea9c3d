import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InAppReminders,
  PushSubscriptionInput,
  ReminderSettings,
  ReminderSettingsInput,
  SnoozeChoice,
} from '@twofold/core/reminders/reminder.schemas';
import { api } from '../../../lib/api-client';

const settingsKey = ['reminders', 'settings'];
const listKey = ['reminders', 'list'];

export function useReminderSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<ReminderSettings>('/api/me/reminder-settings') });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderSettingsInput) => api.put<ReminderSettings>('/api/me/reminder-settings', input),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

/** My in-app reminders. Polled (there is no per-person live channel): every minute, and when the page comes back into view. */
export function useMyReminders() {
  return useQuery({
    queryKey: listKey,
    queryFn: () => api.get<InAppReminders>('/api/me/reminders'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useDismissReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/me/reminders/${encodeURIComponent(id)}/dismiss`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

export function useSnoozeReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: SnoozeChoice }) =>
      api.post<{ snoozedUntil: string }>(`/api/me/reminders/${encodeURIComponent(id)}/snooze`, { for: choice }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

export function useRegisterPushSubscription() {
  return useMutation({
    mutationFn: (input: PushSubscriptionInput) => api.post<{ id: string }>('/api/me/push-subscriptions', input),
  });
}

export function useUnregisterPushSubscription() {
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/push-subscriptions/${encodeURIComponent(id)}`),
  });
}
