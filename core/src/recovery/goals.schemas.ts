import { z } from 'zod';
import { localDateSchema } from './intake.schemas';

/** My own goals with steps; only I tick them off. */
export const goalStepInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dueDate: localDateSchema.nullable().default(null),
});
export const goalInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  why: z.string().trim().max(1000).default('').describe('Why this matters to me. Encrypted at rest.'),
  dueDate: localDateSchema.nullable().default(null),
  steps: z.array(goalStepInputSchema).max(20).default([]),
});
export type GoalInput = z.input<typeof goalInputSchema>;

export const goalStepSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: localDateSchema.nullable(),
  doneAt: z.iso.datetime().nullable(),
});
export const goalSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  why: z.string(),
  dueDate: localDateSchema.nullable(),
  completedAt: z.iso.datetime().nullable(),
  steps: z.array(goalStepSchema),
  createdAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean() }),
});
export type Goal = z.infer<typeof goalSchema>;
export const goalListSchema = z.object({ ownerId: z.uuid(), goals: z.array(goalSchema) });
export const goalDoneInputSchema = z.strictObject({ done: z.boolean() });
export const goalStepParamsSchema = z.strictObject({ id: z.uuid(), stepId: z.uuid() });
