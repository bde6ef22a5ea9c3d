import { z } from 'zod';
import { commitmentSchema, followThroughSchema } from './accountability.schemas';
import { boundarySchema } from './boundaries.schemas';
import { contractVersionSchema, trustDaySchema } from './contract.schemas';
import { activitySchema, coupleGoalSchema } from './future.schemas';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * A couple's joint work as their clinician sees it, when BOTH partners share the kind `together`
 * with the care team (server/src/access/together.ts). No abilities: the care team only reads. Told
 * appreciations and Caring Days stay between the partners; untold ones never leave their writer.
 */
export const careTeamParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid() });

/** How many days of the Trust Discussion calendar the care team sees. */
export const careTeamCalendarDays = 28;

const readOnlyVersion = contractVersionSchema.omit({ can: true });

export const careTeamJointWorkSchema = z.object({
  coupleId: z.uuid(),
  programId: z.uuid(),
  partners: z.array(z.object({ id: z.uuid(), displayName: z.string() })).describe('Both partners, the first-joined first.'),
  contract: z.object({
    status: z
      .enum(['none', 'waiting', 'in-force', 'change-waiting'])
      .describe(
        'none: nothing written; waiting: never signed by both; in-force; change-waiting: in force, a newer version waits for signatures.',
      ),
    active: readOnlyVersion.nullable().describe('The version in force (the latest signed by both).'),
    latest: readOnlyVersion.nullable(),
  }),
  trustDiscussion: z.object({
    discussionTime: z.string().nullable(),
    start: localDateSchema.nullable(),
    from: localDateSchema,
    to: localDateSchema,
    days: z.array(trustDaySchema).describe(`The last ${careTeamCalendarDays} days (only days since the contract was first signed).`),
    counts: z
      .object({ done: z.number().int(), partly: z.number().int(), missed: z.number().int(), pending: z.number().int() })
      .describe('Adherence over those days.'),
    streak: z.object({ current: z.number().int(), best: z.number().int() }),
  }),
  commitments: z.object({
    commitments: z.array(commitmentSchema.omit({ can: true })),
    followThrough: z.array(followThroughSchema),
  }),
  boundaries: z.array(boundarySchema.omit({ can: true })),
  goals: z.array(coupleGoalSchema.omit({ can: true })),
  activities: z.array(activitySchema.omit({ can: true })),
});
export type CareTeamJointWork = z.infer<typeof careTeamJointWorkSchema>;
