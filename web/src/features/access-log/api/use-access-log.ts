import { useQuery } from '@tanstack/react-query';
import type { AccessEvent } from '@twofold/core/audit/audit.schemas';
import { api } from '../../../lib/api-client';

export function useAccessLog() {
  return useQuery({ queryKey: ['access-log'], queryFn: () => api.get<{ events: AccessEvent[] }>('/api/me/access-log'), staleTime: 0 });
}
