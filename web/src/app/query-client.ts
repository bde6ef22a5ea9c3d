import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../lib/problem';

/** Retry only what may succeed on a second try: no answer at all, or a 5xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && (!isApiProblem(error) || error.offline || error.status >= 500),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
