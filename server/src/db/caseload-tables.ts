import type { ColumnType, Generated } from 'kysely';

/** A clinician's acknowledgement of one caseload flag (migration 0022-caseload-flags). The note is ciphertext. */
export interface CaseloadFlagAcknowledgementsTable {
  id: Generated<string>;
  programId: string;
  coupleId: string;
  personId: string | null;
  kind: 'safety-alert' | 'lapse-told' | 'worsening-score' | 'rising-craving' | 'missed-checkins' | 'adherence-falling';
  instrumentId: string | null;
  evidenceAt: string;
  evidenceValue: number | null;
  noteCiphertext: string;
  acknowledgedBy: string | null;
  acknowledgedAt: ColumnType<Date, Date | string | undefined, never>;
}
