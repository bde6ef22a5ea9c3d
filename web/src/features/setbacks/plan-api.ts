import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MySectionInput,
  Plan,
  PlanSharedUpdate,
  PlanSuggestionList,
  PlanVersion,
  planHistorySchema,
} from '@twofold/core/setbacks/plan.schemas';
import type { z } from 'zod';
import { api } from '../../lib/api-client';

/** Query keys of the plan (the couple events hook invalidates ['setbacks', 'plan'] on plan.* events). */
export const planKeys = {
  plan: ['setbacks', 'plan'] as const,
  versions: ['setbacks', 'plan', 'versions'] as const,
  suggestions: ['setbacks', 'plan', 'suggestions'] as const,
};

export function usePlan(enabled = true) {
  return useQuery({ queryKey: planKeys.plan, queryFn: () => api.get<Plan>('/api/couple/plan'), enabled });
}

export function usePlanVersions(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.versions,
    queryFn: () => api.get<z.infer<typeof planHistorySchema>>('/api/couple/plan/versions'),
    enabled,
  });
}

/** Suggestions for my own section, from my own check-ins and trigger log (the server never uses my partner's). */
export function usePlanSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.suggestions,
    queryFn: () => api.get<PlanSuggestionList>('/api/couple/plan/suggestions'),
    enabled,
  });
}

function useSavePlan<T>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => api.put<Plan>(path, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan, plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.versions });
      void queryClient.invalidateQueries({ queryKey: planKeys.suggestions });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: planKeys.plan }),
  });
}

/** Saves MY section (never the partner's: the request has no owner). */
export function useSaveMySection() {
  return useSavePlan<MySectionInput>('/api/couple/plan/my-section');
}

export function useSavePlanShared() {
  return useSavePlan<PlanSharedUpdate>('/api/couple/plan/shared');
}

/** Signs the newest version, for me only. */
export function useSignPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api.post<PlanVersion>(`/api/couple/plan/versions/${encodeURIComponent(versionId)}/sign`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: planKeys.plan }),
  });
}
