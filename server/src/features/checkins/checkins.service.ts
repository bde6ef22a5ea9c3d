import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Checkin, CheckinInput, CheckinList, RecoverySummary } from '@twofold/core/recovery/checkin.schemas';
import type { Substance } from '@twofold/core/recovery/substances';
import { reusableQuery, type Db, type DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import type { CheckinsTable } from '../../db/database';
import { findMembership, readAs, type ReadDecision } from '../../access/access';
import { findRecoveryStart, findTimeZone } from '../intake/intake.service';
import { assertOwnTriggers } from '../triggers/triggers.service';
import { computeCounters, nextThreshold, reachedMilestones } from './counters';

type ParsedCheckinInput = Required<CheckinInput>;
type CheckinRow = Omit<CheckinsTable, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

const noteContext = (ownerId: string, date: LocalDate) => encryptionContext('checkins', `${ownerId}/${date}`, 'note');
/** How far back a person without a recovery start date may fill in a missed day. */
const maxLateDays = 365;

function dateError(message: string): DomainError {
  return new DomainError('validation-failed', message, [{ pointer: '/date', message }]);
}

/**
 * Records the actor's own check-in for `date` (their local calendar day). Today's check-in can be
 * changed all day; a missed day can be filled in later, once, and is marked late (and can be
 * corrected on the day it was filled in). Saving the same check-in twice changes nothing more:
 * there is one row per person and day.
 *
 * Two statements, no transaction around them (each round trip to the database is a large part of
 * a request's cost, docs/BENCHMARKS.md): one read of the person's time zone and recovery start
 * date, then one upsert whose conflict branch only updates a row written today. The upsert
 * decides that on the row it has locked, so a past day's check-in can never be overwritten,
 * even by two saves at once; when it writes nothing, the day was written earlier: `conflict`.
 * (Trigger ids, when there are any, are checked against the person's list in between.)
 */
export async function recordCheckin(db: Db, cipher: Cipher, actor: Actor, date: LocalDate, input: ParsedCheckinInput): Promise<Checkin> {
  const ownerId = actor.userId;
  const facts = await checkinFactsOf(db, ownerId);
  if (!facts) {
    throw new Error(`No user ${ownerId}`);
  }
  const today = todayIn(facts.timeZone, clock.now());
  const startDate = facts.recoveryStartDate;
  if (date > today) {
    throw dateError('A check-in cannot be for a day that has not come yet.');
  }
  if (startDate !== null && date < startDate) {
    throw dateError(`A check-in cannot be before your recovery start date (${startDate}).`);
  }
  if (date < addDays(today, -maxLateDays)) {
    throw dateError(`A missed day can be filled in up to ${maxLateDays} days later.`);
  }
  await assertOwnTriggers(db, ownerId, input.triggerIds, '/triggerIds');
  const values = {
    mood: input.mood,
    craving: input.craving,
    used: input.used,
    substancesUsed: input.substancesUsed,
    sleep: input.sleep,
    stress: input.stress,
    closeness: input.closeness,
    conflict: input.conflict,
    triggerIds: input.triggerIds,
    noteCiphertext: cipher.encrypt(input.note, noteContext(ownerId, date)),
    updatedAt: sql<Date>`now()`,
  };
  const saved = await db
    .insertInto('checkins')
    .values({ ownerId, localDate: date, isLate: date < today, writtenOn: today, ...values })
    .onConflict((oc) =>
      oc
        .columns(['ownerId', 'localDate'])
        .doUpdateSet(values)
        // A check-in written on an earlier day stays as it is.
        .where('checkins.writtenOn', '>=', today),
    )
    .returningAll()
    .executeTakeFirst();
  if (!saved) {
    throw new DomainError('conflict', 'A past day’s check-in can be changed only on the day it was written.');
  }
  return toCheckin(saved, cipher, { relation: 'self', programId: null });
}

/** The person's time zone and recovery start date (any intake's, as `findRecoveryStart`), in one read. */
const checkinFactsOf = async (db: DbOrTx, ownerId: string) =>
  (await checkinFacts(db, ownerId))[0] as { timeZone: string; recoveryStartDate: LocalDate | null } | undefined;
const checkinFacts = reusableQuery((db: DbOrTx, ownerId: string) =>
  db
    .selectFrom('users')
    .leftJoin('intakes', 'intakes.ownerId', 'users.id')
    .select(['users.timeZone', 'intakes.recoveryStartDate'])
    .where('users.id', '=', ownerId),
);

function toCheckin(row: CheckinRow, cipher: Cipher, decision: ReadDecision): Checkin {
  const isOwner = decision.relation === 'self';
  return {
    date: row.localDate,
    mood: row.mood,
    craving: row.craving,
    used: row.used,
    substancesUsed: row.substancesUsed as Substance[],
    sleep: row.sleep,
    stress: row.stress,
    closeness: row.closeness,
    conflict: row.conflict,
    triggerIds: row.triggerIds,
    // The note is the owner's alone, even when check-ins are shared.
    note: isOwner ? cipher.decrypt(row.noteCiphertext, noteContext(row.ownerId, row.localDate)) : '',
    isLate: row.isLate,
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: isOwner },
  };
}

/** Check-ins of `ownerId` between two days, as `actor` may see them (kind `checkins`). */
export async function findCheckins(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  ownerId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<CheckinList> {
  return readAs(db, actor, ownerId, 'checkins', async (tx, decision) => {
    const [timeZone, rows] = await Promise.all([
      findTimeZone(tx, ownerId),
      tx
        .selectFrom('checkins')
        .selectAll()
        .where('ownerId', '=', ownerId)
        .where('localDate', '>=', from)
        .where('localDate', '<=', to)
        .orderBy('localDate')
        .execute(),
    ]);
    return { ownerId, today: todayIn(timeZone, clock.now()), checkins: rows.map((row) => toCheckin(row, cipher, decision)) };
  });
}

async function useDatesOf(db: DbOrTx, ownerId: string): Promise<LocalDate[]> {
  const rows = await db.selectFrom('checkins').select('localDate').where('ownerId', '=', ownerId).where('used', '=', true).execute();
  return rows.map((row) => row.localDate);
}

/**
 * Counters and milestones of `ownerId` (kind `milestones`), and for the owner the partner's notes
 * of encouragement. `can.encourage` tells a partner viewer they may send one.
 */
export async function findRecoverySummary(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<RecoverySummary> {
  return readAs(db, actor, ownerId, 'milestones', async (tx, decision) => {
    const [timeZone, recovery, useDates] = await Promise.all([
      findTimeZone(tx, ownerId),
      findRecoveryStart(tx, ownerId),
      useDatesOf(tx, ownerId),
    ]);
    const today = todayIn(timeZone, clock.now());
    const input = { today, startDate: recovery.inRecovery ? recovery.startDate : null, useDates };
    const counters = computeCounters(input);
    const next =
      counters.daysSinceLastUse === null || counters.totalSoberDays === null
        ? null
        : [
            {
              counter: 'current' as const,
              days: nextThreshold(counters.daysSinceLastUse),
              inDays: nextThreshold(counters.daysSinceLastUse) - counters.daysSinceLastUse,
            },
            {
              counter: 'total' as const,
              days: nextThreshold(counters.totalSoberDays),
              inDays: nextThreshold(counters.totalSoberDays) - counters.totalSoberDays,
            },
          ].sort((a, b) => a.inDays - b.inDays)[0]!;
    const encouragements = decision.relation === 'self' ? await findEncouragementsFor(tx, cipher, ownerId) : [];
    return {
      ownerId,
      inRecovery: recovery.inRecovery,
      today,
      recoveryStartDate: input.startDate,
      ...counters,
      milestones: reachedMilestones(input),
      nextMilestone: next,
      encouragements,
      can: { encourage: decision.relation === 'partner' },
    };
  });
}

async function findEncouragementsFor(db: DbOrTx, cipher: Cipher, ownerId: string): Promise<RecoverySummary['encouragements']> {
  const rows = await db
    .selectFrom('encouragements')
    .innerJoin('users', 'users.id', 'encouragements.fromId')
    .select([
      'encouragements.id',
      'encouragements.messageCiphertext',
      'encouragements.milestoneDays',
      'encouragements.createdAt',
      'users.displayName',
    ])
    .where('encouragements.toId', '=', ownerId)
    .orderBy('encouragements.createdAt', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fromName: row.displayName,
    message: cipher.decrypt(row.messageCiphertext, encryptionContext('encouragements', row.id, 'message')),
    milestoneDays: row.milestoneDays,
    at: row.createdAt.toISOString(),
  }));
}

/**
 * The actor sends their partner a note of encouragement. Only a current partner who can see the
 * partner's milestones may; anyone else gets `not-found`, as if there were nothing there.
 */
export async function encourage(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  partnerId: string,
  message: string,
  milestoneDays: number | null,
): Promise<void> {
  await readAs(db, actor, partnerId, 'milestones', async (tx, decision) => {
    if (decision.relation !== 'partner') {
      return undefined;
    }
    const membership = await findMembership(tx, actor.userId);
    const id = randomUUID();
    const messageCiphertext = cipher.encrypt(message, encryptionContext('encouragements', id, 'message'));
    await tx
      .insertInto('encouragements')
      .values({ id, coupleId: membership!.coupleId, fromId: actor.userId, toId: partnerId, milestoneDays, messageCiphertext })
      .execute();
    return id;
  });
}
