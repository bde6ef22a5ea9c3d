import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JournalEntry, JournalEntryInput } from '@twofold/core/recovery/journal.schemas';
import { api } from '../../../lib/api-client';

const journalKey = ['journal'] as const;

/** My journal, searched on the server (entries are encrypted at rest, so the server decrypts and matches). */
export function useJournal(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...journalKey, q],
    queryFn: () => api.get<{ entries: JournalEntry[] }>(q ? `/api/me/journal?q=${encodeURIComponent(q)}` : '/api/me/journal'),
    placeholderData: keepPreviousData,
  });
}

export function useWriteJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: JournalEntryInput }) =>
      id ? api.put<JournalEntry>(`/api/me/journal/${encodeURIComponent(id)}`, input) : api.post<JournalEntry>('/api/me/journal', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journalKey }),
  });
}

export function useShareJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sharedWithCareTeam }: { id: string; sharedWithCareTeam: boolean }) =>
      api.put<JournalEntry>(`/api/me/journal/${encodeURIComponent(id)}/sharing`, { sharedWithCareTeam }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journalKey }),
  });
}

export function useDeleteJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/journal/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journalKey }),
  });
}
