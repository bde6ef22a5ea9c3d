import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../platform/db';

/** Kysely queries for session notes; the where-clauses deciding visibility come from access/session-notes.ts. */

export interface NoteRow {
  id: string;
  programId: string;
  coupleId: string;
  scope: 'joint' | 'individual';
  subjectIds: string[];
  sessionDate: string;
  sessionId: string | null;
  authorId: string;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  signedBy: string | null;
  sharedAt: Date | null;
  bodyCiphertext: string;
}

export interface AddendumRow {
  id: string;
  noteId: string;
  bodyCiphertext: string;
  authorId: string;
  createdAt: Date;
}

/** Notes matching `visible` (and `noteId` when given), each with its latest version's ciphertext; newest session first. */
export async function selectNotes(db: DbOrTx, visible: RawBuilder<boolean>, noteId?: string): Promise<NoteRow[]> {
  let query = db
    .selectFrom('sessionNotes')
    .innerJoin('sessionNoteVersions as v', (join) =>
      join.onRef('v.noteId', '=', 'sessionNotes.id').onRef('v.version', '=', 'sessionNotes.currentVersion'),
    )
    .select([
      'sessionNotes.id',
      'sessionNotes.programId',
      'sessionNotes.coupleId',
      'sessionNotes.scope',
      'sessionNotes.subjectIds',
      'sessionNotes.sessionDate',
      'sessionNotes.sessionId',
      'sessionNotes.authorId',
      'sessionNotes.currentVersion',
      'sessionNotes.createdAt',
      'sessionNotes.updatedAt',
      'sessionNotes.signedAt',
      'sessionNotes.signedBy',
      'sessionNotes.sharedAt',
      'v.bodyCiphertext',
    ])
    .where(visible);
  if (noteId !== undefined) {
    query = query.where('sessionNotes.id', '=', noteId);
  }
  return query.orderBy('sessionNotes.sessionDate', 'desc').orderBy('sessionNotes.createdAt', 'desc').execute();
}

/** The note's row, locked for the rest of the transaction, when `visible`. */
export async function lockNote(db: DbOrTx, visible: RawBuilder<boolean>, noteId: string) {
  return db
    .selectFrom('sessionNotes')
    .select(['id', 'scope', 'authorId', 'currentVersion', 'signedAt', 'sharedAt', 'subjectIds'])
    .where('id', '=', noteId)
    .where(visible)
    .forUpdate()
    .executeTakeFirst();
}

export async function selectAddenda(db: DbOrTx, noteIds: string[]): Promise<AddendumRow[]> {
  if (noteIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('sessionNoteAddenda')
    .select(['id', 'noteId', 'bodyCiphertext', 'authorId', 'createdAt'])
    .where('noteId', 'in', noteIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function selectVersions(db: DbOrTx, noteId: string) {
  return db
    .selectFrom('sessionNoteVersions')
    .select(['version', 'bodyCiphertext', 'writtenBy', 'writtenAt'])
    .where('noteId', '=', noteId)
    .orderBy('version')
    .execute();
}

export async function selectDisplayNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

export async function insertNote(
  db: DbOrTx,
  note: {
    id: string;
    programId: string;
    coupleId: string;
    scope: 'joint' | 'individual';
    subjectIds: string[];
    sessionDate: string;
    sessionId: string | null;
    authorId: string;
  },
  bodyCiphertext: string,
): Promise<void> {
  await db
    .insertInto('sessionNotes')
    .values({ ...note, currentVersion: 1 })
    .execute();
  await db.insertInto('sessionNoteVersions').values({ noteId: note.id, version: 1, bodyCiphertext, writtenBy: note.authorId }).execute();
}

export async function insertVersion(db: DbOrTx, noteId: string, version: number, bodyCiphertext: string, writtenBy: string): Promise<void> {
  await db.insertInto('sessionNoteVersions').values({ noteId, version, bodyCiphertext, writtenBy }).execute();
  await db
    .updateTable('sessionNotes')
    .set({ currentVersion: version, updatedAt: sql<Date>`now()` })
    .where('id', '=', noteId)
    .execute();
}

export async function markSigned(db: DbOrTx, noteId: string, signedBy: string): Promise<void> {
  await db
    .updateTable('sessionNotes')
    .set({ signedAt: sql<Date>`now()`, signedBy })
    .where('id', '=', noteId)
    .execute();
}

export async function markShared(db: DbOrTx, noteId: string, shared: boolean): Promise<void> {
  await db
    .updateTable('sessionNotes')
    .set({ sharedAt: shared ? sql<Date>`coalesce(shared_at, now())` : null })
    .where('id', '=', noteId)
    .execute();
}

export async function insertAddendum(db: DbOrTx, addendum: { id: string; noteId: string; authorId: string }, bodyCiphertext: string) {
  await db
    .insertInto('sessionNoteAddenda')
    .values({ ...addendum, bodyCiphertext })
    .execute();
}

/** Shared joint notes matching `visible`, with the program's name, for the partners. */
export async function selectSharedNotes(db: DbOrTx, visible: RawBuilder<boolean>) {
  return db
    .selectFrom('sessionNotes')
    .innerJoin('sessionNoteVersions as v', (join) =>
      join.onRef('v.noteId', '=', 'sessionNotes.id').onRef('v.version', '=', 'sessionNotes.currentVersion'),
    )
    .innerJoin('programs', 'programs.id', 'sessionNotes.programId')
    .innerJoin('users as author', 'author.id', 'sessionNotes.authorId')
    .select([
      'sessionNotes.id',
      'sessionNotes.sessionDate',
      'sessionNotes.currentVersion',
      'sessionNotes.signedAt',
      'sessionNotes.sharedAt',
      'v.bodyCiphertext',
      'programs.name as programName',
      'author.displayName as authorName',
    ])
    .where(visible)
    .orderBy('sessionNotes.sessionDate', 'desc')
    .orderBy('sessionNotes.createdAt', 'desc')
    .execute();
}
