import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.schemas';

/** Password reset, password change and two-factor sign-in (TOTP, RFC 6238). */

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetAcceptedSchema = z.object({
  status: z.literal('check-email'),
  message: z.string(),
});

const linkTokenSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe('The token from the e-mailed link.');

export const passwordResetConfirmSchema = z.strictObject({
  token: linkTokenSchema,
  password: passwordSchema,
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const passwordChangeInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeInputSchema>;

/** Six digits from an authenticator app, or a recovery code (xxxx-xxxx-xxxx-xxxx). Spaces are ignored. */
export const twoFactorCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.replace(/\s+/g, '').toLowerCase())
  .pipe(
    z.string().regex(/^(\d{6}|[a-z2-7]{4}-?[a-z2-7]{4}-?[a-z2-7]{4}-?[a-z2-7]{4})$/, {
      message: 'Enter the 6-digit code from your app, or one of your recovery codes.',
    }),
  )
  .describe('A 6-digit code from the authenticator app, or a single-use recovery code.');

export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your app.' }))
  .describe('A 6-digit code from the authenticator app.');

export const twoFactorLoginInputSchema = z.strictObject({ code: twoFactorCodeSchema });
export type TwoFactorLoginInput = z.input<typeof twoFactorLoginInputSchema>;

/** Login of an account with two-factor sign-in: the password was right, a code is due next. */
export const twoFactorChallengeSchema = z.object({
  status: z.literal('two-factor-required'),
  message: z.string(),
});
export type TwoFactorChallenge = z.infer<typeof twoFactorChallengeSchema>;

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean().describe('True for program staff: clinicians and admins must use two-factor sign-in.'),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

export const twoFactorEnrolmentSchema = z.object({
  otpauthUri: z.string().describe('otpauth://totp/… for an authenticator app.'),
  secret: z.string().describe('The same secret in base32, to type in by hand.'),
  qrCode: z.string().describe('The otpauth URI as a QR code: an SVG data URL made by the server.'),
});
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolmentSchema>;

export const twoFactorConfirmInputSchema = z.strictObject({ code: totpCodeSchema });
export type TwoFactorConfirmInput = z.input<typeof twoFactorConfirmInputSchema>;

export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe('Shown once: each works once, in place of a code.'),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const twoFactorDisableInputSchema = z.strictObject({
  password: z.string().min(1).max(256),
  code: twoFactorCodeSchema,
});
export type TwoFactorDisableInput = z.input<typeof twoFactorDisableInputSchema>;
