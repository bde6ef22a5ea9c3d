import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** Session notes written by a clinician of the couple's program (migration 0021-session-notes). */
export interface SessionNotesTable {
  id: Generated<string>;
  programId: string;
  coupleId: string;
  scope: 'joint' | 'individual';
  /** Whose clinical record the note is part of: one partner (individual) or both (joint). */
  subjectIds: string[];
  sessionId: string | null;
  sessionDate: string;
  authorId: string;
  currentVersion: ColumnType<number, number | undefined, number>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  signedAt: Timestamp | null;
  signedBy: string | null;
  sharedAt: Timestamp | null;
}

/** Every version of a note's text, as ciphertext bound to (note, version). */
export interface SessionNoteVersionsTable {
  noteId: string;
  version: number;
  bodyCiphertext: string;
  writtenBy: string;
  writtenAt: CreatedAt;
}

/** Words added to a signed note. */
export interface SessionNoteAddendaTable {
  id: Generated<string>;
  noteId: string;
  bodyCiphertext: string;
  authorId: string;
  createdAt: CreatedAt;
}
