import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Assessment,
  AssessmentInput,
  assessmentListSchema,
  attachmentViewSchema,
  instrumentListSchema,
  scheduleListSchema,
  submitResultSchema,
} from '@twofold/core/assessments/assessment.schemas';
import type { InstrumentId } from '@twofold/core/assessments/instruments';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

export type InstrumentList = z.infer<typeof instrumentListSchema>;
export type ServedInstrument = InstrumentList['instruments'][number];
export type ScheduleList = z.infer<typeof scheduleListSchema>;
export type Schedule = ScheduleList['schedules'][number];
export type SubmitResult = z.infer<typeof submitResultSchema>;
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** The person's own results live in memory only (react-query), never in browser storage. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  instruments: ['assessments', 'instruments'] as const,
  mine: (instrumentId?: InstrumentId) => ['assessments', 'mine', instrumentId ?? 'all'] as const,
  schedules: ['assessments', 'schedules'] as const,
  attachment: ['assessments', 'attachment'] as const,
};

/** The questionnaires this deployment offers; one it switched off is simply not in the list. */
export function useInstruments() {
  return useQuery({
    queryKey: assessmentKeys.instruments,
    queryFn: () => api.get<InstrumentList>('/api/assessments/instruments'),
    staleTime: Infinity,
  });
}

export function useMyAssessments(instrumentId?: InstrumentId) {
  return useQuery({
    queryKey: assessmentKeys.mine(instrumentId),
    queryFn: async () => {
      const query = instrumentId ? `?instrumentId=${encodeURIComponent(instrumentId)}` : '';
      return (await api.get<z.infer<typeof assessmentListSchema>>(`/api/me/assessments${query}`)).assessments;
    },
  });
}

export function useSchedules() {
  return useQuery({ queryKey: assessmentKeys.schedules, queryFn: () => api.get<ScheduleList>('/api/me/assessment-schedules') });
}

export function useSetSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instrumentId, everyDays }: { instrumentId: InstrumentId; everyDays: number | null }) =>
      everyDays === null
        ? api.delete(`/api/me/assessment-schedules/${encodeURIComponent(instrumentId)}`).then(() => null)
        : api.put<ScheduleList>(`/api/me/assessment-schedules/${encodeURIComponent(instrumentId)}`, { everyDays }),
    onSuccess: (list) => {
      if (list) {
        queryClient.setQueryData(assessmentKeys.schedules, list);
      } else {
        void queryClient.invalidateQueries({ queryKey: assessmentKeys.schedules });
      }
    },
  });
}

/** What a submission ended as: saved now, or found already saved by an earlier try of the same form. */
export type Submitted = SubmitResult & { alreadySaved: boolean };

/**
 * Sends one filled-in questionnaire. The caller keeps one submissionId per filled form and sends it
 * again on a retry, so a lost answer never saves twice. The server refuses a replay with 409
 * `conflict`: that means the first try was saved, so it counts as saved and the saved result is
 * looked up (the newest of this questionnaire).
 */
export async function submitAssessment(input: AssessmentInput): Promise<Submitted> {
  try {
    const result = await api.post<SubmitResult>('/api/me/assessments', input);
    return { ...result, alreadySaved: false };
  } catch (error) {
    if (!hasCode(error, 'conflict')) {
      throw error;
    }
    const list = await api.get<z.infer<typeof assessmentListSchema>>(
      `/api/me/assessments?instrumentId=${encodeURIComponent(input.instrumentId)}`,
    );
    const saved: Assessment | undefined = list.assessments[0];
    if (!saved) {
      throw error;
    }
    return { assessment: saved, safety: null, alreadySaved: true };
  }
}

export function useSubmitAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAssessment,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assessments', 'mine'] });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.schedules });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.attachment });
      // The private safety screen (HARK) changes what the safety and couple pages show.
      void queryClient.invalidateQueries({ queryKey: ['safety-screen'] });
      void queryClient.invalidateQueries({ queryKey: ['couple', 'joint-features'] });
    },
  });
}

export function useAttachmentView(enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.attachment,
    queryFn: () => api.get<AttachmentView>('/api/couple/attachment'),
    enabled,
  });
}
