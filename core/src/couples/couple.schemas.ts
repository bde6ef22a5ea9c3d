import { z } from 'zod';

export const couplePartnerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  isMe: z.boolean(),
  joinedAt: z.iso.datetime(),
});

export const coupleProgramSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  myEnrollment: z.enum(['invited', 'accepted']).describe('invited: the couple was invited and I have not accepted for myself yet.'),
});

export const pendingInviteSchema = z.object({ id: z.uuid(), expiresAt: z.iso.datetime() });

export const coupleSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  partners: z.array(couplePartnerSchema).max(2),
  pendingInvite: pendingInviteSchema.nullable(),
  programs: z.array(coupleProgramSchema),
  notices: z
    .array(z.object({ id: z.uuid(), code: z.enum(['partner-left']), at: z.iso.datetime() }))
    .describe('Plain notices about shared data that went away, e.g. because a partner left.'),
  can: z.object({ invite: z.boolean(), leave: z.boolean() }),
});
export type Couple = z.infer<typeof coupleSchema>;

export const createdInviteSchema = z.object({
  id: z.uuid(),
  token: z.string().describe('The secret part of the link. Shown once; only its hash is stored.'),
  url: z.string().describe('The link to give to the person invited.'),
  expiresAt: z.iso.datetime(),
});
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

export const inviteTokenParamsSchema = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const inviteKindSchema = z.enum(['partner', 'clinician', 'program-couple']);
export type InviteKind = z.infer<typeof inviteKindSchema>;

export const invitePreviewSchema = z.object({
  kind: inviteKindSchema,
  invitedBy: z.string().describe('Display name of the person who made the invite.'),
  programName: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const acceptedInviteSchema = z.object({
  kind: inviteKindSchema,
  coupleId: z.uuid().nullable(),
  programId: z.uuid().nullable(),
});
export type AcceptedInvite = z.infer<typeof acceptedInviteSchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });
