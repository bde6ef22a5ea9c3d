import { useQuery } from '@tanstack/react-query';
import type { Me } from '@twofold/core/auth/auth.schemas';
import { api } from '../../../lib/api-client';
import { hasCode } from '../../../lib/problem';

export const meQueryKey = ['me'] as const;

/** Who is logged in: the Me answer, or null when nobody is (a 401 here is an expected answer). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/me', { expectUnauthenticated: true });
      } catch (error) {
        if (hasCode(error, 'unauthenticated')) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
