import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { copingTools } from '../recovery/coping.schemas';
import { skillIds } from '../communication/skills';
import { instrumentIds } from '../assessments/instruments';

/**
 * Homework from the care team (issue 8): a clinician assigns one partner or both a skill practice
 * (a tool of the coping toolbox), a communication exercise (a skill's practice prompt or the
 * speaker–listener exercise), a check-up questionnaire, or a review of the couple's Continuing
 * Recovery Plan, with a due date and optional instructions. Each assignee completes it on their
 * own: by marking it done, or automatically when they do the linked thing after it was assigned.
 * The care team sees only "done" and when, never what was in it.
 */

export const homeworkKinds = ['skill-practice', 'communication-exercise', 'assessment', 'plan-review'] as const;
export type HomeworkKind = (typeof homeworkKinds)[number];

/** The live speaker–listener exercise, besides the skills' practice prompts. */
export const speakerListenerTarget = 'speaker-listener';
export const communicationTargets = [...skillIds, speakerListenerTarget] as const;
/** The relationship-safety screen is never homework: it is answered privately, on its own terms. */
export const homeworkInstruments = instrumentIds.filter((id) => id !== 'hark');

/** Which targets each kind accepts; a plan review has none (the couple's plan in force). */
export function isValidHomeworkTarget(kind: HomeworkKind, target: string | null): boolean {
  switch (kind) {
    case 'skill-practice':
      return target !== null && (copingTools as readonly string[]).includes(target);
    case 'communication-exercise':
      return target !== null && (communicationTargets as readonly string[]).includes(target);
    case 'assessment':
      return target !== null && (homeworkInstruments as readonly string[]).includes(target);
    case 'plan-review':
      return target === null;
  }
}

export const assignHomeworkInputSchema = z
  .strictObject({
    assignees: z
      .array(z.uuid())
      .min(1)
      .max(2)
      .refine((ids) => new Set(ids).size === ids.length, 'Each partner once.')
      .describe('The partner or partners it is for (each partner must have accepted the program).'),
    kind: z.enum(homeworkKinds),
    target: z
      .string()
      .max(40)
      .nullable()
      .default(null)
      .describe(
        'skill-practice: a coping tool id; communication-exercise: a skill id or "speaker-listener"; assessment: an instrument id; plan-review: null.',
      ),
    dueDate: localDateSchema.describe("Due on this day (each partner's own calendar day)."),
    instructions: z
      .string()
      .trim()
      .max(1000)
      .default('')
      .describe('Optional words for the partner. Encrypted at rest; shown only to the partners it is for.'),
  })
  .refine((input) => isValidHomeworkTarget(input.kind, input.target), {
    message: 'Choose what to practise for this kind.',
    path: ['target'],
  });
export type AssignHomeworkInput = z.infer<typeof assignHomeworkInputSchema>;

export const homeworkStatusSchema = z.enum(['open', 'done', 'withdrawn']);

const homeworkBase = {
  id: z.uuid(),
  programId: z.uuid(),
  coupleId: z.uuid(),
  kind: z.enum(homeworkKinds),
  target: z.string().nullable(),
  dueDate: localDateSchema,
  instructions: z.string(),
  assignedAt: z.iso.datetime(),
  withdrawn: z.boolean(),
};

/** One assignee's completion: marked done by them, or done by doing the linked thing after it was assigned. */
export const homeworkCompletionSchema = z.object({
  doneAt: z.iso.datetime().nullable(),
  how: z.enum(['marked', 'linked']).nullable().describe('marked: the partner said it is done; linked: they did the linked thing.'),
});

/** Homework as the care team sees it: every assignee's completion. */
export const careHomeworkSchema = z.object({
  ...homeworkBase,
  assignedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  assignees: z.array(z.object({ personId: z.uuid(), displayName: z.string(), ...homeworkCompletionSchema.shape })),
  can: z.object({ withdraw: z.boolean() }),
});
export type CareHomework = z.infer<typeof careHomeworkSchema>;
export const careHomeworkListSchema = z.object({ homework: z.array(careHomeworkSchema) });
export type CareHomeworkList = z.infer<typeof careHomeworkListSchema>;

/** Homework as the partner it is for sees it: their own completion only, never the other partner's. */
export const myHomeworkSchema = z.object({
  ...homeworkBase,
  ...homeworkCompletionSchema.shape,
  overdue: z.boolean().describe('Past its due date on my own calendar and not done.'),
});
export type MyHomework = z.infer<typeof myHomeworkSchema>;
export const myHomeworkListSchema = z.object({ homework: z.array(myHomeworkSchema) });
export type MyHomeworkList = z.infer<typeof myHomeworkListSchema>;

export const careHomeworkParamsSchema = z.strictObject({ programId: z.uuid(), homeworkId: z.uuid() });
export const myHomeworkParamsSchema = z.strictObject({ homeworkId: z.uuid() });
