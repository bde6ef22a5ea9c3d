import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { exerciseStateSchema, ExerciseSummary, exerciseSummaryListSchema } from '@twofold/core/communication/exercise.schemas';
import type { ConnectionToday } from '@twofold/core/communication/connection.schemas';
import { api } from '../../../lib/api-client';
import { withOffset } from './use-pause';

/** Query keys of this feature (the couple events hook invalidates them by these prefixes). */
export const communicationKeys = {
  all: ['communication'] as const,
  pause: ['communication', 'pause'] as const,
  exercise: ['communication', 'exercise'] as const,
  exercises: ['communication', 'exercises'] as const,
  connection: ['communication', 'connection'] as const,
};

export type ExerciseState = z.infer<typeof exerciseStateSchema>;

// The speaker–listener exercise -----------------------------------------------------------

export function useExercise() {
  return useQuery({
    queryKey: communicationKeys.exercise,
    queryFn: async () => withOffset(await api.get<ExerciseState>('/api/couple/exercise')),
  });
}

export function useExerciseSummaries() {
  return useQuery({
    queryKey: communicationKeys.exercises,
    queryFn: () => api.get<z.infer<typeof exerciseSummaryListSchema>>('/api/couple/exercises'),
  });
}

type ExerciseAction =
  | { kind: 'start'; topic: string; turnSeconds: number; firstSpeaker: 'me' | 'partner' }
  | { kind: 'paraphrase'; text: string; version: number }
  | { kind: 'confirm'; verdict: 'yes' | 'not-quite'; version: number }
  | { kind: 'pass'; version: number };

function exerciseRequest(action: ExerciseAction): Promise<ExerciseState> {
  switch (action.kind) {
    case 'start':
      return api.post<ExerciseState>('/api/couple/exercise', {
        topic: action.topic,
        turnSeconds: action.turnSeconds,
        firstSpeaker: action.firstSpeaker,
      });
    case 'paraphrase':
      return api.post<ExerciseState>('/api/couple/exercise/paraphrase', { text: action.text, version: action.version });
    case 'confirm':
      return api.post<ExerciseState>('/api/couple/exercise/confirm', { verdict: action.verdict, version: action.version });
    case 'pass':
      return api.post<ExerciseState>('/api/couple/exercise/pass', { version: action.version });
  }
}

/** One step of the exercise; a 409 (the other phone acted first) just shows the newest state. */
export function useExerciseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: exerciseRequest,
    onSuccess: (state) => queryClient.setQueryData(communicationKeys.exercise, withOffset(state)),
    onError: () => void queryClient.invalidateQueries({ queryKey: communicationKeys.exercise }),
  });
}

export function useEndExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<ExerciseSummary>('/api/couple/exercise/end', { version }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: communicationKeys.exercise });
      void queryClient.invalidateQueries({ queryKey: communicationKeys.exercises });
    },
  });
}

// The daily connection question -----------------------------------------------------------

export function useConnectionQuestion() {
  return useQuery({
    queryKey: communicationKeys.connection,
    queryFn: () => api.get<ConnectionToday>('/api/couple/connection-question'),
  });
}

export function useAnswerConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => api.post<ConnectionToday>('/api/couple/connection-question/answer', { answer }),
    onSuccess: (today) => queryClient.setQueryData(communicationKeys.connection, today),
  });
}
