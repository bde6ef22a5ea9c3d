import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A person's lapse reports (migration 0018-lapses). Free text is ciphertext. */
export interface LapseReportsTable {
  id: Generated<string>;
  ownerId: string;
  localDate: string;
  localTime: string;
  timeZone: string;
  substances: string[];
  triggerIds: ColumnType<string[], string[] | undefined, string[]>;
  detailsCiphertext: string;
  toldPartnerId: string | null;
  toldPartnerAt: Timestamp | null;
  toldCareTeamAt: Timestamp | null;
  reflectionCiphertext: string | null;
  reflectedAt: Timestamp | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

/** "I'm struggling" notes one partner chose to send the other (migration 0018-lapses). */
export interface StrugglingNotesTable {
  id: Generated<string>;
  coupleId: string;
  fromId: string;
  toId: string;
  messageCiphertext: string;
  createdAt: CreatedAt;
  readAt: Timestamp | null;
}
