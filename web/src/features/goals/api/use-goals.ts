import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Goal, GoalInput } from '@twofold/core/recovery/goals.schemas';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

const goalsKey = ['goals', 'me'] as const;

export function useGoals() {
  return useQuery({ queryKey: goalsKey, queryFn: () => api.get<{ ownerId: string; goals: Goal[] }>('/api/me/goals') });
}

export function useSaveGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: GoalInput }) =>
      id ? api.put<Goal>(`/api/me/goals/${encodeURIComponent(id)}`, input) : api.post<Goal>('/api/me/goals', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalsKey }),
  });
}

/** Ticks a goal, or one of its steps, done or not done. Only the owner can. */
export function useTickGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ goalId, stepId, done }: { goalId: string; stepId?: string; done: boolean }) =>
      api.put<Goal>(
        stepId
          ? `/api/me/goals/${encodeURIComponent(goalId)}/steps/${encodeURIComponent(stepId)}/done`
          : `/api/me/goals/${encodeURIComponent(goalId)}/done`,
        { done },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalsKey }),
  });
}

export function useDeleteGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/goals/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalsKey }),
  });
}

/** My partner's goals, or null when they do not share them with me (404 either way). */
export function usePartnerGoals(partnerId: string) {
  return useQuery({
    queryKey: ['goals', partnerId],
    queryFn: async (): Promise<{ ownerId: string; goals: Goal[] } | null> => {
      try {
        return await api.get<{ ownerId: string; goals: Goal[] }>(`/api/people/${encodeURIComponent(partnerId)}/goals`);
      } catch (error) {
        if (hasCode(error, 'not-found')) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
