import { z } from 'zod';

/**
 * Stable, kebab-case error codes. The server maps each to one HTTP status in
 * `server/src/platform/errors.ts`; the web app maps each to calm, blame-free words.
 */
export const errorCodes = [
  'validation-failed',
  'unauthenticated',
  'csrf-token-invalid',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-credentials',
  'email-unavailable',
  'invite-invalid',
  'already-in-couple',
  'couple-full',
  'not-in-couple',
  'cannot-invite-self',
  'not-program-staff',
  'joint-features-closed',
  'two-factor-required',
  'two-factor-code-invalid',
  'reset-link-invalid',
  'rate-limited',
  'payload-too-large',
  'unsupported-media-type',
  'service-busy',
  'internal-error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const problemFieldErrorSchema = z.object({
  pointer: z.string().describe('JSON Pointer (RFC 6901) to the field at fault, e.g. "/email".'),
  message: z.string(),
});

/** RFC 9457 problem details, as every error answer of the API carries them. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(errorCodes),
    errors: z.array(problemFieldErrorSchema).optional(),
  })
  .describe('application/problem+json (RFC 9457)');
export type Problem = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;
