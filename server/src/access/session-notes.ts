import { sql } from 'kysely';
import type { careRecordKinds } from '@twofold/core/audit/audit.schemas';
import type { Db, DbOrTx, Tx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntry } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { requireMembership } from './access';
import { type CoupleInCare, requireCoupleInCare } from './care-sessions';

/**
 * Who may write and read session notes, the clinical records a program keeps about a couple.
 *
 * Decisions (issue 8):
 * - A note is written, read and changed only by an active clinician of the note's program with
 *   two-step sign-in (`requireProgramRole`), and only about people in their care there right now:
 *   current members of the couple whose enrollment in that program is accepted and not ended. A
 *   partner who leaves the program or the couple takes their notes out of every clinician's reach
 *   at the next request, like the rest of their data. Someone outside the program, a deactivated
 *   clinician, a program admin who is not a clinician: `not-found`.
 * - A note is the program's own record, not data a partner shares, so it needs no sharing setting
 *   or per-kind consent: the enrollment the person accepted is the relation. Every note is part of
 *   the record of each person it is about (`subject_ids`): a joint note of both partners, an
 *   individual note of one. A clinician sees a note only while EVERY person it is about is in their
 *   care (`isNoteInCare`), so a joint note does not outlive one partner's consent to the program.
 * - Reading notes is a clinical-record read: audited, kind `session-notes`, one row per person
 *   whose notes were disclosed, in the transaction of the read. That includes a clinician reading
 *   a note they wrote (it is still that person's record), but not writing one: the write is the
 *   clinician's own work, not another person's data, and the note itself records who wrote it.
 * - Partners read only joint notes shared with the couple (`requireSharedNoteReader`), and only
 *   while both people the note is about are the current members of their couple: an individual note
 *   never reaches a partner, and a later partner of the couple never inherits the notes of the
 *   previous pair. A partner reading a note about themselves and their partner, given to both, is
 *   not audited.
 */
export interface NotesCare {
  programId: string;
  coupleId: string;
  /** Current members of the couple with an accepted, not ended enrollment in the program (access/care-sessions.ts). */
  partners: { id: string; displayName: string }[];
  /** Both current members of the couple are in care (joint notes can be written). */
  bothInCare: boolean;
  /** The same people as the care team's sessions and homework see them (for reading the couple's sessions). */
  inCare: CoupleInCare;
}

export const sessionNotesAuditKind = 'session-notes' satisfies (typeof careRecordKinds)[number];

/**
 * The couple as a clinician of `programId` may see it for session notes: the same people in care as
 * sessions and homework (`requireCoupleInCare`, access/care-sessions.ts), and whether both current
 * members are. Anyone who is not an active clinician of the program assigned to the couple (an admin
 * included), and a couple with nobody in the program's care, gets `not-found`.
 */
export async function requireNotesCare(db: DbOrTx, actor: Actor, programId: string, coupleId: string): Promise<NotesCare> {
  const couple = await requireCoupleInCare(db, actor, programId, coupleId);
  const members = await db
    .selectFrom('coupleMembers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('coupleId', '=', coupleId)
    .where('leftAt', 'is', null)
    .executeTakeFirstOrThrow();
  const partners = couple.partners.map(({ id, displayName }) => ({ id, displayName }));
  return { programId, coupleId, partners, bothInCare: Number(members.n) === 2 && partners.length === 2, inCare: couple };
}

/** Pure rule: a clinician sees a note only while every person it is about is in their care. */
export function isNoteInCare(subjectIds: readonly string[], inCare: readonly string[]): boolean {
  return subjectIds.length > 0 && subjectIds.every((id) => inCare.includes(id));
}

/** SQL form of `isNoteInCare`, for the repository's `where`. */
export function noteInCareFilter(care: NotesCare) {
  const ids = care.partners.map((partner) => partner.id);
  return sql<boolean>`session_notes.program_id = ${care.programId}::uuid and session_notes.couple_id = ${care.coupleId}::uuid
    and session_notes.subject_ids <@ ${sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`))}]`}`;
}

/**
 * Reads session notes for a clinician: decides (`requireNotesCare`), reads, and audits in one
 * transaction. `read` must filter with `noteInCareFilter` and return the people whose notes it
 * disclosed (`subjects`); one audit row each (a read that disclosed nothing writes none).
 * `read` returning `undefined` answers `not-found`, like absence.
 */
export async function readSessionNotesAs<T>(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  read: (tx: Tx, care: NotesCare) => Promise<{ result: T; subjects: readonly string[] } | undefined>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const care = await requireNotesCare(tx, actor, programId, coupleId);
    const answer = await read(tx, care);
    if (answer === undefined) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    // Each person's chain in id order, so two clinicians reading at once never wait on each other in a cycle.
    for (const subjectId of [...new Set(answer.subjects)].sort()) {
      await appendAuditEntry(tx, {
        actorId: actor.userId,
        subjectId,
        kind: sessionNotesAuditKind,
        action: 'read',
        purpose: 'treatment',
        relation: 'clinician',
        programId,
      });
    }
    return answer.result;
  });
}

/** Writes to the notes of a couple in the clinician's care (not audited as a read: see above). */
export async function writeSessionNotesAs<T>(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  write: (tx: Tx, care: NotesCare) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => write(tx, await requireNotesCare(tx, actor, programId, coupleId)));
}

export interface SharedNoteReader {
  coupleId: string;
  /** The current members of the actor's couple, the actor included. */
  memberIds: string[];
}

/** A partner reading the joint notes shared with their couple: current members only. */
export async function requireSharedNoteReader(db: DbOrTx, actor: Actor): Promise<SharedNoteReader> {
  const { coupleId } = await requireMembership(db, actor);
  const members = await db
    .selectFrom('coupleMembers')
    .select('userId')
    .where('coupleId', '=', coupleId)
    .where('leftAt', 'is', null)
    .execute();
  return { coupleId, memberIds: members.map((member) => member.userId) };
}

/**
 * SQL form of the partner rule: a shared joint note of the couple about the actor and whose every
 * subject is a current member (so about this pair, not a previous one).
 */
export function sharedNoteFilter(actor: Actor, reader: SharedNoteReader) {
  return sql<boolean>`session_notes.couple_id = ${reader.coupleId}::uuid and session_notes.scope = 'joint'
    and session_notes.shared_at is not null and ${actor.userId}::uuid = any(session_notes.subject_ids)
    and session_notes.subject_ids <@ ${sql`array[${sql.join(reader.memberIds.map((id) => sql`${id}::uuid`))}]`}`;
}
