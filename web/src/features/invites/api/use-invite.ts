import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptedInvite, InvitePreview } from '@twofold/core/couples/couple.schemas';
import { api } from '../../../lib/api-client';

/** Public: who invited, and to what. 404 unknown, 410 used or expired. */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: ['invite', token],
    queryFn: () => api.get<InvitePreview>(`/api/invites/${encodeURIComponent(token)}`, { expectUnauthenticated: true }),
    retry: false,
  });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AcceptedInvite>(`/api/invites/${encodeURIComponent(token)}/accept`),
    onSuccess: () => {
      // Everything about me changed (couple, programs), except the invite preview: it is used up now,
      // and refetching it would replace the success message with "no longer valid".
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'invite' });
    },
  });
}
