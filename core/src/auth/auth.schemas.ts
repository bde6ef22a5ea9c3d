import { z } from 'zod';

export const locales = ['en', 'es'] as const;
export const localeSchema = z.enum(locales).describe('Language of the app for this person.');
export type Locale = z.infer<typeof localeSchema>;

/** An IANA time zone name the runtime knows, e.g. "America/Chicago". */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, { message: 'Unknown time zone.' })
  .describe('IANA time zone, e.g. "America/Chicago". Reminders and calendar days follow it.');

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Trimmed and lower-cased before it is checked, so an autofilled trailing space is no error.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter an e-mail address like name@example.org.' }))
  .describe('E-mail address; used to log in. Compared case-insensitively.');

/**
 * Length is what makes a passphrase strong (NIST SP 800-63B §3.1.1.2: at least 8, allow at least 64,
 * no composition rules). 12 is our floor because these accounts hold health records.
 */
export const passwordSchema = z
  .string()
  .min(12, { message: 'Use at least 12 characters. A few words in a row work well.' })
  .max(256)
  .describe('At least 12 characters; no other composition rules (NIST SP 800-63B).');

/** Control characters (NUL, line breaks, escapes) have no place in a name; PostgreSQL cannot store NUL in text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const noControlCharacters = /^[^\u0000-\u001f\u007f]*$/;

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Tell us what to call you.' })
  .max(60)
  .regex(noControlCharacters, { message: 'Use letters, numbers, spaces and punctuation only.' })
  .describe('What the app and your partner call you. A first name or nickname is enough.');

export const signupInputSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  locale: localeSchema.default('en'),
  timeZone: timeZoneSchema.default('UTC'),
});
export type SignupInput = z.input<typeof signupInputSchema>;

export const loginInputSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  timeZone: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const staffRoleSchema = z.enum(['admin', 'clinician']).describe('Role of a person in a program.');
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const meSchema = z.object({
  user: userSchema,
  coupleId: z.uuid().nullable().describe('The couple space this person is in, if any.'),
  staff: z
    .array(z.object({ programId: z.uuid(), programName: z.string(), role: staffRoleSchema }))
    .describe('Programs where this person works, with their role.'),
});
export type Me = z.infer<typeof meSchema>;

export const updateProfileInputSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>;

export const csrfTokenSchema = z.object({
  token: z.string().describe('Send it back in the x-csrf-token header of every POST, PUT, PATCH and DELETE.'),
});

/** Relative path inside the app to open after sign-up is confirmed, e.g. an invite link. */
export const nextPathSchema = z
  .string()
  .max(200)
  .regex(/^\/join\/[A-Za-z0-9_-]{16,128}$/, { message: 'Only an invite link can follow sign-up.' })
  .describe('Where to go after the e-mail link is opened; only invite links (/join/…) are accepted.');

export const signupRequestSchema = signupInputSchema.extend({ next: nextPathSchema.optional() });
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const signupAcceptedSchema = z.object({
  status: z.literal('check-email'),
  message: z.string(),
});

export const confirmSignupInputSchema = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});
