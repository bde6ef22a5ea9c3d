import { sql } from 'kysely';
import type { DbOrTx } from './db';
import { hashToken } from './crypto';
import { DomainError } from './errors';

/**
 * Per-account attempt limits, kept in the database so every server process counts against the
 * same number (app servers are stateless). The per-address limit (@fastify/rate-limit) is per
 * process; this one is not. A fixed window per key: the first attempt opens it, `max` attempts
 * fit in it, the next ones answer `rate-limited` until it ends.
 *
 * The subject is the address as typed (trimmed, lower-cased by the schema) whether or not an
 * account has it, so a 429 says nothing about whether an account exists. Only a SHA-256 of scope
 * and subject is stored.
 */
export type ThrottleScope = 'login' | 'two-factor' | 'password-reset' | 'password-reset-confirm' | 'password-change' | 'invite';

export interface ThrottlePolicy {
  /** Attempts per window for each scope. */
  max: Record<ThrottleScope, number>;
  windowMinutes: number;
}

export function throttlePolicy(attempts: number, windowMinutes: number): ThrottlePolicy {
  return {
    max: {
      login: attempts,
      'two-factor': attempts,
      // Each accepted request sends an e-mail: half as many (5 by default), so nobody floods an inbox.
      'password-reset': Math.max(1, Math.floor(attempts / 2)),
      'password-reset-confirm': attempts,
      'password-change': attempts,
      invite: attempts,
    },
    windowMinutes,
  };
}

/** Counts one attempt; throws `rate-limited` when the window already holds `max`. */
export async function takeAttempt(db: DbOrTx, policy: ThrottlePolicy, scope: ThrottleScope, subject: string): Promise<void> {
  if (Math.random() < 0.01) {
    await pruneAttempts(db);
  }
  const key = hashToken(`${scope}:${subject}`);
  const expired = sql<boolean>`auth_throttle.window_started_at <= now() - make_interval(mins => ${policy.windowMinutes})`;
  const { rows } = await sql<{ attempts: number }>`
    insert into auth_throttle (key, window_started_at, attempts) values (${key}, now(), 1)
    on conflict (key) do update set
      attempts = case when ${expired} then 1 else auth_throttle.attempts + 1 end,
      window_started_at = case when ${expired} then now() else auth_throttle.window_started_at end
    returning attempts`.execute(db);
  if ((rows[0]?.attempts ?? 0) > policy.max[scope]) {
    throw new DomainError('rate-limited', 'Too many attempts. Please wait a few minutes and try again.');
  }
}

/** Forgets the attempts of a subject, after it proved itself (a complete login). */
export async function clearAttempts(db: DbOrTx, scope: ThrottleScope, subject: string): Promise<void> {
  await db
    .deleteFrom('authThrottle')
    .where('key', '=', hashToken(`${scope}:${subject}`))
    .execute();
}

/** Drops windows that ended long ago, so the table stays small. */
export async function pruneAttempts(db: DbOrTx): Promise<void> {
  await sql`delete from auth_throttle where window_started_at < now() - interval '1 day'`.execute(db);
}
