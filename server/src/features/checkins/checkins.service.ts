import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Checkin, CheckinInput, CheckinList, RecoverySummary } from '@twofold/core/recovery/checkin.schemas';
import type { Substance } from '@twofold/core/recovery/substances';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import type { CheckinsTable } from '../../db/database';
import { findMembership, readAs, type ReadDecision } from '../../access/access';
import { findRecoveryStart, findTimeZone } from '../intake/intake.service';
import { assertOwnTriggers } from '../triggers/triggers.service';
import { findLapseDatesFor } from '../setbacks/lapse.service';
import { useDaysWithLapses } from '../setbacks/lapse-effects';
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
 * One statement when all is well (each round trip to the database is a large part of a request's
 * cost, docs/BENCHMARKS.md): the time zone comes with the session, and the upsert itself refuses
 * a day before the recovery start date (it proposes no row then) and, in its conflict branch,
 * a row written on an earlier day: both decided by the database at the moment of writing, on the
 * row it has locked. When it writes nothing, the start date is read to tell the two apart. The
 * rules are checked in this order: a future day, a day before the start date, over 365 days
 * late, an unknown trigger, a past day already written; a later rule failing first checks the
 * start date, so the answer is always the first rule broken.
 */
export async function recordCheckin(db: Db, cipher: Cipher, actor: Actor, date: LocalDate, input: ParsedCheckinInput): Promise<Checkin> {
  const ownerId = actor.userId;
  const today = todayIn(actor.timeZone ?? (await findTimeZone(db, ownerId)), clock.now());
  if (date > today) {
    throw dateError('A check-in cannot be for a day that has not come yet.');
  }
  const assertNotBeforeStart = async () => {
    const { startDate } = await findRecoveryStart(db, ownerId);
    if (startDate !== null && date < startDate) {
      throw dateError(`A check-in cannot be before your recovery start date (${startDate}).`);
    }
  };
  try {
    if (date < addDays(today, -maxLateDays)) {
      throw dateError(`A missed day can be filled in up to ${maxLateDays} days later.`);
    }
    await assertOwnTriggers(db, ownerId, input.triggerIds, '/triggerIds');
  } catch (error) {
    await assertNotBeforeStart();
    throw error;
  }
  const note = cipher.encrypt(input.note, noteContext(ownerId, date));
  const { rows } = await sql<CheckinRow>`
    insert into checkins (owner_id, local_date, is_late, written_on, mood, craving, used, substances_used,
      sleep, stress, closeness, conflict, trigger_ids, note_ciphertext, updated_at)
    select ${ownerId}::uuid, ${date}::date, ${date < today}::boolean, ${today}::date, ${input.mood}::smallint,
      ${input.craving}::smallint, ${input.used}::boolean, ${input.substancesUsed}::text[], ${input.sleep}::smallint,
      ${input.stress}::smallint, ${input.closeness}::smallint, ${input.conflict}::text, ${input.triggerIds}::uuid[],
      ${note}::text, now()
    where not exists (select 1 from intakes where owner_id = ${ownerId}::uuid and recovery_start_date > ${date}::date)
    on conflict (owner_id, local_date) do update set
      mood = excluded.mood, craving = excluded.craving, used = excluded.used, substances_used = excluded.substances_used,
      sleep = excluded.sleep, stress = excluded.stress, closeness = excluded.closeness, conflict = excluded.conflict,
      trigger_ids = excluded.trigger_ids, note_ciphertext = excluded.note_ciphertext, updated_at = now()
      -- A check-in written on an earlier day stays as it is.
      where checkins.written_on >= ${today}::date
    returning *`.execute(db);
  const saved = rows[0];
  if (!saved) {
    await assertNotBeforeStart();
    throw new DomainError('conflict', 'A past day’s check-in can be changed only on the day it was written.');
  }
  return toCheckin(saved, cipher, { relation: 'self', programId: null });
}

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

/** A check-in as `checkinRange` returns it: JSON built by PostgreSQL, keys already as in `Checkin`. */
interface CheckinJson {
  date: LocalDate;
  mood: number;
  craving: number;
  used: boolean;
  substancesUsed: Substance[];
  sleep: number;
  stress: number;
  closeness: number;
  conflict: Checkin['conflict'];
  triggerIds: string[];
  isLate: boolean;
  updatedAt: string;
  /** Only for the owner: the note is never shared. */
  noteCiphertext: string | null;
}

/**
 * The owner's time zone and their check-ins between two days, in one statement. The check-ins
 * come as one JSON array built by PostgreSQL (`updatedAt` already as an ISO string, as
 * `Date.toISOString` writes it: UTC, milliseconds), which pg parses with one `JSON.parse`;
 * row by row, parsing each column (two timestamps, two arrays) and renaming every key was most
 * of the Node time of a 90-day read (docs/BENCHMARKS.md). Run without the CamelCase plugin:
 * the keys are written as they are wanted. The note's ciphertext is selected only for the owner.
 */
async function checkinRange(db: DbOrTx, ownerId: string, from: LocalDate, to: LocalDate, isOwner: boolean) {
  const { rows } = await sql<{ timeZone: string; checkins: CheckinJson[] }>`
    select u.time_zone as "timeZone", coalesce((
      select json_agg(json_build_object(
        'date', c.local_date, 'mood', c.mood, 'craving', c.craving, 'used', c.used, 'substancesUsed', c.substances_used,
        'sleep', c.sleep, 'stress', c.stress, 'closeness', c.closeness, 'conflict', c.conflict, 'triggerIds', c.trigger_ids,
        'isLate', c.is_late, 'updatedAt', to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'noteCiphertext', case when ${isOwner}::boolean then c.note_ciphertext end
      ) order by c.local_date)
      from checkins c
      where c.owner_id = u.id and c.local_date >= ${from}::date and c.local_date <= ${to}::date
    ), '[]') as "checkins"
    from users u
    where u.id = ${ownerId}::uuid`.execute(db.withoutPlugins());
  return rows[0];
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
    const isOwner = decision.relation === 'self';
    const range = await checkinRange(tx, ownerId, from, to, isOwner);
    if (!range) {
      return undefined;
    }
    return {
      ownerId,
      today: todayIn(range.timeZone, clock.now()),
      checkins: range.checkins.map(({ noteCiphertext, ...checkin }) => ({
        ...checkin,
        // The note is the owner's alone, even when check-ins are shared.
        note: isOwner && noteCiphertext !== null ? cipher.decrypt(noteCiphertext, noteContext(ownerId, checkin.date)) : '',
        can: { edit: isOwner },
      })),
    };
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
    const [timeZone, recovery, checkinUseDates, lapseDates] = await Promise.all([
      findTimeZone(tx, ownerId),
      findRecoveryStart(tx, ownerId),
      useDatesOf(tx, ownerId),
      // Lapse reports count as days with use; for a viewer other than the owner, only the ones told to them.
      findLapseDatesFor(tx, ownerId, actor.userId, decision),
    ]);
    const today = todayIn(timeZone, clock.now());
    const useDates = useDaysWithLapses(checkinUseDates, lapseDates);
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
      lapseDates,
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
