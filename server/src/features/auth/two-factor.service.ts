import { randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from '@twofold/core/auth/sign-in-security.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { hashToken } from '../../platform/crypto';
import { DomainError } from '../../platform/errors';
import { createSession, endAllSessions, type Actor, type SessionPolicy } from '../../platform/sessions';
import { takeAttempt, type ThrottlePolicy } from '../../platform/throttle';
import { encryptionContext } from '../../db/encrypted-columns';

/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, the defaults every
 * authenticator app reads), by the maintained `otpauth` library. A code is accepted one step
 * either side of now (clock drift), and never twice: the step of the last accepted code is kept
 * and only a later step passes. The secret is stored encrypted (AES-256-GCM, platform/crypto.ts).
 * Ten recovery codes of 80 random bits each are stored as SHA-256 hashes and work once each.
 */
export interface TwoFactorContext {
  db: Db;
  cipher: Cipher;
  sessionPolicy: SessionPolicy;
  throttle: ThrottlePolicy;
}

const issuer = 'Twofold';
const recoveryCodeCount = 10;
const recoveryAlphabet = 'abcdefghijklmnopqrstuvwxyz234567';

const secretContext = (userId: string) => encryptionContext('two_factor_credentials', userId, 'secret');

function totpFor(secretBase32: string, label = 'Twofold'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The time step a code belongs to (now ± 1), or null when it is no current code. */
function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: 30, timestamp: now }) + delta;
}

/** Is the person on the staff of any program (clinician or admin)? They must use two-factor sign-in. */
async function isStaff(db: DbOrTx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programStaff')
    .select('userId')
    .where('userId', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('twoFactorCredentials')
    .select('userId')
    .where('userId', '=', userId)
    .where('confirmedAt', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const [enabled, required, codes] = await Promise.all([
    hasTwoFactor(db, userId),
    isStaff(db, userId),
    db
      .selectFrom('twoFactorRecoveryCodes')
      .select((eb) => eb.fn.countAll<string>().as('left'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { enabled, required, recoveryCodesLeft: enabled ? Number(codes.left) : 0 };
}

/** Starts (or restarts) enrolment: a new secret, not yet in force until a first code confirms it. */
export async function startEnrolment(ctx: TwoFactorContext, actor: Actor): Promise<TwoFactorEnrolment> {
  if (await hasTwoFactor(ctx.db, actor.userId)) {
    throw new DomainError('conflict', 'Two-step sign-in is already on. Turn it off first to set up a new app.');
  }
  const user = await ctx.db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const secret = new Secret({ size: 20 }).base32;
  const secretCiphertext = ctx.cipher.encrypt(secret, secretContext(actor.userId));
  await ctx.db
    .insertInto('twoFactorCredentials')
    .values({ userId: actor.userId, secretCiphertext, confirmedAt: null, lastUsedStep: null })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ secretCiphertext, lastUsedStep: null }))
    .execute();
  const otpauthUri = totpFor(secret, user.email).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Confirms enrolment with a first code: two-step sign-in is on from now. Every session of the
 * person ends (one signed in elsewhere with the password alone would otherwise keep working) and
 * this device gets a fresh one. Returns the recovery codes, shown this once.
 */
export async function confirmEnrolment(
  ctx: TwoFactorContext,
  actor: Actor,
  code: string,
): Promise<RecoveryCodes & { sessionToken: string }> {
  const row = await ctx.db
    .selectFrom('twoFactorCredentials')
    .selectAll()
    .where('userId', '=', actor.userId)
    .where('confirmedAt', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('conflict', 'Start setting up two-step sign-in first.');
  }
  await takeAttempt(ctx.db, ctx.throttle, 'two-factor', actor.userId);
  const step = matchingStep(ctx.cipher.decrypt(row.secretCiphertext, secretContext(actor.userId)), code);
  if (step === null) {
    throw new DomainError('two-factor-code-invalid', 'That code did not match. Check the time on your phone and try the newest code.');
  }
  const recoveryCodes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const sessionToken = await ctx.db.transaction().execute(async (tx) => {
    const confirmed = await tx
      .updateTable('twoFactorCredentials')
      .set({ confirmedAt: sql<Date>`now()`, lastUsedStep: step })
      .where('userId', '=', actor.userId)
      .where('confirmedAt', 'is', null)
      .where('secretCiphertext', '=', row.secretCiphertext)
      .executeTakeFirst();
    if (confirmed.numUpdatedRows === 0n) {
      throw new DomainError('conflict', 'Two-step sign-in changed in the meantime. Start again.');
    }
    await tx.deleteFrom('twoFactorRecoveryCodes').where('userId', '=', actor.userId).execute();
    await tx
      .insertInto('twoFactorRecoveryCodes')
      .values(recoveryCodes.map((recoveryCode) => ({ userId: actor.userId, codeHash: hashRecoveryCode(recoveryCode) })))
      .execute();
    await endAllSessions(tx, actor.userId);
    return createSession(tx, actor.userId, ctx.sessionPolicy);
  });
  return { recoveryCodes, sessionToken };
}

/**
 * Checks a second factor: a current TOTP code not used before, or an unused recovery code (which
 * is used up). True when it passed. One statement decides each, so two requests racing with the
 * same code cannot both pass.
 */
export async function verifySecondFactor(ctx: Pick<TwoFactorContext, 'db' | 'cipher'>, userId: string, code: string): Promise<boolean> {
  const normalized = code.replace(/\s+/g, '').toLowerCase();
  if (/^\d{6}$/.test(normalized)) {
    const row = await ctx.db
      .selectFrom('twoFactorCredentials')
      .select(['secretCiphertext'])
      .where('userId', '=', userId)
      .where('confirmedAt', 'is not', null)
      .executeTakeFirst();
    if (!row) {
      return false;
    }
    const step = matchingStep(ctx.cipher.decrypt(row.secretCiphertext, secretContext(userId)), normalized);
    if (step === null) {
      return false;
    }
    const used = await ctx.db
      .updateTable('twoFactorCredentials')
      .set({ lastUsedStep: step })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
      .executeTakeFirst();
    return used.numUpdatedRows > 0n;
  }
  const spent = await ctx.db
    .updateTable('twoFactorRecoveryCodes')
    .set({ usedAt: sql<Date>`now()` })
    .where('userId', '=', userId)
    .where('codeHash', '=', hashRecoveryCode(normalized))
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return spent.numUpdatedRows > 0n;
}

/** Turns two-step sign-in off: needs the password and a code (or a recovery code). */
export async function disableTwoFactor(ctx: TwoFactorContext, actor: Actor, password: string, code: string): Promise<void> {
  await takeAttempt(ctx.db, ctx.throttle, 'two-factor', actor.userId);
  const user = await ctx.db.selectFrom('users').select('passwordHash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await argon2.verify(user.passwordHash, password))) {
    throw new DomainError('invalid-credentials', 'That password is not right.');
  }
  if (!(await hasTwoFactor(ctx.db, actor.userId))) {
    throw new DomainError('conflict', 'Two-step sign-in is not on.');
  }
  if (!(await verifySecondFactor(ctx, actor.userId, code))) {
    throw new DomainError('two-factor-code-invalid', 'That code did not match. Try the newest code from your app.');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('twoFactorRecoveryCodes').where('userId', '=', actor.userId).execute();
    await tx.deleteFrom('twoFactorCredentials').where('userId', '=', actor.userId).execute();
  });
}

/** xxxx-xxxx-xxxx-xxxx from a 32-letter alphabet: 80 random bits, so a SHA-256 of it is enough. */
function newRecoveryCode(): string {
  const letters = Array.from({ length: 16 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${code.replace(/-/g, '').toLowerCase()}`);
}
