import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/** The daily connection question: each partner answers; each sees the other's answer only after answering. */
export const connectionAnswerInputSchema = z.strictObject({
  answer: z.string().trim().min(1).max(1000).describe('My answer to today’s question. Encrypted at rest.'),
});
const answerSchema = z.object({ text: z.string(), answeredAt: z.iso.datetime() });
export const connectionTodaySchema = z.object({
  date: localDateSchema.describe('Today in my time zone.'),
  questionId: z.string(),
  question: z.object({ en: z.string(), es: z.string() }),
  myAnswer: answerSchema.nullable(),
  partner: z.object({
    hasAnswered: z.boolean(),
    answer: answerSchema.nullable().describe('Shown only once I have answered myself.'),
  }),
});
export type ConnectionToday = z.infer<typeof connectionTodaySchema>;
