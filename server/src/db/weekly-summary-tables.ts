import type { ColumnType, Generated } from 'kysely';
import type { WeeklySummaryContent } from '@twofold/core/insights/weekly-summary.schemas';

/** One person's summary of one week (migration 0023-weekly-summaries). */
export interface WeeklySummariesTable {
  id: Generated<string>;
  personId: string;
  weekStart: string;
  coupleId: string | null;
  partnerId: string | null;
  partnerIncluded: ColumnType<boolean, boolean | undefined, boolean>;
  content: ColumnType<WeeklySummaryContent, string, string>;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}
