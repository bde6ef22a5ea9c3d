import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { jointFeaturesSchema, safetyScreenStatusSchema } from '@twofold/core/assessments/assessment.schemas';
import { api } from '../../../lib/api-client';

/** Whether the couple's joint features are open. The answer never says why not. */
export function useJointFeatures(enabled: boolean) {
  return useQuery({
    queryKey: ['couple', 'joint-features'],
    queryFn: () => api.get<z.infer<typeof jointFeaturesSchema>>('/api/couple/joint-features'),
    enabled,
  });
}

/** My own safety-screen status (never my partner's): to offer my own screen when I have not answered it. */
export function useMyScreenStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['safety-screen'],
    queryFn: () => api.get<z.infer<typeof safetyScreenStatusSchema>>('/api/me/safety-screen'),
    enabled,
  });
}
