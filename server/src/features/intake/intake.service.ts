import { sql } from 'kysely';
import type { Intake, IntakeInput, Reflection, ReflectionInput } from '@twofold/core/recovery/intake.schemas';
import type { Substance } from '@twofold/core/recovery/substances';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock, todayIn } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import { assertOwnerWrite, readAs } from '../../access/access';

const emptyPatterns = { 'shared-use': null, enabling: null, 'caretaker-dependent': null, 'avoiding-conflict': null };

/** The intake of `ownerId` as `actor` may see it (kind `intake`). The owner sees an empty one before writing it. */
export async function findIntake(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<Intake> {
  return readAs(db, actor, ownerId, 'intake', async (tx, decision) => {
    const row = await tx.selectFrom('intakes').selectAll().where('ownerId', '=', ownerId).executeTakeFirst();
    const isOwner = decision.relation === 'self';
    if (!row) {
      return isOwner
        ? {
            ownerId,
            inRecovery: false,
            substances: [],
            otherSubstance: '',
            recoveryStartDate: null,
            supportNote: '',
            updatedAt: null,
            can: { edit: true },
          }
        : undefined;
    }
    return {
      ownerId,
      inRecovery: row.inRecovery,
      substances: row.substances as Substance[],
      otherSubstance: cipher.decrypt(row.otherSubstanceCiphertext, encryptionContext('intakes', ownerId, 'other_substance')),
      recoveryStartDate: row.recoveryStartDate,
      supportNote: cipher.decrypt(row.supportNoteCiphertext, encryptionContext('intakes', ownerId, 'support_note')),
      updatedAt: row.updatedAt.toISOString(),
      can: { edit: isOwner },
    };
  });
}

/** Saves the actor's own intake. A recovery start date cannot be in the future (their time zone). */
export async function saveIntake(db: Db, cipher: Cipher, actor: Actor, input: IntakeInput): Promise<Intake> {
  assertOwnerWrite(actor, actor.userId);
  const ownerId = actor.userId;
  const timeZone = await findTimeZone(db, ownerId);
  if (input.recoveryStartDate !== null && input.recoveryStartDate > todayIn(timeZone, clock.now())) {
    throw new DomainError('validation-failed', 'The recovery start date cannot be in the future.', [
      { pointer: '/recoveryStartDate', message: 'Choose today or a day before.' },
    ]);
  }
  if (input.otherSubstance !== '' && !input.substances.includes('other')) {
    throw new DomainError('validation-failed', 'Name another substance only with "other" chosen.', [
      { pointer: '/otherSubstance', message: 'Choose "other" first, or leave this empty.' },
    ]);
  }
  const values = {
    inRecovery: input.inRecovery,
    substances: input.inRecovery ? input.substances : [],
    otherSubstanceCiphertext: cipher.encrypt(input.otherSubstance, encryptionContext('intakes', ownerId, 'other_substance')),
    recoveryStartDate: input.inRecovery ? input.recoveryStartDate : null,
    supportNoteCiphertext: cipher.encrypt(input.supportNote, encryptionContext('intakes', ownerId, 'support_note')),
    updatedAt: sql<Date>`now()`,
  };
  await db
    .insertInto('intakes')
    .values({ ownerId, ...values })
    .onConflict((oc) => oc.column('ownerId').doUpdateSet(values))
    .execute();
  return findIntake(db, cipher, actor, ownerId);
}

/** The reflection on relationship patterns (kind `relationship-reflection`). */
export async function findReflection(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<Reflection> {
  return readAs(db, actor, ownerId, 'relationship-reflection', async (tx, decision) => {
    const row = await tx.selectFrom('reflections').selectAll().where('ownerId', '=', ownerId).executeTakeFirst();
    const isOwner = decision.relation === 'self';
    if (!row) {
      return isOwner ? { ownerId, patterns: emptyPatterns, note: '', updatedAt: null, can: { edit: true } } : undefined;
    }
    return {
      ownerId,
      patterns: { ...emptyPatterns, ...(row.patterns as Reflection['patterns']) },
      note: cipher.decrypt(row.noteCiphertext, encryptionContext('reflections', ownerId, 'note')),
      updatedAt: row.updatedAt.toISOString(),
      can: { edit: isOwner },
    };
  });
}

export async function saveReflection(db: Db, cipher: Cipher, actor: Actor, input: ReflectionInput): Promise<Reflection> {
  const ownerId = actor.userId;
  const values = {
    patterns: JSON.stringify(input.patterns),
    noteCiphertext: cipher.encrypt(input.note, encryptionContext('reflections', ownerId, 'note')),
    updatedAt: sql<Date>`now()`,
  };
  await db
    .insertInto('reflections')
    .values({ ownerId, ...values })
    .onConflict((oc) => oc.column('ownerId').doUpdateSet(values))
    .execute();
  return findReflection(db, cipher, actor, ownerId);
}

export async function findTimeZone(db: DbOrTx, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.timeZone;
}

/** The actor's recovery start date, or null (not in recovery, or no intake yet). */
export async function findRecoveryStart(db: DbOrTx, ownerId: string): Promise<{ inRecovery: boolean; startDate: string | null }> {
  const row = await db.selectFrom('intakes').select(['inRecovery', 'recoveryStartDate']).where('ownerId', '=', ownerId).executeTakeFirst();
  return { inRecovery: row?.inRecovery ?? false, startDate: row?.recoveryStartDate ?? null };
}
