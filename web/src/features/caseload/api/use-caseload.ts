import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcknowledgeFlagInput,
  CaseloadFlag,
  CaseloadSort,
  CoupleOverview,
  FlaggedCaseload,
} from '@twofold/core/caseload/caseload.schemas';
import { api } from '../../../lib/api-client';

const path = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;

/** The clinician's caseload with flags, sorted on the server. */
export function useFlaggedCaseload(programId: string, sort: CaseloadSort) {
  return useQuery({
    queryKey: ['program', programId, 'caseload-flags', sort],
    queryFn: () => api.get<FlaggedCaseload>(`${path(programId)}/caseload/flags?sort=${sort}`),
  });
}

export function useAcknowledgeFlag(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcknowledgeFlagInput) => api.post<CaseloadFlag>(`${path(programId)}/caseload/acknowledgements`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['program', programId, 'caseload-flags'] });
      void queryClient.invalidateQueries({ queryKey: ['program', programId, 'overview'] });
    },
  });
}

/** Both partners side by side, or one (`personId`), each limited to what they share with the care team. */
export function useCoupleOverview(programId: string, coupleId: string, personId?: string) {
  const query = personId ? `?personId=${encodeURIComponent(personId)}` : '';
  return useQuery({
    queryKey: ['program', programId, 'overview', coupleId, personId ?? null],
    queryFn: () => api.get<CoupleOverview>(`${path(programId)}/couples/${encodeURIComponent(coupleId)}/overview${query}`),
  });
}
