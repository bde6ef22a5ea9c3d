import { z } from 'zod';
import { staffRoleSchema } from '../auth/auth.schemas';

/**
 * What a program admin manages (issue 8): staff (invite, deactivate, reactivate), which
 * clinicians care for which couple, and counts. Names and enrollment state only, never clinical
 * content: an admin sees a partner's data only as a clinician assigned to that couple.
 */
export const programAdminStaffSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  roles: z.array(staffRoleSchema).describe('A person may be both admin and clinician of a program.'),
  clinicianActive: z.boolean().nullable().describe('For a clinician: active (sees their caseload) or deactivated; null for an admin only.'),
  assignedCouples: z.number().int().describe('Couples assigned to this clinician.'),
  isMe: z.boolean(),
});

export const programAdminCoupleSchema = z.object({
  coupleId: z.uuid(),
  partners: z.array(z.object({ id: z.uuid(), displayName: z.string(), enrollment: z.enum(['invited', 'accepted']) })),
  clinicianIds: z.array(z.uuid()).describe('The clinicians assigned to the couple.'),
});

export const programAdminSchema = z.object({
  programId: z.uuid(),
  name: z.string(),
  staff: z.array(programAdminStaffSchema),
  couples: z.array(programAdminCoupleSchema),
  counts: z
    .object({
      activeClinicians: z.number().int(),
      deactivatedClinicians: z.number().int(),
      couples: z.number().int(),
      unassignedCouples: z.number().int(),
      acceptedPartners: z.number().int(),
      invitedPartners: z.number().int(),
      partnersWithConsent: z.number().int().describe('People with at least one current consent to the program; no kinds, no content.'),
    })
    .describe('Program-level counts; no clinical content.'),
});
export type ProgramAdmin = z.infer<typeof programAdminSchema>;

export const staffParamsSchema = z.strictObject({ programId: z.uuid(), userId: z.uuid() });
export const updateClinicianInputSchema = z.strictObject({
  active: z.boolean().describe('false deactivates the clinician: they lose access to every couple at once; true reactivates.'),
});
export type UpdateClinicianInput = z.infer<typeof updateClinicianInputSchema>;

export const coupleParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid() });
export const assignCliniciansInputSchema = z.strictObject({
  clinicianIds: z
    .array(z.uuid())
    .max(10)
    .describe('The clinicians who care for this couple from now on (replaces the list; empty unassigns).'),
});
export type AssignCliniciansInput = z.infer<typeof assignCliniciansInputSchema>;
