import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audience } from '@twofold/core/sharing/data-kinds';
import type { SharingSetting, SharingSettings } from '@twofold/core/sharing/sharing.schemas';
import { api } from '../../../lib/api-client';

export const sharingQueryKey = ['sharing'] as const;

export function useSharingSettings() {
  return useQuery({ queryKey: sharingQueryKey, queryFn: () => api.get<SharingSettings>('/api/me/sharing') });
}

/** One kind's audience; takes effect on the server immediately. */
export function useUpdateSharing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, audience }: { kind: string; audience: Audience }) =>
      api.put<SharingSetting>(`/api/me/sharing/${encodeURIComponent(kind)}`, { audience }),
    onSuccess: (setting) => {
      queryClient.setQueryData<SharingSettings>(sharingQueryKey, (current) =>
        current ? { settings: current.settings.map((item) => (item.kind === setting.kind ? setting : item)) } : current,
      );
    },
  });
}
