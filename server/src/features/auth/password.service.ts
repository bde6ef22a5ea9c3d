import argon2 from 'argon2';
import { sql } from 'kysely';
import type { PasswordChangeInput } from '@twofold/core/auth/sign-in-security.schemas';
import { hashToken, randomToken } from '../../platform/crypto';
import { DomainError } from '../../platform/errors';
import { createSession, endAllSessions, type Actor } from '../../platform/sessions';
import { clearAttempts, takeAttempt } from '../../platform/throttle';
import { hashOptions, sendInBackground, type AuthContext } from './auth.service';

/**
 * Asks for a password reset link. The answer and its timing do not depend on whether the address
 * has an account: one statement runs either way (it finds the account, drops its older links and
 * stores the new one, or does nothing), and the e-mail is sent after the answer. An address
 * without an account gets no e-mail (a stranger's inbox is not ours to write to).
 */
export async function requestPasswordReset(ctx: AuthContext, email: string): Promise<void> {
  await takeAttempt(ctx.db, ctx.throttle, 'password-reset', email);
  const token = randomToken();
  const { rows } = await sql<{ userId: string }>`
    with target as (select id from users where email = ${email}),
    dropped as (delete from password_resets where user_id in (select id from target)),
    created as (
      insert into password_resets (token_hash, user_id, expires_at)
      select ${hashToken(token)}, id, now() + make_interval(mins => ${ctx.passwordResetTtlMinutes}) from target
      returning user_id
    )
    select user_id from created`.execute(ctx.db);
  if (rows.length === 0) {
    return;
  }
  // Neutral words only: e-mail may be read by someone else (PRODUCT.md).
  sendInBackground(ctx, {
    to: email,
    subject: 'Reset your Twofold password',
    text: `Someone, maybe you, asked to reset the password of your Twofold account.\n\nOpen this link to choose a new password (it works once, for ${ctx.passwordResetTtlMinutes} minutes):\n${ctx.publicUrl}/reset-password?token=${token}\n\nIf you did not ask, you can ignore this message: your password stays as it is.`,
  });
}

/**
 * Sets a new password from an e-mailed link. The link works once and only while it is fresh;
 * every session of the account ends, and the person logs in again (with their second factor if
 * they use one: a reset link alone never opens a session).
 */
export async function confirmPasswordReset(ctx: AuthContext, token: string, password: string): Promise<void> {
  const tokenHash = hashToken(token);
  const link = await ctx.db
    .selectFrom('passwordResets')
    .innerJoin('users', 'users.id', 'passwordResets.userId')
    .select(['passwordResets.userId', 'users.email'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (link) {
    await takeAttempt(ctx.db, ctx.throttle, 'password-reset-confirm', link.userId);
  }
  const passwordHash = await argon2.hash(password, hashOptions);
  const used = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .deleteFrom('passwordResets')
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning('userId')
      .executeTakeFirst();
    if (!row) {
      return null;
    }
    await tx.updateTable('users').set({ passwordHash }).where('id', '=', row.userId).execute();
    await tx.deleteFrom('passwordResets').where('userId', '=', row.userId).execute();
    await tx.deleteFrom('pendingLogins').where('userId', '=', row.userId).execute();
    await endAllSessions(tx, row.userId);
    return row.userId;
  });
  if (used === null || !link) {
    throw new DomainError('reset-link-invalid', 'This link has expired or was already used. Ask for a new one.');
  }
  await clearAttempts(ctx.db, 'login', link.email);
  sendInBackground(ctx, passwordChangedMessage(ctx, link.email));
}

/**
 * Changes the password of the signed-in person: every other session ends ("sign out everywhere on
 * password change") and this one is replaced by a fresh session, whose cookie value is returned.
 */
export async function changePassword(ctx: AuthContext, actor: Actor, input: PasswordChangeInput): Promise<string> {
  await takeAttempt(ctx.db, ctx.throttle, 'password-change', actor.userId);
  const user = await ctx.db.selectFrom('users').select(['passwordHash', 'email']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await argon2.verify(user.passwordHash, input.currentPassword))) {
    throw new DomainError('invalid-credentials', 'Your current password is not right.', [
      { pointer: '/currentPassword', message: 'This is not your current password.' },
    ]);
  }
  const passwordHash = await argon2.hash(input.newPassword, hashOptions);
  const sessionToken = await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ passwordHash }).where('id', '=', actor.userId).execute();
    await tx.deleteFrom('passwordResets').where('userId', '=', actor.userId).execute();
    await tx.deleteFrom('pendingLogins').where('userId', '=', actor.userId).execute();
    await endAllSessions(tx, actor.userId);
    return createSession(tx, actor.userId, ctx.sessionPolicy);
  });
  sendInBackground(ctx, passwordChangedMessage(ctx, user.email));
  return sessionToken;
}

function passwordChangedMessage(ctx: AuthContext, to: string) {
  return {
    to,
    subject: 'Your Twofold password was changed',
    text: `The password of your Twofold account was just changed, and every device was signed out.\n\nIf this was not you, reset your password now: ${ctx.publicUrl}/forgot-password`,
  };
}
