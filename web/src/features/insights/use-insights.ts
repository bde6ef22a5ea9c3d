import { useQuery } from '@tanstack/react-query';
import type { InsightsView } from '@twofold/core/insights/insights.schemas';
import { api } from '../../lib/api-client';
import { hasCode } from '../../lib/problem';

/** Insights are health data: kept in memory (react-query), never in browser storage. */
export const insightsKeys = {
  mine: ['insights', 'mine'] as const,
  partner: (partnerId: string) => ['insights', 'people', partnerId] as const,
};

export function useMyInsights() {
  return useQuery({ queryKey: insightsKeys.mine, queryFn: () => api.get<InsightsView>('/api/me/insights'), staleTime: 0 });
}

/** My partner's insights, or null while they do not share them with me. */
export function usePartnerInsights(partnerId: string | null) {
  return useQuery({
    queryKey: insightsKeys.partner(partnerId ?? ''),
    enabled: partnerId !== null,
    // Sharing can be revoked at any moment; look again whenever the page is shown.
    staleTime: 0,
    queryFn: async (): Promise<InsightsView | null> => {
      try {
        return await api.get<InsightsView>(`/api/people/${encodeURIComponent(partnerId ?? '')}/insights`);
      } catch (error) {
        if (hasCode(error, 'not-found')) {
          return null;
        }
        throw error;
      }
    },
  });
}
