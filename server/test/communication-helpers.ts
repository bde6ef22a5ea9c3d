import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { clock } from '../src/platform/local-date';
import { newCouple, type TestApp, type TestClient } from './test-app';

/** The services' real clock; tests that move it put it back with `restoreClock`. */
const realNow = clock.now;
export const restoreClock = () => {
  clock.now = realNow;
};

/** Moves the services' clock `minutes` (fractions allowed) ahead of the real one. */
export function advanceClock(minutes: number): void {
  const base = realNow();
  clock.now = () => base.add({ milliseconds: Math.round(minutes * 60_000) });
}

/** Sets the services' clock `hours` ahead of now. */
export function clockAheadByHours(hours: number): void {
  const base = realNow();
  clock.now = () => base.add({ hours });
}

/** Answers the private relationship-safety screen (HARK; all "no" is negative). */
export async function answerHark(person: TestClient, positive = false): Promise<void> {
  const answer = await person.post('/api/me/assessments', {
    instrumentId: 'hark',
    submissionId: randomUUID(),
    answers: { H: 0, A: positive ? 1 : 0, R: 0, K: 0 },
  });
  if (answer.status !== 201) {
    throw new Error(`HARK answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

/** A couple whose joint features are open: both safety screens answered negative. */
export async function openCouple(t: TestApp) {
  const couple = await newCouple(t);
  await answerHark(couple.a);
  await answerHark(couple.b);
  return couple;
}

/** A table's rows as JSON text, to check what is (not) stored in it. */
export async function tableText(t: TestApp, table: string): Promise<string> {
  const { rows } = await sql<{ data: unknown }>`select coalesce(json_agg(x), '[]'::json) as data from ${sql.table(table)} x`.execute(
    t.database.db,
  );
  return JSON.stringify(rows[0]?.data);
}
