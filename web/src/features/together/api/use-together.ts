import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Contract, ContractInput, ContractVersion, TrustCalendar, TrustPartInput } from '@twofold/core/together/contract.schemas';
import type { contractHistorySchema, myTrustPartSchema } from '@twofold/core/together/contract.schemas';
import type {
  Appreciation,
  AppreciationChange,
  AppreciationInput,
  Commitment,
  CommitmentInput,
  commitmentListSchema,
} from '@twofold/core/together/accountability.schemas';
import type { Boundary, BoundaryInput } from '@twofold/core/together/boundaries.schemas';
import type {
  Activity,
  ActivityInput,
  celebrationListSchema,
  CoupleGoal,
  CoupleGoalChange,
  CoupleGoalInput,
} from '@twofold/core/together/future.schemas';
import type { EnablingGuide } from '@twofold/core/together/enabling-guide';
import type { CareTeamJointWork } from '@twofold/core/together/care-team.schemas';
import { api } from '../../../lib/api-client';

/** Query keys of this feature (the couple events hook invalidates them by these prefixes). */
export const togetherKeys = {
  all: ['together'] as const,
  contract: ['together', 'contract'] as const,
  contractVersions: ['together', 'contract', 'versions'] as const,
  trust: (from: string, to: string) => ['together', 'trust', from, to] as const,
  commitments: ['together', 'commitments'] as const,
  appreciations: (from: string, to: string) => ['together', 'appreciations', from, to] as const,
};

// The Recovery Contract ---------------------------------------------------------------------

export function useContract() {
  return useQuery({ queryKey: togetherKeys.contract, queryFn: () => api.get<Contract>('/api/couple/contract') });
}

export function useContractVersions(enabled: boolean) {
  return useQuery({
    queryKey: togetherKeys.contractVersions,
    queryFn: () => api.get<z.infer<typeof contractHistorySchema>>('/api/couple/contract/versions'),
    enabled,
  });
}

export function useSaveContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContractInput) => api.put<Contract>('/api/couple/contract', input),
    onSuccess: (contract) => {
      queryClient.setQueryData(togetherKeys.contract, contract);
      void queryClient.invalidateQueries({ queryKey: togetherKeys.contractVersions });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: togetherKeys.contract }),
  });
}

export function useSignContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api.post<ContractVersion>(`/api/couple/contract/versions/${encodeURIComponent(versionId)}/sign`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: togetherKeys.contract });
      void queryClient.invalidateQueries({ queryKey: ['together', 'trust'] });
    },
  });
}

// The daily Trust Discussion ----------------------------------------------------------------

export function useTrustCalendar(from: string, to: string) {
  return useQuery({
    queryKey: togetherKeys.trust(from, to),
    queryFn: () => api.get<TrustCalendar>(`/api/couple/trust-discussions?from=${from}&to=${to}`),
  });
}

/** Records my own part of a day; nobody records the other partner's part. */
export function useRecordTrustPart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, part }: { date: string; part: TrustPartInput }) =>
      api.put<z.infer<typeof myTrustPartSchema>>(`/api/couple/trust-discussions/${encodeURIComponent(date)}/mine`, part),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['together', 'trust'] }),
  });
}

// Commitments -------------------------------------------------------------------------------

export function useCommitments() {
  return useQuery({
    queryKey: togetherKeys.commitments,
    queryFn: () => api.get<z.infer<typeof commitmentListSchema>>('/api/couple/commitments'),
  });
}

function useRefresh(queryKey: readonly string[]) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey });
}

export function useMakeCommitment() {
  const refresh = useRefresh(togetherKeys.commitments);
  return useMutation({
    mutationFn: (input: CommitmentInput) => api.post<Commitment>('/api/couple/commitments', input),
    onSuccess: refresh,
  });
}

/** Only the partner who made a commitment says how it went. */
export function useReportCommitment() {
  const refresh = useRefresh(togetherKeys.commitments);
  return useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: 'kept' | 'missed' | null }) =>
      api.put<Commitment>(`/api/couple/commitments/${encodeURIComponent(id)}/outcome`, { outcome }),
    onSettled: refresh,
  });
}

/** Only the partner who made a commitment changes its words or date. */
export function useChangeCommitment() {
  const refresh = useRefresh(togetherKeys.commitments);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CommitmentInput }) =>
      api.put<Commitment>(`/api/couple/commitments/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
}

export function useDeleteCommitment() {
  const refresh = useRefresh(togetherKeys.commitments);
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/couple/commitments/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
}

export function useAcknowledgeCommitment() {
  const refresh = useRefresh(togetherKeys.commitments);
  return useMutation({
    mutationFn: (id: string) => api.post<Commitment>(`/api/couple/commitments/${encodeURIComponent(id)}/acknowledge`),
    onSettled: refresh,
  });
}

// Appreciations and Caring Days -------------------------------------------------------------

export function useAppreciations(from: string, to: string) {
  return useQuery({
    queryKey: togetherKeys.appreciations(from, to),
    queryFn: () => api.get<{ appreciations: Appreciation[] }>(`/api/couple/appreciations?from=${from}&to=${to}`),
  });
}

export function useRecordAppreciation() {
  const refresh = useRefresh(['together', 'appreciations']);
  return useMutation({
    mutationFn: (input: AppreciationInput) => api.post<Appreciation>('/api/couple/appreciations', input),
    onSuccess: refresh,
  });
}

export function useChangeAppreciation() {
  const refresh = useRefresh(['together', 'appreciations']);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AppreciationChange }) =>
      api.put<Appreciation>(`/api/couple/appreciations/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
}

export function useDeleteAppreciation() {
  const refresh = useRefresh(['together', 'appreciations']);
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/couple/appreciations/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
}

export function useTellAppreciation() {
  const refresh = useRefresh(['together', 'appreciations']);
  return useMutation({
    mutationFn: (id: string) => api.post<Appreciation>(`/api/couple/appreciations/${encodeURIComponent(id)}/tell`),
    onSettled: refresh,
  });
}

// Boundaries --------------------------------------------------------------------------------

export function useBoundaries() {
  return useQuery({
    queryKey: ['together', 'boundaries'],
    queryFn: () => api.get<{ boundaries: Boundary[] }>('/api/couple/boundaries'),
  });
}

/** States a boundary of mine, or changes one (which asks my partner to answer again). */
export function useSaveBoundary() {
  const refresh = useRefresh(['together', 'boundaries']);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: BoundaryInput }) =>
      id
        ? api.put<Boundary>(`/api/couple/boundaries/${encodeURIComponent(id)}`, input)
        : api.post<Boundary>('/api/couple/boundaries', input),
    onSuccess: refresh,
  });
}

export function useRespondToBoundary() {
  const refresh = useRefresh(['together', 'boundaries']);
  return useMutation({
    mutationFn: ({ id, response }: { id: string; response: 'acknowledged' | 'talk' }) =>
      api.put<Boundary>(`/api/couple/boundaries/${encodeURIComponent(id)}/response`, { response }),
    onSettled: refresh,
  });
}

// Shared goals, activities, celebrations ----------------------------------------------------

export function useCoupleGoals() {
  return useQuery({ queryKey: ['together', 'goals'], queryFn: () => api.get<{ goals: CoupleGoal[] }>('/api/couple/goals') });
}

export function useCreateCoupleGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CoupleGoalInput) => api.post<CoupleGoal>('/api/couple/goals', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['together', 'goals'] }),
  });
}

function useRefreshGoals() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['together', 'goals'] });
    void queryClient.invalidateQueries({ queryKey: ['together', 'celebrations'] });
  };
}

/** Only the partner who wrote a goal changes its title and date, or deletes it. */
export function useChangeCoupleGoal() {
  const refresh = useRefreshGoals();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CoupleGoalChange }) =>
      api.put<CoupleGoal>(`/api/couple/goals/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
}

export function useDeleteCoupleGoal() {
  const refresh = useRefreshGoals();
  return useMutation({ mutationFn: (id: string) => api.delete<null>(`/api/couple/goals/${encodeURIComponent(id)}`), onSettled: refresh });
}

/** Either partner adds a milestone to one of our goals. */
export function useAddMilestone() {
  const refresh = useRefreshGoals();
  return useMutation({
    mutationFn: ({ goalId, title }: { goalId: string; title: string }) =>
      api.post<CoupleGoal>(`/api/couple/goals/${encodeURIComponent(goalId)}/milestones`, { title }),
    onSettled: refresh,
  });
}

/**
 * Either partner ticks a milestone. The box follows the tap at once (shown as mine until the
 * server answers with who ticked it first); a refused tap puts it back.
 */
export function useTickMilestone(myId: string) {
  const queryClient = useQueryClient();
  const key = ['together', 'goals'];
  return useMutation({
    mutationFn: ({ goalId, milestoneId, done }: { goalId: string; milestoneId: string; done: boolean }) =>
      api.put<CoupleGoal>(`/api/couple/goals/${encodeURIComponent(goalId)}/milestones/${encodeURIComponent(milestoneId)}/done`, { done }),
    onMutate: async ({ goalId, milestoneId, done }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<{ goals: CoupleGoal[] }>(key);
      if (before) {
        queryClient.setQueryData<{ goals: CoupleGoal[] }>(key, {
          goals: before.goals.map((goal) =>
            goal.id !== goalId
              ? goal
              : {
                  ...goal,
                  milestones: goal.milestones.map((m) =>
                    m.id !== milestoneId || (m.doneAt !== null) === done
                      ? m
                      : { ...m, doneAt: done ? new Date().toISOString() : null, doneBy: done ? myId : null },
                  ),
                },
          ),
        });
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) {
        queryClient.setQueryData(key, context.before);
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['together', 'celebrations'] });
    },
  });
}

export function useActivities() {
  return useQuery({ queryKey: ['together', 'activities'], queryFn: () => api.get<{ activities: Activity[] }>('/api/couple/activities') });
}

export function usePlanActivity() {
  const refresh = useRefresh(['together', 'activities']);
  return useMutation({ mutationFn: (input: ActivityInput) => api.post<Activity>('/api/couple/activities', input), onSuccess: refresh });
}

/** Only the partner who planned an activity changes or deletes it. */
export function useChangeActivity() {
  const refresh = useRefresh(['together', 'activities']);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ActivityInput }) =>
      api.put<Activity>(`/api/couple/activities/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
}

export function useDeleteActivity() {
  const refresh = useRefresh(['together', 'activities']);
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/couple/activities/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
}

export function useMarkActivityDone() {
  const refresh = useRefresh(['together', 'activities']);
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      api.put<Activity>(`/api/couple/activities/${encodeURIComponent(id)}/done`, { done }),
    onSettled: refresh,
  });
}

/** Each partner rates only for themselves. */
export function useRateActivity() {
  const refresh = useRefresh(['together', 'activities']);
  return useMutation({
    mutationFn: ({ id, rating }: { id: string; rating: number }) =>
      api.put<Activity>(`/api/couple/activities/${encodeURIComponent(id)}/ratings/mine`, { rating }),
    onSettled: refresh,
  });
}

export function useCelebrations() {
  return useQuery({
    queryKey: ['together', 'celebrations'],
    queryFn: () => api.get<z.infer<typeof celebrationListSchema>>('/api/couple/celebrations'),
  });
}

// The supporting-vs-enabling guide (boundary events make it stale: it draws on our boundaries) --

export function useEnablingGuide() {
  return useQuery({
    queryKey: ['together', 'boundaries', 'guide'],
    queryFn: () => api.get<EnablingGuide>('/api/couple/enabling-guide'),
  });
}

// The care team's view of a couple's joint work ----------------------------------------------

export function useCareTeamJointWork(programId: string, coupleId: string) {
  return useQuery({
    queryKey: ['care-team', 'together', programId, coupleId],
    queryFn: () =>
      api.get<CareTeamJointWork>(`/api/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}/together`),
    retry: false,
  });
}
