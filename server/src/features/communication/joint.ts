import { sql } from 'kysely';
import type { Tx } from '../../platform/db';

/**
 * Serialises the couple's live actions (exercise, pause): a row lock on the couple, held to the
 * end of the transaction. Two phones tapping at once get one consistent result: the second sees
 * the first's change and is judged on it.
 */
export async function lockCouple(tx: Tx, coupleId: string): Promise<void> {
  await sql`select id from couples where id = ${coupleId} for update`.execute(tx);
}

export const toDate = (instant: { epochMilliseconds: number }) => new Date(instant.epochMilliseconds);
