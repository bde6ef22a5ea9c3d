import { randomUUID } from 'node:crypto';
import type {
  SessionNote,
  SessionNoteEditInput,
  SessionNoteInput,
  SessionNoteList,
  SessionNoteVersion,
  SharedSessionNote,
} from '@twofold/core/care-notes/session-note.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { findCoupleSessionRows } from '../care-sessions/care-sessions.service';
import {
  type NotesCare,
  noteInCareFilter,
  readSessionNotesAs,
  requireSharedNoteReader,
  sharedNoteFilter,
  writeSessionNotesAs,
} from '../../access/session-notes';
import {
  type AddendumRow,
  type NoteRow,
  insertAddendum,
  insertNote,
  insertVersion,
  lockNote,
  markShared,
  markSigned,
  selectAddenda,
  selectDisplayNames,
  selectNotes,
  selectSharedNotes,
  selectVersions,
} from './session-notes.repository';

const versionContext = (noteId: string, version: number) => encryptionContext('session_note_versions', `${noteId}/${version}`, 'body');
const addendumContext = (id: string) => encryptionContext('session_note_addenda', id, 'body');

function notFound(): DomainError {
  return new DomainError('not-found', 'Nothing to show here.');
}

async function toNotes(db: DbOrTx, cipher: Cipher, actor: Actor, rows: NoteRow[]): Promise<SessionNote[]> {
  const addenda = await selectAddenda(
    db,
    rows.map((row) => row.id),
  );
  const names = await selectDisplayNames(db, [
    ...rows.flatMap((row) => [...row.subjectIds, row.authorId, ...(row.signedBy ? [row.signedBy] : [])]),
    ...addenda.map((addendum) => addendum.authorId),
  ]);
  const person = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  const byNote = new Map<string, AddendumRow[]>();
  for (const addendum of addenda) {
    byNote.set(addendum.noteId, [...(byNote.get(addendum.noteId) ?? []), addendum]);
  }
  return rows.map((row) => {
    const isAuthor = row.authorId === actor.userId;
    const isSigned = row.signedAt !== null;
    return {
      id: row.id,
      programId: row.programId,
      coupleId: row.coupleId,
      scope: row.scope,
      about: row.subjectIds.map(person),
      sessionDate: row.sessionDate,
      sessionId: row.sessionId,
      body: cipher.decrypt(row.bodyCiphertext, versionContext(row.id, row.currentVersion)),
      version: row.currentVersion,
      author: person(row.authorId),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      signedAt: row.signedAt?.toISOString() ?? null,
      signedBy: row.signedBy ? person(row.signedBy) : null,
      sharedWithCoupleAt: row.sharedAt?.toISOString() ?? null,
      addenda: (byNote.get(row.id) ?? []).map((addendum) => ({
        id: addendum.id,
        body: cipher.decrypt(addendum.bodyCiphertext, addendumContext(addendum.id)),
        author: person(addendum.authorId),
        createdAt: addendum.createdAt.toISOString(),
      })),
      can: {
        edit: isAuthor && !isSigned,
        sign: isAuthor && !isSigned,
        share: isAuthor && isSigned && row.scope === 'joint',
        addAddendum: isSigned,
      },
    };
  });
}

async function oneNote(db: DbOrTx, cipher: Cipher, actor: Actor, care: NotesCare, noteId: string): Promise<SessionNote> {
  const [note] = await toNotes(db, cipher, actor, await selectNotes(db, noteInCareFilter(care), noteId));
  if (!note) {
    throw notFound();
  }
  return note;
}

/**
 * The session notes of a couple, for a clinician of their program: every note about people in their
 * care there (access/session-notes.ts), newest session first, with what the clinician may do.
 * A clinical-record read: one audit row per person whose notes are listed.
 */
export async function findSessionNotes(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
): Promise<SessionNoteList> {
  return readSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    const notes = await toNotes(tx, cipher, actor, await selectNotes(tx, noteInCareFilter(care)));
    return {
      result: {
        coupleId,
        partners: care.partners,
        notes,
        can: { writeJoint: care.bothInCare, writeIndividual: true },
      },
      subjects: notes.flatMap((note) => note.about.map((person) => person.id)),
    };
  });
}

/**
 * A clinician writes a note about a couple in their care: joint (both partners must be in care) or
 * individual (about one partner in care; anyone else is `not-found`). Stored as version 1, encrypted.
 */
export async function writeSessionNote(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  input: SessionNoteInput,
): Promise<SessionNote> {
  return writeSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    let subjectIds: string[];
    if (input.scope === 'individual') {
      if (!care.partners.some((partner) => partner.id === input.partnerId)) {
        throw notFound();
      }
      subjectIds = [input.partnerId!];
    } else {
      if (!care.bothInCare) {
        throw new DomainError('conflict', 'A joint note needs both partners to have accepted the program.');
      }
      subjectIds = care.partners.map((partner) => partner.id);
    }
    if (input.sessionId !== undefined) {
      // The session must be one of this couple's in the program, of the same kind (joint, or with that partner).
      const session = (await findCoupleSessionRows(tx, care.inCare)).find((row) => row.id === input.sessionId);
      const matches =
        session !== undefined && session.format === input.scope && (input.scope === 'joint' || session.partnerId === input.partnerId);
      if (!matches) {
        const message = 'Choose one of this couple’s sessions of the same kind, or none.';
        throw new DomainError('validation-failed', message, [{ pointer: '/sessionId', message }]);
      }
    }
    const id = randomUUID();
    await insertNote(
      tx,
      {
        id,
        programId,
        coupleId,
        scope: input.scope,
        subjectIds,
        sessionDate: input.sessionDate,
        sessionId: input.sessionId ?? null,
        authorId: actor.userId,
      },
      cipher.encrypt(input.body, versionContext(id, 1)),
    );
    return oneNote(tx, cipher, actor, care, id);
  });
}

/** Locks a note the clinician may see and checks that the actor wrote it and has not signed it. */
async function lockOwnDraft(tx: DbOrTx, actor: Actor, care: NotesCare, noteId: string) {
  const note = await lockNote(tx, noteInCareFilter(care), noteId);
  if (!note) {
    throw notFound();
  }
  if (note.authorId !== actor.userId) {
    throw new DomainError('forbidden', 'Only the clinician who wrote this note can change or sign it. Add an addendum once it is signed.');
  }
  if (note.signedAt !== null) {
    throw new DomainError('conflict', 'This note is signed and can no longer change. Add an addendum instead.');
  }
  return note;
}

/**
 * The author edits an unsigned note: a new version, the earlier ones kept. Refused when someone
 * saved a newer version since `baseVersion` (409), or once signed (409).
 */
export async function editSessionNote(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  noteId: string,
  input: SessionNoteEditInput,
): Promise<SessionNote> {
  return writeSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    const note = await lockOwnDraft(tx, actor, care, noteId);
    if (note.currentVersion !== input.baseVersion) {
      throw new DomainError('conflict', 'This note changed since you opened it. Reload it to see the newer version, then edit again.');
    }
    const version = note.currentVersion + 1;
    await insertVersion(tx, noteId, version, cipher.encrypt(input.body, versionContext(noteId, version)), actor.userId);
    return oneNote(tx, cipher, actor, care, noteId);
  });
}

/** The author signs a note: it is locked from then on. */
export async function signSessionNote(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  noteId: string,
): Promise<SessionNote> {
  return writeSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    await lockOwnDraft(tx, actor, care, noteId);
    await markSigned(tx, noteId, actor.userId);
    return oneNote(tx, cipher, actor, care, noteId);
  });
}

/** Any clinician with the note in their care adds words to a signed note. */
export async function addSessionNoteAddendum(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  noteId: string,
  body: string,
): Promise<SessionNote> {
  return writeSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    const note = await lockNote(tx, noteInCareFilter(care), noteId);
    if (!note) {
      throw notFound();
    }
    if (note.signedAt === null) {
      throw new DomainError('conflict', 'Edit the note itself until it is signed; addenda are for signed notes.');
    }
    const id = randomUUID();
    await insertAddendum(tx, { id, noteId, authorId: actor.userId }, cipher.encrypt(body, addendumContext(id)));
    return oneNote(tx, cipher, actor, care, noteId);
  });
}

/**
 * The author shares a signed joint note with the couple (both partners then read it in their app),
 * or stops sharing it. An individual note is never shared: it belongs to one partner's record.
 */
export async function setSessionNoteSharing(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  noteId: string,
  shared: boolean,
): Promise<SessionNote> {
  return writeSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    const note = await lockNote(tx, noteInCareFilter(care), noteId);
    if (!note) {
      throw notFound();
    }
    if (note.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the clinician who wrote this note can share it.');
    }
    if (note.scope !== 'joint') {
      throw new DomainError('conflict', 'An individual note stays in one partner’s record: it cannot be shared with the couple.');
    }
    if (note.signedAt === null) {
      throw new DomainError('conflict', 'Sign the note first: the couple sees only signed notes.');
    }
    await markShared(tx, noteId, shared);
    return oneNote(tx, cipher, actor, care, noteId);
  });
}

/** Every version of a note, oldest first, for a clinician with it in their care (audited). */
export async function findSessionNoteVersions(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  noteId: string,
): Promise<{ noteId: string; versions: SessionNoteVersion[] }> {
  return readSessionNotesAs(db, actor, programId, coupleId, async (tx, care) => {
    const note = await lockNote(tx, noteInCareFilter(care), noteId);
    if (!note) {
      return undefined;
    }
    const rows = await selectVersions(tx, noteId);
    const names = await selectDisplayNames(
      tx,
      rows.map((row) => row.writtenBy),
    );
    const versions = rows.map((row) => ({
      version: row.version,
      body: cipher.decrypt(row.bodyCiphertext, versionContext(noteId, row.version)),
      writtenBy: { id: row.writtenBy, displayName: names.get(row.writtenBy) ?? '' },
      writtenAt: row.writtenAt.toISOString(),
    }));
    return { result: { noteId, versions }, subjects: note.subjectIds };
  });
}

/** The joint notes shared with the actor's couple, as the partners see them: read-only, signed text. */
export async function findSharedSessionNotes(db: Db, cipher: Cipher, actor: Actor): Promise<SharedSessionNote[]> {
  const reader = await requireSharedNoteReader(db, actor);
  const rows = await selectSharedNotes(db, sharedNoteFilter(actor, reader));
  return rows.map((row) => ({
    id: row.id,
    sessionDate: row.sessionDate,
    body: cipher.decrypt(row.bodyCiphertext, versionContext(row.id, row.currentVersion)),
    author: { displayName: row.authorName },
    programName: row.programName,
    signedAt: row.signedAt!.toISOString(),
    sharedAt: row.sharedAt!.toISOString(),
  }));
}
