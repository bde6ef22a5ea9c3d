import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The Continuing Recovery Plan (migration 0012-setbacks). Free text is ciphertext (JSON inside). */
export interface PlanVersionsTable {
  id: Generated<string>;
  coupleId: string;
  version: number;
  change: 'section' | 'shared';
  sharedCiphertext: string;
  reviewDate: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  signedByBothAt: Timestamp | null;
}

export interface PlanSectionsTable {
  planVersionId: string;
  coupleId: string;
  partnerId: string;
  contentCiphertext: string;
}

export interface PlanSignaturesTable {
  planVersionId: string;
  coupleId: string;
  partnerId: string;
  signedAt: CreatedAt;
}
