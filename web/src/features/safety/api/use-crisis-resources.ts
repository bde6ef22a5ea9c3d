import { useQuery } from '@tanstack/react-query';
import type { CrisisResources } from '@twofold/core/crisis/crisis.schemas';
import { crisisResourcesByRegion, defaultCrisisRegion } from '@twofold/core/crisis/crisis-resources';
import { api } from '../../../lib/api-client';

/** Built into the app, so the lines show at once and even when the server cannot be reached. */
export const fallbackCrisisResources: CrisisResources = {
  region: defaultCrisisRegion,
  resources: crisisResourcesByRegion[defaultCrisisRegion] ?? [],
};

/** The deployment's crisis lines (per region), with the built-in list until they arrive. */
export function useCrisisResources(enabled: boolean) {
  const query = useQuery({
    queryKey: ['crisis-resources'],
    queryFn: () => api.get<CrisisResources>('/api/crisis-resources'),
    enabled,
    staleTime: Infinity,
    retry: 1,
  });
  return query.data && query.data.resources.length > 0 ? query.data : fallbackCrisisResources;
}
