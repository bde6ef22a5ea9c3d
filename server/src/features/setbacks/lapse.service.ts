import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Lapse, LapseInput, LapseReflectionInput, LapseTellingInput } from '@twofold/core/setbacks/lapse.schemas';
import { reflectionAfterHours, reflectionOfferedForDays } from '@twofold/core/setbacks/lapse.schemas';
import type { Substance } from '@twofold/core/recovery/substances';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { addDays, clock, type LocalDate } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import type { LapseReportsTable } from '../../db/lapse-tables';
import { findMembership, readToldEntries, type ReadDecision } from '../../access/access';
import { findTimeZone } from '../intake/intake.service';
import { findOwnTriggerLabels } from '../triggers/triggers.service';

type ParsedLapseInput = Required<LapseInput>;
type Row = Omit<LapseReportsTable, 'id' | 'createdAt' | 'triggerIds' | 'toldPartnerAt' | 'toldCareTeamAt' | 'reflectedAt'> & {
  id: string;
  createdAt: Date;
  triggerIds: string[];
  toldPartnerAt: Date | null;
  toldCareTeamAt: Date | null;
  reflectedAt: Date | null;
};

/** Everything the owner wrote in words, encrypted as one value bound to the report. */
interface Details {
  whatHappened: string;
  warningSigns: string[];
  whatIDidAfter: string;
  /** The triggers as they were named when the report was written (the list may change later). */
  triggers: Array<{ id: string; label: string }>;
}
interface Reflection {
  learned: string;
  change: string;
}

const detailsContext = (id: string) => encryptionContext('lapse_reports', id, 'details');
const reflectionContext = (id: string) => encryptionContext('lapse_reports', id, 'reflection');
/** How far back a lapse can be reported (as far as a missed check-in can be filled in). */
const maxDaysBack = 365;
const hourMs = 3_600_000;

function fieldError(pointer: string, message: string): DomainError {
  return new DomainError('validation-failed', message, [{ pointer, message }]);
}

function nowDate(): Date {
  return new Date(clock.now().epochMilliseconds);
}

/** The next-day reflection is offered from 24 hours after the report for 14 days, until written. */
export function isReflectionDue(createdAt: Date, reflectedAt: Date | null, now: Date): boolean {
  const age = now.getTime() - createdAt.getTime();
  return reflectedAt === null && age >= reflectionAfterHours * hourMs && age <= reflectionOfferedForDays * 24 * hourMs;
}

function toLapse(row: Row, cipher: Cipher, decision: ReadDecision): Lapse {
  const isOwner = decision.relation === 'self';
  const details = JSON.parse(cipher.decrypt(row.detailsCiphertext, detailsContext(row.id))) as Details;
  const reflection =
    isOwner && row.reflectionCiphertext !== null && row.reflectedAt !== null
      ? {
          ...(JSON.parse(cipher.decrypt(row.reflectionCiphertext, reflectionContext(row.id))) as Reflection),
          at: row.reflectedAt.toISOString(),
        }
      : null;
  return {
    id: row.id,
    ownerId: row.ownerId,
    date: row.localDate,
    time: row.localTime,
    timeZone: row.timeZone,
    substances: row.substances as Substance[],
    whatHappened: details.whatHappened,
    triggers: details.triggers,
    warningSigns: details.warningSigns,
    whatIDidAfter: details.whatIDidAfter,
    told: isOwner ? { partner: row.toldPartnerId !== null, careTeam: row.toldCareTeamAt !== null } : null,
    reflection,
    reflectionDue: isOwner && isReflectionDue(row.createdAt, row.reflectedAt, nowDate()),
    createdAt: row.createdAt.toISOString(),
    can: { edit: isOwner },
  };
}

/** The partner to tell, by name: the actor's current partner; `not-in-couple` when there is none. */
async function currentPartner(db: DbOrTx, actor: Actor): Promise<{ coupleId: string; partnerId: string }> {
  const membership = await findMembership(db, actor.userId);
  const partner = membership
    ? await db
        .selectFrom('coupleMembers')
        .select('userId')
        .where('coupleId', '=', membership.coupleId)
        .where('userId', '!=', actor.userId)
        .where('leftAt', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!membership || !partner) {
    throw new DomainError('not-in-couple', 'There is no partner in your couple space to tell yet.');
  }
  return { coupleId: membership.coupleId, partnerId: partner.userId };
}

/**
 * The actor writes a lapse report about themselves (nobody reports another person's use). The
 * day and time are in the actor's own time zone, not in the future, at most 365 days back; the
 * triggers come from their own list. Telling the partner and/or the care team is off unless chosen.
 */
export async function writeLapse(db: Db, cipher: Cipher, actor: Actor, input: ParsedLapseInput): Promise<Lapse> {
  const timeZone = actor.timeZone ?? (await findTimeZone(db, actor.userId));
  const now = clock.now().toZonedDateTimeISO(timeZone);
  const today = now.toPlainDate().toString();
  if (input.date > today) {
    throw fieldError('/date', 'A lapse report is about something that already happened: choose today or an earlier day.');
  }
  if (input.date < addDays(today, -maxDaysBack)) {
    throw fieldError('/date', `A lapse can be reported up to ${maxDaysBack} days later.`);
  }
  if (input.date === today && input.time > now.toPlainTime().toString().slice(0, 5)) {
    throw fieldError('/time', 'Choose a time that has already passed today.');
  }
  const triggers = await findOwnTriggerLabels(db, cipher, actor.userId, input.triggerIds, '/triggerIds');
  const id = randomUUID();
  const details: Details = {
    whatHappened: input.whatHappened,
    warningSigns: input.warningSigns,
    whatIDidAfter: input.whatIDidAfter,
    triggers,
  };
  return db.transaction().execute(async (tx) => {
    const partner = input.tellPartner ? await currentPartner(tx, actor) : null;
    const createdAt = nowDate();
    const row = await tx
      .insertInto('lapseReports')
      .values({
        id,
        ownerId: actor.userId,
        localDate: input.date,
        localTime: input.time,
        timeZone,
        substances: input.substances,
        triggerIds: triggers.map((trigger) => trigger.id),
        detailsCiphertext: cipher.encrypt(JSON.stringify(details), detailsContext(id)),
        toldPartnerId: partner?.partnerId ?? null,
        toldPartnerAt: partner ? createdAt : null,
        toldCareTeamAt: input.tellCareTeam ? createdAt : null,
        createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (partner) {
      await publishCoupleEvent(tx, partner.coupleId, { type: 'lapse.told', actorId: actor.userId, data: { lapseId: id } });
    }
    return toLapse(row, cipher, { relation: 'self', programId: null });
  });
}

/** The actor's own lapse reports, newest first. */
export async function findMyLapses(db: Db, cipher: Cipher, actor: Actor): Promise<Lapse[]> {
  const rows = await db
    .selectFrom('lapseReports')
    .selectAll()
    .where('ownerId', '=', actor.userId)
    .orderBy('localDate', 'desc')
    .orderBy('localTime', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((row) => toLapse(row, cipher, { relation: 'self', programId: null }));
}

async function ownRow(db: DbOrTx, actor: Actor, id: string): Promise<Row> {
  const row = await db.selectFrom('lapseReports').selectAll().where('id', '=', id).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  return row;
}

export async function findMyLapse(db: Db, cipher: Cipher, actor: Actor, id: string): Promise<Lapse> {
  return toLapse(await ownRow(db, actor, id), cipher, { relation: 'self', programId: null });
}

/**
 * The owner tells a report to their partner and/or care team, or takes it back. Effective on the
 * next request: every read asks who it is told to right now. Telling the partner names the
 * current partner (`not-in-couple` when there is none); a report stays told to that person only.
 */
export async function setLapseTelling(db: Db, cipher: Cipher, actor: Actor, id: string, telling: LapseTellingInput): Promise<Lapse> {
  return db.transaction().execute(async (tx) => {
    const row = await ownRow(tx, actor, id);
    const now = nowDate();
    let partner: { coupleId: string; partnerId: string } | null = null;
    if (telling.partner) {
      partner = await currentPartner(tx, actor);
    }
    const keepPartner = partner !== null && row.toldPartnerId === partner.partnerId;
    const updated = await tx
      .updateTable('lapseReports')
      .set({
        toldPartnerId: partner?.partnerId ?? null,
        toldPartnerAt: partner ? (keepPartner ? row.toldPartnerAt : now) : null,
        toldCareTeamAt: telling.careTeam ? (row.toldCareTeamAt ?? now) : null,
      })
      .where('id', '=', id)
      .where('ownerId', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const membership = await findMembership(tx, actor.userId);
    if (membership && partner && !keepPartner) {
      await publishCoupleEvent(tx, membership.coupleId, { type: 'lapse.told', actorId: actor.userId, data: { lapseId: id } });
    } else if (membership && row.toldPartnerId !== null && partner === null) {
      // The partner's open screens drop it at once (the report itself is refused from now on).
      await publishCoupleEvent(tx, membership.coupleId, { type: 'lapse.untold', actorId: actor.userId, data: { lapseId: id } });
    }
    return toLapse(updated, cipher, { relation: 'self', programId: null });
  });
}

/** The owner's next-day reflection: what they learned and what they would change in the plan. */
export async function reflectOnLapse(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  input: Required<LapseReflectionInput>,
): Promise<Lapse> {
  await ownRow(db, actor, id);
  const row = await db
    .updateTable('lapseReports')
    .set({
      reflectionCiphertext: cipher.encrypt(JSON.stringify({ learned: input.learned, change: input.change }), reflectionContext(id)),
      reflectedAt: nowDate(),
    })
    .where('id', '=', id)
    .where('ownerId', '=', actor.userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLapse(row, cipher, { relation: 'self', programId: null });
}

/** The owner deletes a report (it is their data); its day then counts only by its check-in. */
export async function deleteLapse(db: Db, actor: Actor, id: string): Promise<void> {
  const result = await db.deleteFrom('lapseReports').where('id', '=', id).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
}

/** Only the reports told to this viewer right now (the rule of `isToldTo`, in SQL). */
function toldToViewer(decision: ReadDecision, viewerId: string) {
  switch (decision.relation) {
    case 'self':
      return sql<boolean>`true`;
    case 'partner':
      return sql<boolean>`told_partner_id = ${viewerId}::uuid`;
    case 'clinician':
      return sql<boolean>`told_care_team_at is not null`;
  }
}

/** Reports of `ownerId` the actor may read: told to them (partner by name, or care team); audited when there are any. */
export async function findLapsesToldTo(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<Lapse[]> {
  return readToldEntries(
    db,
    actor,
    ownerId,
    'lapses',
    async (tx, decision) => {
      const rows = await tx
        .selectFrom('lapseReports')
        .selectAll()
        .where('ownerId', '=', ownerId)
        .where(toldToViewer(decision, actor.userId))
        .orderBy('localDate', 'desc')
        .orderBy('localTime', 'desc')
        .execute();
      return rows.map((row) => toLapse(row, cipher, decision));
    },
    (lapses) => lapses.length > 0,
  );
}

/** One report of `ownerId`, when told to the actor; otherwise `not-found`, exactly like a missing one. */
export async function findLapseToldTo(db: Db, cipher: Cipher, actor: Actor, ownerId: string, id: string): Promise<Lapse> {
  return readToldEntries(db, actor, ownerId, 'lapses', async (tx, decision) => {
    const row = await tx
      .selectFrom('lapseReports')
      .selectAll()
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .where(toldToViewer(decision, actor.userId))
      .executeTakeFirst();
    return row ? toLapse(row, cipher, decision) : undefined;
  });
}

/**
 * The days of `ownerId`'s lapse reports that count as days with use for this viewer's counters
 * and calendar: all of them for the owner; for anyone else only the reports told to them, so a
 * counter never gives away a report its owner did not tell.
 */
export async function findLapseDatesFor(db: DbOrTx, ownerId: string, viewerId: string, decision: ReadDecision): Promise<LocalDate[]> {
  const rows = await db
    .selectFrom('lapseReports')
    .select('localDate')
    .distinct()
    .where('ownerId', '=', ownerId)
    .where(toldToViewer(decision, viewerId))
    .execute();
  return rows.map((row) => row.localDate).sort();
}
