import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { careAlertListSchema, instrumentListSchema } from '@twofold/core/assessments/assessment.schemas';
import type { CreatedInvite } from '@twofold/core/couples/couple.schemas';
import type { Caseload, CreateProgramInput, Program } from '@twofold/core/programs/program.schemas';
import { api } from '../../../lib/api-client';

const path = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;

export function useProgram(programId: string) {
  return useQuery({ queryKey: ['program', programId], queryFn: () => api.get<Program>(path(programId)) });
}

export function useCaseload(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['program', programId, 'caseload'],
    queryFn: () => api.get<Caseload>(`${path(programId)}/caseload`),
    enabled,
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProgramInput) => api.post<Program>('/api/programs', input),
    onSuccess: (program) => {
      queryClient.setQueryData(['program', program.id], program);
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export function useCreateProgramInvite(programId: string, kind: 'clinician' | 'couple') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CreatedInvite>(`${path(programId)}/${kind === 'clinician' ? 'clinician-invites' : 'couple-invites'}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['program', programId] }),
  });
}

export type CareAlert = z.infer<typeof careAlertListSchema>['alerts'][number];

/** Safety alerts about people enrolled in the program (clinicians only). */
export function useCareAlerts(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['program', programId, 'alerts'],
    queryFn: async () => (await api.get<z.infer<typeof careAlertListSchema>>(`${path(programId)}/alerts`)).alerts,
    enabled,
  });
}

export function useAcknowledgeAlert(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) => api.post(`${path(programId)}/alerts/${encodeURIComponent(alertId)}/acknowledge`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['program', programId, 'alerts'] }),
  });
}

/** A clinician opens a person's joint features again after a positive safety screen. */
export function useReopenJointFeatures(programId: string) {
  return useMutation({
    mutationFn: (personId: string) => api.post(`${path(programId)}/people/${encodeURIComponent(personId)}/safety-screen/reopen`),
  });
}

/** The questionnaires this Twofold offers (a clinician schedules one of them). */
export function useOfferedInstruments(enabled: boolean) {
  return useQuery({
    queryKey: ['assessments', 'instruments'],
    queryFn: () => api.get<z.infer<typeof instrumentListSchema>>('/api/assessments/instruments'),
    enabled,
  });
}

/** A clinician sets how often a questionnaire is due for a person enrolled in the program. */
export function useSetScheduleForPerson(programId: string) {
  return useMutation({
    mutationFn: (input: { personId: string; instrumentId: string; everyDays: number }) =>
      api.put(
        `${path(programId)}/people/${encodeURIComponent(input.personId)}/assessment-schedules/${encodeURIComponent(input.instrumentId)}`,
        { everyDays: input.everyDays },
      ),
  });
}
