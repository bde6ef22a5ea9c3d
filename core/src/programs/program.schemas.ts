import { z } from 'zod';
import { noControlCharacters, staffRoleSchema } from '../auth/auth.schemas';

export const createProgramInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .regex(noControlCharacters, { message: 'Use letters, numbers, spaces and punctuation only.' })
    .describe('Name of the program, e.g. "Riverside Couples Recovery".'),
});
export type CreateProgramInput = z.infer<typeof createProgramInputSchema>;

export const programStaffSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
});

export const programSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  myRole: staffRoleSchema,
  staff: z.array(programStaffSchema),
  counts: z
    .object({
      clinicians: z.number().int(),
      enrolledPartners: z.number().int(),
    })
    .describe('Program-level counts; no clinical content.'),
  can: z.object({
    inviteClinician: z.boolean(),
    inviteCouple: z.boolean(),
    viewCaseload: z.boolean(),
    administer: z.boolean().describe('Manage staff, assign couples to clinicians, see counts (admin).'),
  }),
});
export type Program = z.infer<typeof programSchema>;

export const caseloadSchema = z.object({
  couples: z.array(
    z.object({
      coupleId: z.uuid(),
      partners: z.array(
        z.object({
          id: z.uuid(),
          displayName: z.string(),
          enrollment: z.enum(['invited', 'accepted']),
        }),
      ),
    }),
  ),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const programParamsSchema = z.strictObject({ programId: z.uuid() });
