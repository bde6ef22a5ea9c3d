import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceInput,
  CalendarFeed,
  CareSession,
  CareSessionList,
  CreatedCalendarFeed,
  RescheduleSessionInput,
  ScheduleSessionInput,
} from '@twofold/core/care/session.schemas';
import type { AssignHomeworkInput, CareHomework, CareHomeworkList, MyHomework, MyHomeworkList } from '@twofold/core/care/homework.schemas';
import { api } from '../../../lib/api-client';

/** Sessions, homework and calendar feeds with the care team (issue 8): a partner's own, and a couple's for its clinician. */

const couplePath = (programId: string, coupleId: string) =>
  `/api/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}`;
const programPath = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;

export function useMySessions() {
  return useQuery({
    queryKey: ['care', 'my-sessions'],
    queryFn: async () => (await api.get<CareSessionList>('/api/me/care-sessions')).sessions,
  });
}

export function useMyHomework() {
  return useQuery({ queryKey: ['care', 'my-homework'], queryFn: async () => (await api.get<MyHomeworkList>('/api/me/homework')).homework });
}

export function useMarkHomework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => {
      const path = `/api/me/homework/${encodeURIComponent(id)}/done`;
      return done ? api.put<MyHomework>(path, undefined) : api.delete<MyHomework>(path);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', 'my-homework'] }),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: ['care', 'calendar-feed'], queryFn: () => api.get<CalendarFeed>('/api/me/calendar-feed') });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CreatedCalendarFeed>('/api/me/calendar-feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', 'calendar-feed'] }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/me/calendar-feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', 'calendar-feed'] }),
  });
}

export function useCoupleSessions(programId: string, coupleId: string) {
  return useQuery({
    queryKey: ['care', programId, coupleId, 'sessions'],
    queryFn: async () => (await api.get<CareSessionList>(`${couplePath(programId, coupleId)}/sessions`)).sessions,
  });
}

function useSessionChange<Input>(programId: string, coupleId: string, send: (input: Input) => Promise<CareSession>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', programId, coupleId, 'sessions'] }),
  });
}

export function useScheduleSession(programId: string, coupleId: string) {
  return useSessionChange(programId, coupleId, (input: ScheduleSessionInput) =>
    api.post<CareSession>(`${couplePath(programId, coupleId)}/sessions`, input),
  );
}

export function useRescheduleSession(programId: string, coupleId: string) {
  return useSessionChange(programId, coupleId, ({ id, input }: { id: string; input: RescheduleSessionInput }) =>
    api.put<CareSession>(`${programPath(programId)}/sessions/${encodeURIComponent(id)}`, input),
  );
}

export function useCancelSession(programId: string, coupleId: string) {
  return useSessionChange(programId, coupleId, (id: string) =>
    api.post<CareSession>(`${programPath(programId)}/sessions/${encodeURIComponent(id)}/cancel`),
  );
}

export function useRecordAttendance(programId: string, coupleId: string) {
  return useSessionChange(programId, coupleId, ({ id, input }: { id: string; input: AttendanceInput }) =>
    api.put<CareSession>(`${programPath(programId)}/sessions/${encodeURIComponent(id)}/attendance`, input),
  );
}

export function useCoupleHomework(programId: string, coupleId: string) {
  return useQuery({
    queryKey: ['care', programId, coupleId, 'homework'],
    queryFn: async () => (await api.get<CareHomeworkList>(`${couplePath(programId, coupleId)}/homework`)).homework,
  });
}

export function useAssignHomework(programId: string, coupleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignHomeworkInput) => api.post<CareHomework>(`${couplePath(programId, coupleId)}/homework`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', programId, coupleId, 'homework'] }),
  });
}

export function useWithdrawHomework(programId: string, coupleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CareHomework>(`${programPath(programId)}/homework/${encodeURIComponent(id)}/withdraw`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['care', programId, coupleId, 'homework'] }),
  });
}
