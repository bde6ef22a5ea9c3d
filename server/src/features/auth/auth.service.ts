import argon2 from 'argon2';
import { sql } from 'kysely';
import type { Me, SignupRequest, UpdateProfileInput, User } from '@twofold/core/auth/auth.schemas';
import type { Db } from '../../platform/db';
import type { FastifyBaseLogger } from 'fastify';
import type { MailMessage, Mailer } from '../../platform/mailer';
import { hashToken, randomToken, type Cipher } from '../../platform/crypto';
import { endAllSessions, endSession, rotateSession, type Actor, type SessionPolicy } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clearAttempts, takeAttempt, type ThrottlePolicy } from '../../platform/throttle';
import { hasTwoFactor, verifySecondFactor } from './two-factor.service';
import { findMembership } from '../../access/access';
import type { UserRow } from '../../db/database';

export interface AuthContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  sessionPolicy: SessionPolicy;
  cipher: Cipher;
  /** Per-account attempt limits, shared by every server process (platform/throttle.ts). */
  throttle: ThrottlePolicy;
  passwordResetTtlMinutes: number;
  log: FastifyBaseLogger;
}

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum for argon2id. */
export const hashOptions = { type: argon2.argon2id } as const;
/** Between the password and the second factor of a two-step login. */
export const pendingLoginMinutes = 5;
const pendingLoginMaxCodes = 5;

/**
 * Sends an e-mail after the answer, so an SMTP round trip never makes one answer slower than
 * another (which would tell whether an account exists). A failure is logged, without the text.
 */
export function sendInBackground(ctx: AuthContext, message: MailMessage): void {
  ctx.mailer.send(message).catch((error: unknown) => ctx.log.error({ err: error, subject: message.subject }, 'e-mail not sent'));
}
const signupTtlHours = 24;

// Verified against when no account matches, so a login takes as long either way.
const absentAccountHash = argon2.hash('no account has this password', hashOptions);

/**
 * Starts a sign-up. The answer never depends on whether the address has an account: a new address
 * gets a link that finishes sign-up, a known one gets a note saying someone tried.
 */
export async function requestSignup(ctx: AuthContext, input: SignupRequest & { email: string }): Promise<void> {
  // Hash first on both paths, so the answer takes as long for a known address as for a new one.
  const passwordHash = await argon2.hash(input.password, hashOptions);
  const existing = await ctx.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) {
    await ctx.mailer.send({
      to: input.email,
      subject: 'Someone tried to sign up to Twofold with your address',
      text: `Someone, maybe you, tried to create a Twofold account with this address, which already has one.\n\nIf it was you, log in here: ${ctx.publicUrl}/login\nIf it was not you, you can ignore this message.`,
    });
    return;
  }
  const token = randomToken();
  await ctx.db
    .insertInto('pendingSignups')
    .values({
      tokenHash: hashToken(token),
      email: input.email,
      passwordHash,
      displayName: input.displayName!,
      locale: input.locale ?? 'en',
      timeZone: input.timeZone ?? 'UTC',
      expiresAt: sql<Date>`now() + make_interval(hours => ${signupTtlHours})`,
    })
    .execute();
  const next = input.next ? `&next=${encodeURIComponent(input.next)}` : '';
  await ctx.mailer.send({
    to: input.email,
    subject: 'Finish creating your Twofold account',
    text: `Open this link to finish creating your account (it works for ${signupTtlHours} hours):\n${ctx.publicUrl}/confirm?token=${token}${next}\n\nIf you did not sign up, you can ignore this message.`,
  });
}

/**
 * Finishes a sign-up from its e-mailed link: creates the account and a session, in place of any
 * session this device had (`previousSession`, the cookie value it sent).
 */
export async function confirmSignup(
  ctx: AuthContext,
  token: string,
  previousSession?: string,
): Promise<{ user: User; sessionToken: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const pending = await tx
      .deleteFrom('pendingSignups')
      .where('tokenHash', '=', hashToken(token))
      .where('expiresAt', '>', sql<Date>`now()`)
      .returningAll()
      .executeTakeFirst();
    if (!pending) {
      throw new DomainError('invite-invalid', 'This link has expired or was already used. Sign up again to get a new one.');
    }
    const user = await tx
      .insertInto('users')
      .values({
        email: pending.email,
        passwordHash: pending.passwordHash,
        displayName: pending.displayName,
        locale: pending.locale,
        timeZone: pending.timeZone,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!user) {
      throw new DomainError('invite-invalid', 'This link has expired or was already used. Log in instead.');
    }
    await tx.deleteFrom('pendingSignups').where('email', '=', pending.email).execute();
    return { user: toUser(user), sessionToken: await rotateSession(tx, user.id, ctx.sessionPolicy, previousSession) };
  });
}

export type LoginResult = { kind: 'session'; user: User; sessionToken: string } | { kind: 'two-factor'; pendingToken: string };

/**
 * Checks a password. Unknown e-mail and wrong password are one and the same answer. Attempts are
 * counted per address as typed, account or not (platform/throttle.ts). An account with two-step
 * sign-in gets no session yet: a short-lived pending login, whose cookie the code step needs.
 * The session replaces the one this device had (`previousSession`): a new id at every log-in.
 */
export async function logIn(ctx: AuthContext, email: string, password: string, previousSession?: string): Promise<LoginResult> {
  await takeAttempt(ctx.db, ctx.throttle, 'login', email);
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const matches = await argon2.verify(user?.passwordHash ?? (await absentAccountHash), password);
  if (!user || !matches) {
    throw new DomainError('invalid-credentials', 'Check the e-mail address and password and try again.');
  }
  if (await hasTwoFactor(ctx.db, user.id)) {
    const pendingToken = randomToken();
    await ctx.db
      .insertInto('pendingLogins')
      .values({
        tokenHash: hashToken(pendingToken),
        userId: user.id,
        expiresAt: sql<Date>`now() + make_interval(mins => ${pendingLoginMinutes})`,
      })
      .execute();
    return { kind: 'two-factor', pendingToken };
  }
  await clearAttempts(ctx.db, 'login', email);
  return { kind: 'session', user: toUser(user), sessionToken: await rotateSession(ctx.db, user.id, ctx.sessionPolicy, previousSession) };
}

/**
 * The second step of a two-step login: a code from the app (never one used before) or a recovery
 * code. A pending login takes at most five codes and lives five minutes; codes are also counted
 * per account across all pending logins, so starting over does not give more guesses. The session
 * replaces the one this device had (`previousSession`), and the pending login is gone.
 */
export async function completeTwoFactorLogin(
  ctx: AuthContext,
  pendingToken: string | undefined,
  code: string,
  previousSession?: string,
): Promise<{ user: User; sessionToken: string }> {
  const expired = new DomainError('unauthenticated', 'Your sign-in took too long. Log in again with your password.');
  if (!pendingToken || pendingToken.length > 128) {
    throw expired;
  }
  const pending = await ctx.db
    .updateTable('pendingLogins')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('tokenHash', '=', hashToken(pendingToken))
    .where('expiresAt', '>', sql<Date>`now()`)
    .returning(['userId', 'attempts'])
    .executeTakeFirst();
  if (!pending || pending.attempts > pendingLoginMaxCodes) {
    await ctx.db.deleteFrom('pendingLogins').where('tokenHash', '=', hashToken(pendingToken)).execute();
    throw expired;
  }
  await takeAttempt(ctx.db, ctx.throttle, 'two-factor', pending.userId);
  if (!(await verifySecondFactor(ctx, pending.userId, code))) {
    throw new DomainError('two-factor-code-invalid', 'That code did not match. Try the newest code from your app.');
  }
  const ended = await ctx.db.deleteFrom('pendingLogins').where('tokenHash', '=', hashToken(pendingToken)).executeTakeFirst();
  if (ended.numDeletedRows === 0n) {
    throw expired;
  }
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', pending.userId).executeTakeFirstOrThrow();
  await clearAttempts(ctx.db, 'login', user.email);
  await clearAttempts(ctx.db, 'two-factor', user.id);
  return { user: toUser(user), sessionToken: await rotateSession(ctx.db, user.id, ctx.sessionPolicy, previousSession) };
}

export async function logOut(db: Db, actor: Actor): Promise<void> {
  await endSession(db, actor.sessionId);
}

/** Ends every session of the actor, on every device. */
export async function logOutEverywhere(db: Db, actor: Actor): Promise<void> {
  await endAllSessions(db, actor.userId);
}

export async function findMe(db: Db, userId: string): Promise<Me> {
  const [user, membership, staff] = await Promise.all([
    db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow(),
    findMembership(db, userId),
    db
      .selectFrom('programStaff')
      .innerJoin('programs', 'programs.id', 'programStaff.programId')
      .select(['programs.id as programId', 'programs.name as programName', 'programStaff.role'])
      .where('programStaff.userId', '=', userId)
      .where('programStaff.active', '=', true)
      .orderBy('programs.createdAt')
      .execute(),
  ]);
  return { user: toUser(user), coupleId: membership?.coupleId ?? null, staff };
}

export async function updateProfile(db: Db, actor: Actor, input: UpdateProfileInput): Promise<Me> {
  if (Object.keys(input).length > 0) {
    await db.updateTable('users').set(input).where('id', '=', actor.userId).execute();
  }
  return findMe(db, actor.userId);
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale === 'es' ? 'es' : 'en',
    timeZone: row.timeZone,
  };
}
