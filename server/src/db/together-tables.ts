import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type LocalDate = string;

/** The couple's joint work (migration 0009-together). Free text is ciphertext. */
export interface ContractVersionsTable {
  id: Generated<string>;
  coupleId: string;
  version: number;
  discussionTime: string;
  itemsCiphertext: string;
  keepPastUseInSessions: boolean;
  createdBy: string | null;
  createdAt: CreatedAt;
  signedByBothAt: Timestamp | null;
}

export interface ContractPartsTable {
  contractVersionId: string;
  coupleId: string;
  partnerId: string;
  intentionCiphertext: string;
  medicationCiphertext: string;
  meetingsCiphertext: string;
}

export interface ContractSignaturesTable {
  contractVersionId: string;
  coupleId: string;
  partnerId: string;
  signedAt: CreatedAt;
}

export interface TrustDiscussionPartsTable {
  coupleId: string;
  partnerId: string;
  localDate: LocalDate;
  stated: boolean;
  thanked: boolean;
  contractVersionId: string | null;
  updatedAt: UpdatedAt;
}

export interface CommitmentsTable {
  id: Generated<string>;
  coupleId: string;
  authorId: string;
  textCiphertext: string;
  dueDate: LocalDate;
  outcome: 'kept' | 'missed' | null;
  outcomeAt: Timestamp | null;
  acknowledgedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface AppreciationsTable {
  id: Generated<string>;
  coupleId: string;
  authorId: string;
  kind: 'appreciation' | 'caring-day';
  localDate: LocalDate;
  textCiphertext: string;
  toldAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface BoundariesTable {
  id: Generated<string>;
  coupleId: string;
  authorId: string;
  kind: 'need' | 'will-if';
  textCiphertext: string;
  reviewDate: LocalDate | null;
  response: 'acknowledged' | 'talk' | null;
  respondedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface CoupleGoalsTable {
  id: Generated<string>;
  coupleId: string;
  createdBy: string | null;
  titleCiphertext: string;
  targetDate: LocalDate | null;
  createdAt: CreatedAt;
}

export interface CoupleGoalMilestonesTable {
  id: Generated<string>;
  goalId: string;
  coupleId: string;
  position: number;
  titleCiphertext: string;
  doneAt: Timestamp | null;
  doneBy: string | null;
  /** Who added it to an existing goal; null for milestones written with the goal (migration 0013). */
  createdBy: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CoupleActivitiesTable {
  id: Generated<string>;
  coupleId: string;
  createdBy: string | null;
  titleCiphertext: string;
  plannedFor: LocalDate | null;
  doneAt: Timestamp | null;
  doneBy: string | null;
  createdAt: CreatedAt;
}

export interface ActivityRatingsTable {
  activityId: string;
  coupleId: string;
  partnerId: string;
  rating: number;
  ratedAt: UpdatedAt;
}
