import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type CareSessionFormat = 'joint' | 'individual';
export type CareAttendance = 'attended' | 'late' | 'missed' | 'cancelled-late';
export type CareHomeworkKind = 'skill-practice' | 'communication-exercise' | 'assessment' | 'plan-review';

/** A session a clinician scheduled for an enrolled couple (migration 0020-care-sessions-homework). */
export interface CareSessionsTable {
  id: Generated<string>;
  programId: string;
  coupleId: string;
  clinicianId: string | null;
  format: CareSessionFormat;
  partnerId: string | null;
  startsAt: Timestamp;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  status: ColumnType<'scheduled' | 'cancelled', 'scheduled' | 'cancelled' | undefined, 'scheduled' | 'cancelled'>;
  cancelledAt: Timestamp | null;
  sequence: ColumnType<number, number | undefined, number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** Who takes part in a session, with their attendance (migration 0020-care-sessions-homework). */
export interface CareSessionParticipantsTable {
  sessionId: string;
  coupleId: string;
  personId: string;
  attendance: CareAttendance | null;
  attendanceRecordedAt: Timestamp | null;
  attendanceRecordedBy: string | null;
}

/** A homework assignment (migration 0020-care-sessions-homework). Instructions are ciphertext. */
export interface CareHomeworkTable {
  id: Generated<string>;
  programId: string;
  coupleId: string;
  assignedBy: string | null;
  kind: CareHomeworkKind;
  target: string | null;
  instructionsCiphertext: string | null;
  dueDate: ColumnType<string, string, string>;
  assignedAt: Timestamp;
  withdrawnAt: Timestamp | null;
}

/** Each partner a homework is for, with their own completion (migration 0020-care-sessions-homework). */
export interface CareHomeworkAssigneesTable {
  homeworkId: string;
  coupleId: string;
  personId: string;
  markedDoneAt: Timestamp | null;
}

/** One secret calendar-feed address per person: only the token's SHA-256 (migration 0020-care-sessions-homework). */
export interface CalendarFeedsTable {
  personId: string;
  tokenHash: string;
  createdAt: UpdatedAt;
}
