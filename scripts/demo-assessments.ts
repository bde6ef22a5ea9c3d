import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { type InstrumentId, instrumentIds } from '@twofold/core/assessments/instruments';
import { crisisResourcesByRegion } from '@twofold/core/crisis/crisis-resources';
import type { Db } from '../server/src/platform/db';
import type { Actor } from '../server/src/platform/sessions';
import { addDays, clock, todayIn } from '../server/src/platform/local-date';
import { type AssessmentSettings, setMySchedule, submitAssessment } from '../server/src/features/assessments/assessments.service';
import { seededRandom } from './demo-history';

const settings: AssessmentSettings = { offered: instrumentIds, ptsdCutoff: 3, crisis: crisisResourcesByRegion['US']! };

export interface AssessmentHistory {
  actor: Actor;
  timeZone: string;
  inRecovery: boolean;
  /** Days ago the history starts; PHQ-9 and GAD-7 every 14 days from then, CSI-4 every 30. */
  startDaysAgo: number;
  /** PHQ-9 totals drift from this towards a few points lower, as they often do in treatment. */
  phq9From: number;
  gad7From: number;
  /** ECR-S answers (1-7) for items 1-12. */
  ecr: number[];
  /** Days ago of a PHQ-9 with item 9 at "several days" (the safety flow ran then). */
  item9DaysAgo?: number;
  seed: number;
}

/** Spreads `total` over `items` items scored 0..`max`, at random but always summing to `total`. */
function spread(total: number, items: number, max: number, random: () => number): number[] {
  const answers = Array<number>(items).fill(0);
  for (let left = Math.min(total, items * max); left > 0;) {
    const index = Math.floor(random() * items);
    if (answers[index]! < max) {
      answers[index]! += 1;
      left -= 1;
    }
  }
  return answers;
}

const byItem = (values: number[], from = 1) => Object.fromEntries(values.map((value, index) => [String(index + from), value]));

/**
 * A person's questionnaires over the last months, each submitted on its own day through the real
 * service (the clock is moved; `submitted_at` is then set to that evening, which the service leaves to
 * the database). Both partners answer the safety screen negative, so the joint features are open.
 */
export async function seedAssessmentHistory(db: Db, p: AssessmentHistory): Promise<void> {
  const random = seededRandom(p.seed);
  const today = todayIn(p.timeZone);
  const realNow = clock.now;
  const submitOn = async (daysAgo: number, instrumentId: InstrumentId, answers: Record<string, number>) => {
    const evening = Temporal.PlainDateTime.from(`${addDays(today, -daysAgo)}T20:30`)
      .toZonedDateTime(p.timeZone)
      .toInstant();
    clock.now = () => evening;
    const { assessment } = await submitAssessment(
      db,
      settings,
      { ...p.actor, timeZone: p.timeZone },
      { instrumentId, submissionId: randomUUID(), answers },
    );
    const at = new Date(evening.epochMilliseconds);
    await sql`update assessment_responses set submitted_at = ${at} where id = ${assessment.id}`.execute(db);
    await sql`update care_alerts set created_at = ${at} where assessment_id = ${assessment.id}`.execute(db);
  };
  try {
    await submitOn(p.startDaysAgo, 'hark', { H: 0, A: 0, R: 0, K: 0 });
    if (p.inRecovery) {
      await submitOn(p.startDaysAgo, 'audit-c', { '1': 3, '2': 2, '3': 2 });
      await submitOn(p.startDaysAgo, 'dast-10', byItem([1, 0, 1, 0, 1, 0, 1, 0, 0, 0]));
    }
    await submitOn(p.startDaysAgo, 'ecr-s', byItem(p.ecr));
    const steps = Math.floor(p.startDaysAgo / 14);
    for (let step = 0; step <= steps; step += 1) {
      const daysAgo = p.startDaysAgo - step * 14;
      const progress = steps === 0 ? 1 : step / steps;
      const phq = Math.round(p.phq9From - progress * 5 + random() * 2);
      const item9 = p.item9DaysAgo !== undefined && Math.abs(daysAgo - p.item9DaysAgo) < 7 ? 1 : 0;
      await submitOn(daysAgo, 'phq-9', byItem([...spread(Math.max(0, phq - item9), 8, 3, random), item9]));
      await submitOn(daysAgo, 'gad-7', byItem(spread(Math.max(0, Math.round(p.gad7From - progress * 4 + random() * 2)), 7, 3, random)));
    }
    for (let daysAgo = p.startDaysAgo; daysAgo >= 0; daysAgo -= 30) {
      const satisfaction = Math.round(11 + ((p.startDaysAgo - daysAgo) / Math.max(p.startDaysAgo, 1)) * 5);
      const [first, ...rest] = spread(satisfaction, 4, 5, random);
      await submitOn(daysAgo, 'csi-4', byItem([Math.min(6, first! + 1), ...rest]));
    }
  } finally {
    clock.now = realNow;
  }
  for (const [instrumentId, everyDays] of [
    ['phq-9', 14],
    ['gad-7', 14],
    ['csi-4', 30],
  ] as const) {
    await setMySchedule(db, settings, { ...p.actor, timeZone: p.timeZone }, instrumentId, everyDays);
  }
}
