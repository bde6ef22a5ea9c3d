import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgramAdmin } from '@twofold/core/programs/program-admin.schemas';
import { api } from '../../../lib/api-client';

const path = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const key = (programId: string) => ['program', programId, 'admin'] as const;

/** The admin's view of a program: staff, couples with their clinicians, counts (no clinical content). */
export function useProgramAdmin(programId: string) {
  return useQuery({ queryKey: key(programId), queryFn: () => api.get<ProgramAdmin>(`${path(programId)}/admin`) });
}

function useAdminChange<V>(programId: string, call: (variables: V) => Promise<ProgramAdmin>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      queryClient.setQueryData(key(programId), view);
      void queryClient.invalidateQueries({ queryKey: ['program', programId], exact: true });
    },
  });
}

/** Deactivate or reactivate a clinician; `active: true` for an admin makes them a clinician too. */
export function useUpdateClinician(programId: string) {
  return useAdminChange(programId, ({ userId, active }: { userId: string; active: boolean }) =>
    api.patch<ProgramAdmin>(`${path(programId)}/clinicians/${encodeURIComponent(userId)}`, { active }),
  );
}

/** Sets the clinicians who care for one couple. */
export function useAssignClinicians(programId: string) {
  return useAdminChange(programId, ({ coupleId, clinicianIds }: { coupleId: string; clinicianIds: string[] }) =>
    api.put<ProgramAdmin>(`${path(programId)}/couples/${encodeURIComponent(coupleId)}/clinicians`, { clinicianIds }),
  );
}
