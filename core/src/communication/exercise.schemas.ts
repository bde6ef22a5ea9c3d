import { z } from 'zod';

/**
 * The live speaker–listener exercise on two phones. The speaker holds the floor; the listener
 * paraphrases; the speaker answers "yes, that's it" or "not quite"; once the speaker said yes,
 * the speaker passes the floor. Either partner may end it at any moment. Times come from the
 * server, so both phones count down the same turn.
 */
const versionSchema = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .optional()
  .describe('The version of the exercise the phone showed; a newer one answers 409, so a double tap acts once.');

export const exerciseStartInputSchema = z.strictObject({
  topic: z.string().trim().max(200).default('').describe('What the talk is about (optional). Encrypted at rest, shown to both.'),
  turnSeconds: z.number().int().min(30).max(900).default(120).describe('Length of each turn, in seconds (default 2 minutes).'),
  firstSpeaker: z.enum(['me', 'partner']).default('me').describe('Who holds the floor first.'),
});
export const exerciseActionInputSchema = z.strictObject({ version: versionSchema });
export const paraphraseInputSchema = z.strictObject({
  text: z.string().trim().max(1000).default('').describe('What I heard, in my own words (optional). Encrypted at rest, shown to both.'),
  version: versionSchema,
});
export const confirmInputSchema = z.strictObject({
  verdict: z.enum(['yes', 'not-quite']).describe('"yes": that is what I meant; "not-quite": the listener tries again.'),
  version: versionSchema,
});

const who = z.enum(['me', 'partner']);
export const turnStepSchema = z
  .enum(['speaking', 'awaiting-confirmation', 'confirmed'])
  .describe(
    'speaking: the listener has not paraphrased yet (or heard "not quite"); awaiting-confirmation: the speaker answers; confirmed: the floor may pass.',
  );

export const exerciseSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  topic: z.string().nullable(),
  turnSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
  turn: z.object({
    number: z.number().int().describe('1 for the first turn.'),
    speaker: who,
    startedAt: z.iso.datetime(),
    endsAt: z.iso.datetime().describe('When this turn’s time is up (the floor still passes only after a paraphrase).'),
    step: turnStepSchema,
    paraphrase: z.string().nullable().describe('The listener’s latest paraphrase this turn, when written.'),
    paraphraseAttempts: z.number().int(),
  }),
  myRole: z.enum(['speaker', 'listener']),
  can: z.object({ paraphrase: z.boolean(), confirm: z.boolean(), pass: z.boolean(), end: z.boolean() }),
});
export type Exercise = z.infer<typeof exerciseSchema>;
export const exerciseStateSchema = z.object({
  exercise: exerciseSchema.nullable(),
  serverNow: z.iso.datetime().describe('The server’s clock, so a phone can correct its own.'),
});

export const exerciseSummarySchema = z.object({
  id: z.uuid(),
  topic: z.string().nullable(),
  turnSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  turns: z.array(
    z.object({
      number: z.number().int(),
      speaker: who,
      startedAt: z.iso.datetime(),
      endedAt: z.iso.datetime().nullable(),
      seconds: z.number().int(),
      paraphraseAttempts: z.number().int(),
      confirmed: z.boolean(),
    }),
  ),
  totals: z.object({
    turns: z.number().int(),
    confirmedParaphrases: z.number().int(),
    secondsSpeaking: z.object({ me: z.number().int(), partner: z.number().int() }),
  }),
});
export type ExerciseSummary = z.infer<typeof exerciseSummarySchema>;
export const exerciseSummaryListSchema = z.object({ exercises: z.array(exerciseSummarySchema) });
