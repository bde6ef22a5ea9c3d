import { nextPathSchema } from '@twofold/core/auth/auth.schemas';

/** Only an invite link may be "where you were going" across log-in and sign-up (no open redirects). */
export function safeNextPath(value: string | null | undefined): string | null {
  return value && nextPathSchema.safeParse(value).success ? value : null;
}
