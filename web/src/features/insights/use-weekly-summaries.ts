import { useQuery } from '@tanstack/react-query';
import type { WeeklySummaries } from '@twofold/core/insights/weekly-summary.schemas';
import { api } from '../../lib/api-client';

/** My latest and previous weekly summaries: health data, kept in memory only (react-query). */
export function useMyWeeklySummaries() {
  return useQuery({
    queryKey: ['weekly-summaries', 'mine'] as const,
    // What my partner shares can change at any moment: look again whenever the page is shown.
    staleTime: 0,
    queryFn: () => api.get<WeeklySummaries>('/api/me/weekly-summaries'),
  });
}
