import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import {
  type Consent,
  type ConsentStatus,
  type ConsentTerms,
  type Consents,
  type GrantConsentInput,
  consentableKinds,
  defaultConsentDays,
  maxConsentDays,
} from '@twofold/core/programs/consent.schemas';
import { type Audience, type DataKind, dataKinds, includesCareTeam, includesPartner } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock, todayIn, addDays, daysBetween } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import {
  endConsents,
  findAccessesUnderConsents,
  findAudience,
  findConsentsOf,
  findCurrentPrograms,
  findEntryDisclosures,
  findOpenConsents,
  insertConsents,
} from './consents.repository';

/**
 * Consent records (issue 8). The rule, decided in `access/` on every request: a clinician sees a
 * kind of a partner's data only while the partner's sharing setting for it includes the care team
 * AND the partner's consent for it with the clinician's program is current. This module keeps the
 * two in step:
 *   - choosing care-team/both for a kind while in a program records a consent (given terms, or
 *     treatment for one year) unless a current one exists; moving away from the care team ends it
 *     (`revoked`) at once;
 *   - granting a consent puts the care team into the setting; revoking one takes the care team
 *     out of the setting when no other program still holds a current consent for the kind;
 *   - leaving a program (or the couple) ends its consents (`left-program`).
 * Records are never deleted or rewritten, only ended, so the person sees every consent they gave.
 */

const noteContext = (id: string) => encryptionContext('care_consents', id, 'purpose_note');

interface ConsentDeps {
  cipher: Cipher;
}

async function timeZoneOf(db: DbOrTx, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.timeZone;
}

/**
 * When a consent given today with `until` stops: the start of the day after `until` in the
 * person's time zone. `until` must be from today to `maxConsentDays` ahead.
 */
export function consentExpiry(timeZone: string, until: string | undefined, now: Temporal.Instant = clock.now()): Date {
  const today = todayIn(timeZone, now);
  const last = until ?? addDays(today, defaultConsentDays);
  const days = daysBetween(today, last);
  if (days < 0 || days > maxConsentDays) {
    throw new DomainError('validation-failed', 'Choose a date from today up to two years ahead.', [
      { pointer: '/until', message: `Choose a date from ${today} to ${addDays(today, maxConsentDays)}.` },
    ]);
  }
  const end = Temporal.PlainDate.from(last).add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  return new Date(end.epochMilliseconds);
}

function newRows(deps: ConsentDeps, ownerId: string, programId: string, kinds: readonly string[], terms: ConsentTerms, expiresAt: Date) {
  return kinds.map((kind) => {
    const id = randomUUID();
    const note = terms.purposeNote?.trim();
    return {
      id,
      ownerId,
      programId,
      kind,
      purpose: terms.purpose,
      purposeNoteCiphertext: note ? deps.cipher.encrypt(note, noteContext(id)) : null,
      expiresAt,
    };
  });
}

/** The care team added to a setting: private → care-team, partner → both. */
function withCareTeam(audience: Audience): Audience {
  return includesCareTeam(audience) ? audience : includesPartner(audience) ? 'both' : 'care-team';
}

/** The care team taken out of a setting: both → partner, care-team → private. */
function withoutCareTeam(audience: Audience): Audience {
  return includesPartner(audience) ? 'partner' : 'private';
}

async function setAudience(tx: DbOrTx, ownerId: string, kind: string, audience: Audience): Promise<void> {
  await tx
    .insertInto('sharingSettings')
    .values({ ownerId, kind, audience, updatedAt: sql<Date>`now()` })
    .onConflict((oc) => oc.columns(['ownerId', 'kind']).doUpdateSet({ audience, updatedAt: sql<Date>`now()` }))
    .execute();
}

/**
 * Called by the sharing service in the transaction that changes a setting. With the care team in
 * the new audience: every program the person is in gets a consent for the kind — kept when a
 * current one exists and no new terms were given, else (re)recorded with `terms` (default:
 * treatment, one year). Without the care team: every open consent for the kind ends (`revoked`).
 */
export async function recordConsentsForSetting(
  tx: Tx,
  deps: ConsentDeps,
  ownerId: string,
  kind: DataKind,
  audience: Audience,
  terms: ConsentTerms | undefined,
): Promise<void> {
  if (!includesCareTeam(audience)) {
    await endConsents(tx, ownerId, 'revoked', { kinds: [kind] });
    return;
  }
  const programs = await findCurrentPrograms(tx, ownerId);
  if (programs.length === 0) {
    return;
  }
  const open = await findOpenConsents(tx, ownerId, kind);
  const expiresAt = consentExpiry(await timeZoneOf(tx, ownerId), terms?.until);
  for (const program of programs) {
    const existing = open.filter((row) => row.programId === program.id);
    if (terms === undefined && existing.some((row) => row.isCurrent)) {
      continue;
    }
    await endConsents(tx, ownerId, 'renewed', { ids: existing.map((row) => row.id) });
    await insertConsents(tx, newRows(deps, ownerId, program.id, [kind], terms ?? { purpose: 'treatment' }, expiresAt));
  }
}

/**
 * The actor grants a program they are in access to some kinds of their data, for a purpose,
 * until a date. An open consent for the same kind and program is replaced (`renewed`), and the
 * care team joins each kind's sharing setting. A program the actor is not in answers `not-found`.
 */
export async function grantConsents(db: Db, deps: ConsentDeps, actor: Actor, input: GrantConsentInput): Promise<Consents> {
  await db.transaction().execute((tx) => grantConsentsInTx(tx, deps, actor.userId, input));
  return findMyConsents(db, deps, actor);
}

/** `grantConsents` inside the caller's transaction (accepting an enrollment with its consent form). */
export async function grantConsentsInTx(tx: Tx, deps: ConsentDeps, ownerId: string, input: GrantConsentInput): Promise<void> {
  const programs = await findCurrentPrograms(tx, ownerId);
  if (!programs.some((program) => program.id === input.programId)) {
    throw new DomainError('not-found', 'You are not in this program.');
  }
  const kinds = [...new Set(input.kinds)];
  const expiresAt = consentExpiry(await timeZoneOf(tx, ownerId), input.until);
  await endConsents(tx, ownerId, 'renewed', { programId: input.programId, kinds });
  await insertConsents(tx, newRows(deps, ownerId, input.programId, kinds, input, expiresAt));
  for (const kind of kinds) {
    await setAudience(tx, ownerId, kind, withCareTeam(await findAudience(tx, ownerId, kind)));
  }
}

/**
 * The actor revokes one of their consents, effective at the next request. When no other program
 * still holds a current consent for that kind, the care team leaves the kind's sharing setting
 * too, so the sharing page tells the truth. Someone else's consent answers `not-found`.
 */
export async function revokeConsent(db: Db, deps: ConsentDeps, actor: Actor, consentId: string): Promise<Consents> {
  await db.transaction().execute(async (tx) => {
    const consent = await tx
      .selectFrom('careConsents')
      .select(['id', 'kind', 'endedAt'])
      .where('id', '=', consentId)
      .where('ownerId', '=', actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!consent) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    if (consent.endedAt !== null) {
      return;
    }
    await endConsents(tx, actor.userId, 'revoked', { ids: [consentId] });
    const stillCurrent = (await findOpenConsents(tx, actor.userId, consent.kind)).some((row) => row.isCurrent);
    if (!stillCurrent) {
      const audience = await findAudience(tx, actor.userId, consent.kind);
      if (includesCareTeam(audience)) {
        await setAudience(tx, actor.userId, consent.kind, withoutCareTeam(audience));
      }
    }
  });
  return findMyConsents(db, deps, actor);
}

/** Ends, at once, the person's consents with a program they leave (or every program, when they leave the couple). */
export async function endConsentsOnLeaving(tx: DbOrTx, ownerId: string, programId: string | null): Promise<void> {
  await endConsents(tx, ownerId, 'left-program', { programId });
}

function statusOf(row: { endReason: string | null; inWindow: boolean }): ConsentStatus {
  if (row.endReason === 'revoked' || row.endReason === 'renewed' || row.endReason === 'left-program') {
    return row.endReason;
  }
  return row.inWindow ? 'current' : 'expired';
}

const toldKinds = dataKinds.filter((kind) => 'entriesTold' in kind || 'entriesShareableWithCareTeam' in kind).map((kind) => kind.id);

/**
 * Every consent the actor gave (current, expired, revoked, renewed, ended on leaving), newest
 * first, each with the reads clinicians made under it (audit entries of that kind and program
 * within its window); the reads of single entries they told the care team; and the programs they
 * are in now. The actor's own records only.
 */
export async function findMyConsents(db: Db, deps: ConsentDeps, actor: Actor): Promise<Consents> {
  const [rows, accesses, disclosures, programs] = await Promise.all([
    findConsentsOf(db, actor.userId),
    findAccessesUnderConsents(db, actor.userId),
    findEntryDisclosures(db, actor.userId, toldKinds),
    findCurrentPrograms(db, actor.userId),
  ]);
  const byConsent = new Map<string, Consent['accesses']>();
  for (const access of accesses) {
    const list = byConsent.get(access.consentId) ?? [];
    list.push({
      at: access.at.toISOString(),
      viewer: { id: access.actorId, displayName: access.displayName ?? 'A deleted account' },
      kind: access.kind,
    });
    byConsent.set(access.consentId, list);
  }
  const consentable = new Set<string>(consentableKinds);
  return {
    consents: rows
      .filter((row) => consentable.has(row.kind))
      .map((row): Consent => {
        const status = statusOf(row);
        return {
          id: row.id,
          program: { id: row.programId, name: row.programName },
          kind: row.kind as Consent['kind'],
          purpose: row.purpose,
          purposeNote: row.purposeNoteCiphertext ? deps.cipher.decrypt(row.purposeNoteCiphertext, noteContext(row.id)) : null,
          grantedAt: row.grantedAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          endedAt: row.endedAt?.toISOString() ?? null,
          status,
          accesses: byConsent.get(row.id) ?? [],
          can: { revoke: status === 'current' },
        };
      }),
    entryDisclosures: disclosures.map((row) => ({
      at: row.at.toISOString(),
      viewer: { id: row.actorId, displayName: row.displayName ?? 'A deleted account' },
      kind: row.kind,
      program: row.programId && row.programName ? { id: row.programId, name: row.programName } : null,
    })),
    programs,
  };
}
