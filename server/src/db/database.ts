import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The Kysely view of the schema, camelCased by CamelCasePlugin. Keep in step with migrations/. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: string;
  timeZone: string;
  createdAt: CreatedAt;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface CouplesTable {
  id: Generated<string>;
  createdBy: string;
  createdAt: CreatedAt;
}

export interface CoupleMembersTable {
  id: Generated<string>;
  coupleId: string;
  userId: string;
  joinedAt: CreatedAt;
  leftAt: Timestamp | null;
}

export interface InvitesTable {
  id: Generated<string>;
  tokenHash: string;
  kind: 'partner' | 'clinician' | 'program-couple';
  coupleId: string | null;
  programId: string | null;
  createdBy: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  usedBy: string | null;
  revokedAt: Timestamp | null;
}

export interface ProgramsTable {
  id: Generated<string>;
  name: string;
  createdBy: string;
  createdAt: CreatedAt;
}

export interface ProgramStaffTable {
  programId: string;
  userId: string;
  role: 'admin' | 'clinician';
  active: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface ProgramEnrollmentsTable {
  programId: string;
  coupleId: string;
  userId: string;
  invitedBy: string;
  invitedAt: CreatedAt;
  acceptedAt: Timestamp | null;
  endedAt: Timestamp | null;
}

export interface SharingSettingsTable {
  ownerId: string;
  kind: string;
  audience: 'private' | 'partner' | 'care-team' | 'both';
  updatedAt: Timestamp;
}

export interface SupportPreferencesTable {
  ownerId: string;
  helpsCiphertext: string;
  doesNotHelpCiphertext: string;
  updatedAt: Timestamp;
}

export interface CoupleNoticesTable {
  id: Generated<string>;
  coupleId: string;
  userId: string;
  code: 'partner-left';
  createdAt: CreatedAt;
  dismissedAt: Timestamp | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: CreatedAt;
  actorId: string;
  subjectId: string;
  kind: string;
  action: 'read' | 'write';
  purpose: 'partner-support' | 'treatment';
  relation: 'partner' | 'clinician' | 'former-partner';
  programId: string | null;
  prevHash: string;
  hash: string;
}

export interface PendingSignupsTable {
  tokenHash: string;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: string;
  timeZone: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface Database {
  pendingSignups: PendingSignupsTable;
  users: UsersTable;
  sessions: SessionsTable;
  couples: CouplesTable;
  coupleMembers: CoupleMembersTable;
  invites: InvitesTable;
  programs: ProgramsTable;
  programStaff: ProgramStaffTable;
  programEnrollments: ProgramEnrollmentsTable;
  sharingSettings: SharingSettingsTable;
  supportPreferences: SupportPreferencesTable;
  coupleNotices: CoupleNoticesTable;
  auditEvents: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
