import { createHash, randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { createEvents, type EventAttributes } from 'ics';
import {
  calendarEventTitle,
  type AttendanceInput,
  type CalendarFeed,
  type CareSession,
  type CareSessionList,
  type CreatedCalendarFeed,
  type RescheduleSessionInput,
  type ScheduleSessionInput,
} from '@twofold/core/care/session.schemas';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/local-date';
import { assertOwnerWrite, requireProgramRole } from '../../access/access';
import { readCoupleCareRecords, requireCoupleInCare, type CoupleInCare } from '../../access/care-sessions';
import * as repo from './care-sessions.repository';

/**
 * Sessions with the care team (issue 8). A clinician of the program schedules, reschedules and
 * cancels a couple's joint and individual sessions and records attendance; each partner lists only
 * the sessions they take part in (an individual session of the other partner has no participant
 * row for them); each person may have a secret calendar feed of their own sessions, in neutral words.
 */

const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);
const notFound = () => new DomainError('not-found', 'Nothing to show here.');
const invalid = (pointer: string, message: string) => new DomainError('validation-failed', message, [{ pointer, message }]);

/** How far back a partner's list and a calendar feed reach. */
const pastDays = 60;
/** A session is scheduled at most this far from today (a typo in the year should not go through). */
const maxYearsAway = 2;

/** The instant of a local date and time in `timeZone`; a time skipped by a DST change moves forward ("compatible"). */
export function sessionInstant(date: string, time: string, timeZone: string): Temporal.Instant {
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) })
    .toInstant();
}

function checkStart(start: { date: string; time: string }, timeZone: string): Temporal.Instant {
  const at = sessionInstant(start.date, start.time, timeZone);
  const now = clock.now().toZonedDateTimeISO(timeZone);
  const earliest = now.subtract({ years: maxYearsAway }).toInstant();
  const latest = now.add({ years: maxYearsAway }).toInstant();
  if (Temporal.Instant.compare(at, earliest) < 0 || Temporal.Instant.compare(at, latest) > 0) {
    throw invalid('/start/date', `Choose a date within ${maxYearsAway} years of today.`);
  }
  return at;
}

const hhmm = (zoned: Temporal.ZonedDateTime) => zoned.toPlainTime().toString({ smallestUnit: 'minute' });

function toView(
  row: repo.SessionRow,
  participants: repo.ParticipantRow[],
  viewer: { id: string; timeZone: string; isClinician: boolean },
): CareSession {
  const start = Temporal.Instant.fromEpochMilliseconds(row.startsAt.getTime()).toZonedDateTimeISO(viewer.timeZone);
  const end = start.add({ minutes: row.durationMinutes });
  const editable = viewer.isClinician && row.status === 'scheduled';
  return {
    id: row.id,
    programId: row.programId,
    coupleId: row.coupleId,
    format: row.format,
    startsAt: row.startsAt.toISOString(),
    endsAt: new Date(end.epochMilliseconds).toISOString(),
    local: { date: start.toPlainDate().toString(), time: hhmm(start), endTime: hhmm(end), timeZone: viewer.timeZone },
    durationMinutes: row.durationMinutes,
    place: row.place,
    videoUrl: row.videoUrl,
    status: row.status,
    clinician: row.clinicianId !== null && row.clinicianName !== null ? { id: row.clinicianId, displayName: row.clinicianName } : null,
    participants: participants
      .filter((participant) => participant.sessionId === row.id)
      .map((participant) => ({
        personId: participant.personId,
        displayName: participant.displayName,
        // A partner sees their own attendance only, never the other partner's.
        attendance: viewer.isClinician || participant.personId === viewer.id ? participant.attendance : null,
      })),
    can: { reschedule: editable, cancel: editable, recordAttendance: editable },
  };
}

async function viewsOf(
  db: DbOrTx,
  rows: repo.SessionRow[],
  viewer: { id: string; timeZone: string; isClinician: boolean },
): Promise<CareSession[]> {
  const participants = await repo.findParticipants(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toView(row, participants, viewer));
}

const timeZoneOf = async (db: DbOrTx, actor: Actor) => actor.timeZone ?? repo.findTimeZone(db, actor.userId);

/**
 * A clinician of the program schedules a session for an enrolled couple: joint (every partner in
 * care, so both must have accepted the program) or individual (one partner in care). The start is
 * on the clinician's own clock. Throws `not-found` for a couple not in care, `validation-failed`.
 */
export async function scheduleSession(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  input: ScheduleSessionInput,
): Promise<CareSession> {
  const timeZone = await timeZoneOf(db, actor);
  const id = await db.transaction().execute(async (tx) => {
    const couple = await requireCoupleInCare(tx, actor, programId, coupleId);
    const participantIds = participantsFor(couple, input);
    const startsAt = checkStart(input.start, timeZone);
    return repo.insertSession(
      tx,
      {
        programId,
        coupleId,
        clinicianId: actor.userId,
        format: input.format,
        partnerId: input.partnerId,
        startsAt: toDate(startsAt),
        durationMinutes: input.durationMinutes,
        place: input.place,
        videoUrl: input.videoUrl,
      },
      participantIds,
    );
  });
  return findSessionForClinician(db, actor, programId, id, timeZone);
}

function participantsFor(couple: CoupleInCare, input: ScheduleSessionInput): string[] {
  const inCare = couple.partners.map((partner) => partner.id);
  if (input.format === 'joint') {
    if (inCare.length < 2) {
      throw invalid('/format', 'A joint session needs both partners to have accepted the program.');
    }
    return inCare;
  }
  if (input.partnerId === null || !inCare.includes(input.partnerId)) {
    throw invalid('/partnerId', 'Choose a partner of this couple who accepted the program.');
  }
  return [input.partnerId];
}

async function findSessionForClinician(db: Db, actor: Actor, programId: string, sessionId: string, timeZone: string): Promise<CareSession> {
  const row = await repo.findSession(db, programId, sessionId);
  if (!row) {
    throw notFound();
  }
  const [view] = await viewsOf(db, [row], { id: actor.userId, timeZone, isClinician: true });
  return view!;
}

/** A couple's sessions (both kinds, with attendance), for a clinician of the program; audited for each partner in care. */
export async function listCoupleSessions(db: Db, actor: Actor, programId: string, coupleId: string): Promise<CareSessionList> {
  const timeZone = await timeZoneOf(db, actor);
  return readCoupleCareRecords(db, actor, programId, coupleId, 'care-sessions', async (tx, couple) => {
    const rows = await findCoupleSessionRows(tx, couple);
    return { sessions: await viewsOf(tx, rows, { id: actor.userId, timeZone, isClinician: true }) };
  });
}

/**
 * A couple's sessions in a program for an already-authorized caller (the couple overview, the
 * progress report): joint sessions and the individual sessions of partners in care, oldest first,
 * with attendance. Does no access check and writes no audit entry: call it inside
 * `readCoupleCareRecords` (access/care-sessions.ts) or after an equivalent check.
 */
export async function findCoupleSessionRows(db: DbOrTx, couple: CoupleInCare): Promise<repo.SessionRow[]> {
  return repo.findSessionsOfCouple(
    db,
    couple.programId,
    couple.coupleId,
    couple.partners.map((partner) => partner.id),
  );
}

/** As `findCoupleSessionRows`, as the API shapes them, times on `timeZone`'s clock (see its access note). */
export async function findCoupleSessions(db: DbOrTx, couple: CoupleInCare, viewerId: string, timeZone: string): Promise<CareSession[]> {
  return viewsOf(db, await findCoupleSessionRows(db, couple), { id: viewerId, timeZone, isClinician: true });
}

/** Locks a session and checks the actor may act on it: a clinician of its program, its couple (and partner) still in care. */
async function lockForClinician(tx: Tx, actor: Actor, programId: string, sessionId: string) {
  await requireProgramRole(tx, actor, programId, ['clinician']);
  const session = await repo.lockSession(tx, programId, sessionId);
  if (!session) {
    throw notFound();
  }
  const couple = await requireCoupleInCare(tx, actor, programId, session.coupleId);
  if (session.partnerId !== null && !couple.partners.some((partner) => partner.id === session.partnerId)) {
    throw notFound();
  }
  return { session, couple };
}

/** Moves a scheduled session (start on the clinician's clock, length, place, link). Throws `conflict` once cancelled. */
export async function rescheduleSession(
  db: Db,
  actor: Actor,
  programId: string,
  sessionId: string,
  input: RescheduleSessionInput,
): Promise<CareSession> {
  const timeZone = await timeZoneOf(db, actor);
  await db.transaction().execute(async (tx) => {
    await lockForClinician(tx, actor, programId, sessionId);
    const current = await repo.findSession(tx, programId, sessionId);
    if (current?.status !== 'scheduled') {
      throw new DomainError('conflict', 'This session was cancelled. Schedule a new one instead.');
    }
    const startsAt = checkStart(input.start, timeZone);
    await repo.updateSession(tx, sessionId, {
      startsAt: toDate(startsAt),
      durationMinutes: input.durationMinutes,
      place: input.place,
      videoUrl: input.videoUrl,
      updatedAt: toDate(clock.now()),
    });
  });
  return findSessionForClinician(db, actor, programId, sessionId, timeZone);
}

/** Cancels a scheduled session: it stays in the lists as cancelled, and calendar feeds mark it cancelled. */
export async function cancelSession(db: Db, actor: Actor, programId: string, sessionId: string): Promise<CareSession> {
  const timeZone = await timeZoneOf(db, actor);
  await db.transaction().execute(async (tx) => {
    await lockForClinician(tx, actor, programId, sessionId);
    if (!(await repo.cancelSession(tx, sessionId, toDate(clock.now())))) {
      throw new DomainError('conflict', 'This session is already cancelled.');
    }
  });
  return findSessionForClinician(db, actor, programId, sessionId, timeZone);
}

/** Records (or clears) each participant's attendance. A person who is not a participant is a `validation-failed`. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  programId: string,
  sessionId: string,
  input: AttendanceInput,
): Promise<CareSession> {
  const timeZone = await timeZoneOf(db, actor);
  await db.transaction().execute(async (tx) => {
    await lockForClinician(tx, actor, programId, sessionId);
    const current = await repo.findSession(tx, programId, sessionId);
    if (current?.status !== 'scheduled') {
      throw new DomainError('conflict', 'This session was cancelled.');
    }
    const at = toDate(clock.now());
    for (const [index, entry] of input.attendance.entries()) {
      if (!(await repo.setAttendance(tx, sessionId, entry.personId, entry.attendance, actor.userId, at))) {
        throw invalid(`/attendance/${index}/personId`, 'This person does not take part in this session.');
      }
    }
  });
  return findSessionForClinician(db, actor, programId, sessionId, timeZone);
}

/**
 * My sessions with the care team (only those I take part in), from two months ago on, on my own
 * clock. A joint session yet to begin shows only while both of us are still in the couple.
 */
export async function listMySessions(db: Db, actor: Actor): Promise<CareSessionList> {
  const timeZone = await timeZoneOf(db, actor);
  const since = toDate(clock.now().subtract({ hours: pastDays * 24 }));
  const rows = await repo.findSessionsOfPerson(db, actor.userId, since, toDate(clock.now()));
  return { sessions: await viewsOf(db, rows, { id: actor.userId, timeZone, isClinician: false }) };
}

// --- Calendar feeds -------------------------------------------------------------------------

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const feedPath = (token: string) => `/api/calendar/${token}/sessions.ics`;

/** Whether I have a calendar feed address (the address itself was shown once, when made). */
export async function findMyCalendarFeed(db: Db, actor: Actor): Promise<CalendarFeed> {
  const feed = await repo.findFeed(db, actor.userId);
  return { active: feed !== undefined, createdAt: feed ? feed.createdAt.toISOString() : null };
}

/** Makes a new secret feed address for me; the one before stops working at once. */
export async function createMyCalendarFeed(db: Db, actor: Actor, publicUrl: string): Promise<CreatedCalendarFeed> {
  assertOwnerWrite(actor, actor.userId);
  const token = randomBytes(32).toString('base64url');
  const at = toDate(clock.now());
  await repo.replaceFeed(db, actor.userId, hashToken(token), at);
  return { url: `${publicUrl.replace(/\/$/, '')}${feedPath(token)}`, createdAt: at.toISOString() };
}

/** Stops my feed address. Throws `not-found` when there is none. */
export async function revokeMyCalendarFeed(db: Db, actor: Actor): Promise<void> {
  assertOwnerWrite(actor, actor.userId);
  if (!(await repo.deleteFeed(db, actor.userId))) {
    throw notFound();
  }
}

/**
 * The .ics text of a feed, for calendar apps that fetch without cookies: the token is the only
 * key. Each event says only "Twofold session" and where to look (the app), with no place, link,
 * name or kind, in UTC; cancelled sessions stay as STATUS:CANCELLED so calendars remove them.
 * Throws `not-found` for an unknown or revoked token.
 */
export async function renderCalendarFeed(db: Db, token: string, publicUrl: string): Promise<string> {
  const owner = await repo.findFeedOwner(db, hashToken(token));
  if (!owner) {
    throw notFound();
  }
  const since = toDate(clock.now().subtract({ hours: pastDays * 24 }));
  const rows = await repo.findFeedSessions(db, owner.personId, since, toDate(clock.now()));
  const base = publicUrl.replace(/\/$/, '');
  const events: EventAttributes[] = rows.map((row) => ({
    uid: `${row.id}@twofold`,
    sequence: row.sequence,
    title: calendarEventTitle,
    description: `Details in Twofold: ${base}/care`,
    start: row.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: row.durationMinutes },
    status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    classification: 'PRIVATE',
    lastModified: row.updatedAt.getTime(),
    productId: 'twofold/sessions',
  }));
  const { error, value } = createEvents(events, { productId: 'twofold/sessions', calName: 'Twofold' });
  if (error || value === null) {
    throw error ?? new Error('calendar feed could not be made');
  }
  return value;
}

// --- For reminders (features/reminders) -----------------------------------------------------

/** Scheduled sessions these people take part in, starting in [from, to]: the sources of their session reminders. */
export async function findSessionStartsFor(
  db: DbOrTx,
  personIds: string[],
  from: Temporal.Instant,
  to: Temporal.Instant,
): Promise<Array<{ personId: string; sessionId: string; startsAt: Temporal.Instant }>> {
  const rows = await repo.findSessionStarts(db, personIds, toDate(from), toDate(to), toDate(clock.now()));
  return rows.map((row) => ({ ...row, startsAt: Temporal.Instant.fromEpochMilliseconds(row.startsAt.getTime()) }));
}

/** Whether a session reminder still applies: the person still takes part, and the session is still on at that start. */
export async function isSessionStillOn(db: DbOrTx, personId: string, sessionId: string, startsAt: Temporal.Instant): Promise<boolean> {
  return repo.isSessionOn(db, personId, sessionId, toDate(startsAt), toDate(clock.now()));
}
