import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SkillLocale } from '@twofold/core/communication/skills';
import type { Practice, skillListSchema } from '@twofold/core/communication/skills.schemas';
import { api } from '../../../lib/api-client';

export type SkillList = z.infer<typeof skillListSchema>;

/** The skills library in my language, with my own practice counts (works for a partner alone too). */
export function useSkills(locale: SkillLocale) {
  return useQuery({
    queryKey: ['communication', 'skills', locale],
    queryFn: () => api.get<SkillList>(`/api/communication/skills?locale=${locale}`),
  });
}

export function useRecordPractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (skillId: Practice['skillId']) => api.post<Practice>('/api/communication/practices', { skillId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['communication', 'skills'] }),
  });
}
