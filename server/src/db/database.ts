import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  ContractVersionsTable,
  ContractPartsTable,
  ContractSignaturesTable,
  TrustDiscussionPartsTable,
  CommitmentsTable,
  AppreciationsTable,
  BoundariesTable,
  CoupleGoalsTable,
  CoupleGoalMilestonesTable,
  CoupleActivitiesTable,
  ActivityRatingsTable,
} from './together-tables';
import type { PlanSectionsTable, PlanSignaturesTable, PlanVersionsTable } from './plan-tables';
import type { PushSubscriptionsTable, ReminderSendsTable, ReminderSettingsTable, RemindersTable } from './reminder-tables';
import type { LapseReportsTable, StrugglingNotesTable } from './lapse-tables';
import type {
  CalendarFeedsTable,
  CareHomeworkAssigneesTable,
  CareHomeworkTable,
  CareSessionParticipantsTable,
  CareSessionsTable,
} from './care-tables';
import type { CaseloadFlagAcknowledgementsTable } from './caseload-tables';
import type { WeeklySummariesTable } from './weekly-summary-tables';
import type { SessionNoteAddendaTable, SessionNotesTable, SessionNoteVersionsTable } from './session-note-tables';

/** The Kysely view of the schema, camelCased by CamelCasePlugin. Keep in step with migrations/. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default of now(), changed on update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

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

/** Live events of a couple (platform/events.ts); `id` is the server-sent event id. Read as text. */
export interface CoupleEventsTable {
  id: ColumnType<string, never, never>;
  coupleId: string;
  type: string;
  actorId: string;
  data: ColumnType<Record<string, string | number | boolean | null>, string, never>;
  createdAt: CreatedAt;
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

/** Sign-in security (migration 0011-sign-in-security). Secrets are hashes, the TOTP secret ciphertext. */
export interface PasswordResetsTable {
  tokenHash: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface AuthThrottleTable {
  key: string;
  windowStartedAt: Timestamp;
  attempts: number;
}

export interface TwoFactorCredentialsTable {
  userId: string;
  secretCiphertext: string;
  createdAt: CreatedAt;
  confirmedAt: Timestamp | null;
  lastUsedStep: number | null;
}

export interface TwoFactorRecoveryCodesTable {
  codeHash: string;
  userId: string;
  createdAt: CreatedAt;
  usedAt: Timestamp | null;
}

export interface PendingLoginsTable {
  tokenHash: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
}

/** A calendar day, 'YYYY-MM-DD' (see platform/db.ts). */
type LocalDate = string;

export interface IntakesTable {
  ownerId: string;
  inRecovery: boolean;
  substances: string[];
  otherSubstanceCiphertext: string;
  recoveryStartDate: LocalDate | null;
  supportNoteCiphertext: string;
  updatedAt: Timestamp;
}

export interface ReflectionsTable {
  ownerId: string;
  patterns: ColumnType<Record<string, string | null>, string, string>;
  noteCiphertext: string;
  updatedAt: Timestamp;
}

export interface TriggersTable {
  id: Generated<string>;
  ownerId: string;
  labelCiphertext: string;
  createdAt: CreatedAt;
}

export interface CheckinsTable {
  ownerId: string;
  localDate: LocalDate;
  mood: number;
  craving: number;
  used: boolean;
  substancesUsed: string[];
  sleep: number;
  stress: number;
  closeness: number;
  conflict: 'none' | 'some' | 'high';
  triggerIds: string[];
  noteCiphertext: string;
  isLate: boolean;
  writtenOn: LocalDate;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface EncouragementsTable {
  id: Generated<string>;
  coupleId: string;
  fromId: string;
  toId: string;
  milestoneDays: number | null;
  messageCiphertext: string;
  createdAt: CreatedAt;
}

export interface TriggerEntriesTable {
  id: Generated<string>;
  ownerId: string;
  triggerId: string;
  occurredAt: Timestamp;
  detailsCiphertext: string;
  aboutRelationship: boolean;
  intensity: number;
  outcome: 'helped' | 'partly' | 'did-not-help' | 'not-sure';
  createdAt: CreatedAt;
}

export interface SupportContactsTable {
  id: Generated<string>;
  ownerId: string;
  detailsCiphertext: string;
  createdAt: CreatedAt;
}

export interface CopingRunsTable {
  id: Generated<string>;
  ownerId: string;
  tool: 'grounding' | 'breathing' | 'urge-surfing' | 'tape-forward' | 'contact-support';
  urgeBefore: number;
  urgeAfter: number | null;
  urgeDuring: number[];
  durationSeconds: number;
  startedAt: Timestamp;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  ownerId: string;
  titleCiphertext: string;
  bodyCiphertext: string;
  sharedWithCareTeamAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface GoalsTable {
  id: Generated<string>;
  ownerId: string;
  titleCiphertext: string;
  whyCiphertext: string;
  dueDate: LocalDate | null;
  completedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface GoalStepsTable {
  id: Generated<string>;
  goalId: string;
  ownerId: string;
  position: number;
  titleCiphertext: string;
  dueDate: LocalDate | null;
  doneAt: Timestamp | null;
}

export interface AssessmentResponsesTable {
  id: Generated<string>;
  ownerId: string;
  submissionId: string;
  instrumentId: string;
  instrumentVersion: string;
  answers: ColumnType<Record<string, number>, string, never>;
  scoringOptions: ColumnType<Record<string, unknown>, string, never>;
  score: ColumnType<unknown, string, never>;
  localDate: string;
  submittedAt: CreatedAt;
}

export interface AssessmentSchedulesTable {
  ownerId: string;
  instrumentId: string;
  everyDays: number;
  setByRole: 'self' | 'clinician';
  updatedAt: UpdatedAt;
}

export interface SafetyScreensTable {
  ownerId: string;
  responseId: string;
  positive: boolean;
  screenedAt: UpdatedAt;
  reopenedAt: Timestamp | null;
  reopenedByRole: 'self' | 'clinician' | null;
}

export interface CareAlertsTable {
  id: Generated<string>;
  programId: string;
  personId: string;
  kind: 'self-harm' | 'safety-screen';
  higherRisk: boolean;
  assessmentId: string;
  createdAt: CreatedAt;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: string | null;
}

/** Communication (migration 0010-communication). Free text is ciphertext. */
export interface SkillPracticesTable {
  id: Generated<string>;
  ownerId: string;
  skillId: string;
  localDate: LocalDate;
  practicedAt: CreatedAt;
}

export interface SpeakerListenerSessionsTable {
  id: Generated<string>;
  coupleId: string;
  startedBy: string | null;
  topicCiphertext: string | null;
  turnSeconds: number;
  status: 'active' | 'ended';
  version: ColumnType<number, number | undefined, number>;
  startedAt: Timestamp;
  endedAt: Timestamp | null;
  endedBy: string | null;
}

export interface SpeakerListenerTurnsTable {
  id: Generated<string>;
  coupleId: string;
  sessionId: string;
  number: number;
  speakerId: string | null;
  startedAt: Timestamp;
  endedAt: Timestamp | null;
  step: 'speaking' | 'awaiting-confirmation' | 'confirmed';
  paraphraseCiphertext: string | null;
  paraphraseAttempts: ColumnType<number, number | undefined, number>;
  confirmedAt: Timestamp | null;
}

export interface PauseSettingsTable {
  coupleId: string;
  coolDownMinutes: number;
  proposedMinutes: number | null;
  proposedBy: string | null;
  updatedAt: UpdatedAt;
}

export interface ConflictPausesTable {
  id: Generated<string>;
  coupleId: string;
  minutes: number;
  startedAt: Timestamp;
  endsAt: Timestamp;
  endedAt: Timestamp | null;
  endReason: 'both-ready' | 'time-over' | null;
}

export interface ConflictPauseReadinessTable {
  pauseId: string;
  coupleId: string;
  userId: string;
  readyAt: Timestamp;
}

export interface ConnectionAnswersTable {
  id: Generated<string>;
  coupleId: string;
  userId: string;
  localDate: LocalDate;
  questionId: string;
  answerCiphertext: string;
  answeredAt: CreatedAt;
}

export interface CoupleCliniciansTable {
  programId: string;
  coupleId: string;
  clinicianId: string;
  assignedBy: string | null;
  assignedAt: CreatedAt;
}

export type ConsentPurpose = 'treatment' | 'care-coordination' | 'progress-reporting';
export type ConsentEndReason = 'revoked' | 'renewed' | 'left-program';

export interface CareConsentsTable {
  id: Generated<string>;
  ownerId: string;
  programId: string;
  kind: string;
  purpose: ConsentPurpose;
  purposeNoteCiphertext: string | null;
  grantedAt: CreatedAt;
  expiresAt: Timestamp;
  endedAt: Timestamp | null;
  endReason: ConsentEndReason | null;
}

export interface Database {
  assessmentResponses: AssessmentResponsesTable;
  assessmentSchedules: AssessmentSchedulesTable;
  safetyScreens: SafetyScreensTable;
  careAlerts: CareAlertsTable;
  intakes: IntakesTable;
  reflections: ReflectionsTable;
  triggers: TriggersTable;
  checkins: CheckinsTable;
  encouragements: EncouragementsTable;
  triggerEntries: TriggerEntriesTable;
  supportContacts: SupportContactsTable;
  copingRuns: CopingRunsTable;
  journalEntries: JournalEntriesTable;
  goals: GoalsTable;
  goalSteps: GoalStepsTable;
  pendingSignups: PendingSignupsTable;
  users: UsersTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  authThrottle: AuthThrottleTable;
  twoFactorCredentials: TwoFactorCredentialsTable;
  twoFactorRecoveryCodes: TwoFactorRecoveryCodesTable;
  pendingLogins: PendingLoginsTable;
  couples: CouplesTable;
  coupleMembers: CoupleMembersTable;
  invites: InvitesTable;
  programs: ProgramsTable;
  programStaff: ProgramStaffTable;
  programEnrollments: ProgramEnrollmentsTable;
  coupleClinicians: CoupleCliniciansTable;
  careConsents: CareConsentsTable;
  sharingSettings: SharingSettingsTable;
  supportPreferences: SupportPreferencesTable;
  coupleNotices: CoupleNoticesTable;
  auditEvents: AuditEventsTable;
  skillPractices: SkillPracticesTable;
  speakerListenerSessions: SpeakerListenerSessionsTable;
  speakerListenerTurns: SpeakerListenerTurnsTable;
  pauseSettings: PauseSettingsTable;
  conflictPauses: ConflictPausesTable;
  conflictPauseReadiness: ConflictPauseReadinessTable;
  connectionAnswers: ConnectionAnswersTable;
  coupleEvents: CoupleEventsTable;
  contractVersions: ContractVersionsTable;
  contractParts: ContractPartsTable;
  contractSignatures: ContractSignaturesTable;
  trustDiscussionParts: TrustDiscussionPartsTable;
  commitments: CommitmentsTable;
  appreciations: AppreciationsTable;
  boundaries: BoundariesTable;
  coupleGoals: CoupleGoalsTable;
  coupleGoalMilestones: CoupleGoalMilestonesTable;
  coupleActivities: CoupleActivitiesTable;
  activityRatings: ActivityRatingsTable;
  planVersions: PlanVersionsTable;
  planSections: PlanSectionsTable;
  planSignatures: PlanSignaturesTable;
  reminderSettings: ReminderSettingsTable;
  reminders: RemindersTable;
  reminderSends: ReminderSendsTable;
  pushSubscriptions: PushSubscriptionsTable;
  lapseReports: LapseReportsTable;
  strugglingNotes: StrugglingNotesTable;
  careSessions: CareSessionsTable;
  careSessionParticipants: CareSessionParticipantsTable;
  careHomework: CareHomeworkTable;
  careHomeworkAssignees: CareHomeworkAssigneesTable;
  calendarFeeds: CalendarFeedsTable;
  caseloadFlagAcknowledgements: CaseloadFlagAcknowledgementsTable;
  weeklySummaries: WeeklySummariesTable;
  sessionNotes: SessionNotesTable;
  sessionNoteVersions: SessionNoteVersionsTable;
  sessionNoteAddenda: SessionNoteAddendaTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
