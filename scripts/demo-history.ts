import { Temporal } from 'temporal-polyfill';
import type { Substance } from '@twofold/core/recovery/substances';
import type { Db } from '../server/src/platform/db';
import type { Cipher } from '../server/src/platform/crypto';
import type { Actor } from '../server/src/platform/sessions';
import { addDays, clock, todayIn } from '../server/src/platform/local-date';
import { recordCheckin } from '../server/src/features/checkins/checkins.service';
import { saveIntake } from '../server/src/features/intake/intake.service';
import { findMyTriggers, logTrigger } from '../server/src/features/triggers/triggers.service';
import { addSupportContact, logCopingRun } from '../server/src/features/coping/coping.service';
import { writeJournalEntry } from '../server/src/features/journal/journal.service';
import { createGoal } from '../server/src/features/goals/goals.service';

/** A small seeded generator (mulberry32), so the demo is the same every time. Not for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PersonHistory {
  actor: Actor;
  timeZone: string;
  inRecovery: boolean;
  substances: Substance[];
  /** Days ago the recovery began (in recovery) or the history starts (supporting partner). */
  startDaysAgo: number;
  /** Days ago with a lapse. */
  lapsesDaysAgo: number[];
  seed: number;
  /** Craving climbs over this many days before the silence (a caseload flag: rising craving). */
  cravingRisesOverDays?: number;
  /** No check-in on the last this many days, today included (a caseload flag: missed check-ins). */
  silentLastDays?: number;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(value)));

/**
 * Daily check-ins for one person, written each on its own day (the service's clock is moved, so
 * nothing is marked late), with the couple's conflict days shared between partners and cravings
 * that rise the day after high conflict — the pattern the insights feature looks for.
 */
export async function seedPersonHistory(db: Db, cipher: Cipher, p: PersonHistory, conflictDaysAgo: Set<number>): Promise<void> {
  const realNow = clock.now;
  const random = seededRandom(p.seed);
  const today = todayIn(p.timeZone);
  const startDate = addDays(today, -p.startDaysAgo);
  await saveIntake(db, cipher, p.actor, {
    inRecovery: p.inRecovery,
    substances: p.inRecovery ? p.substances : [],
    otherSubstance: '',
    recoveryStartDate: p.inRecovery ? startDate : null,
    supportNote: p.inRecovery ? 'Tuesday evening group; my sister Ana; Dr. Alvarez every other week.' : 'Al-Anon on Thursdays.',
  });
  const triggers = await findMyTriggers(db, cipher, p.actor);
  const conflictTrigger = triggers.find((t) => t.label === 'Conflict with my partner')!.id;
  const stressTrigger = triggers.find((t) => t.label === 'Stress')!.id;
  try {
    for (let daysAgo = p.startDaysAgo; daysAgo >= 0; daysAgo -= 1) {
      const isSilent = daysAgo < (p.silentLastDays ?? 0);
      if ((random() < 0.12 && daysAgo > 0) || isSilent) {
        continue; // a missed day, as in real life
      }
      const rising = p.cravingRisesOverDays ?? 0;
      const risingStep = rising - (daysAgo - (p.silentLastDays ?? 0)); // 1 … rising over the last days before the silence
      const date = addDays(today, -daysAgo);
      const evening = Temporal.PlainDateTime.from(`${date}T21:15`).toZonedDateTime(p.timeZone).toInstant();
      clock.now = () => evening;
      const conflict = conflictDaysAgo.has(daysAgo) ? 'high' : random() < 0.2 ? 'some' : 'none';
      const afterConflict = conflictDaysAgo.has(daysAgo + 1);
      const used = p.lapsesDaysAgo.includes(daysAgo);
      const craving = !p.inRecovery
        ? 0
        : risingStep > 0 && risingStep <= rising
          ? clamp(2 + (risingStep * 7) / rising + random(), 0, 10)
          : clamp(2 + random() * 3 + (afterConflict ? 3 : 0) + (used ? 3 : 0) - (p.startDaysAgo - daysAgo) / 60, 0, 10);
      const stress = clamp(2 + random() * 2 + (conflict === 'high' ? 1.5 : 0), 1, 5);
      await recordCheckin(db, cipher, p.actor, date, {
        mood: clamp(4 - (conflict === 'high' ? 1.5 : 0) - (used ? 1 : 0) + random() - 0.3, 1, 5),
        craving,
        used,
        substancesUsed: used ? [p.substances[0]!] : [],
        sleep: clamp(3 + random() * 2 - (stress > 3 ? 1 : 0), 1, 5),
        stress,
        closeness: clamp(4 - (conflict === 'high' ? 2 : conflict === 'some' ? 1 : 0) + random() - 0.5, 1, 5),
        conflict,
        triggerIds: conflict === 'high' ? [conflictTrigger] : stress >= 4 ? [stressTrigger] : [],
        note: used ? 'Had a drink after the argument. Told my counselor. Tomorrow I go back to my plan.' : '',
      });
    }
  } finally {
    clock.now = realNow;
  }
}

/** A few entries in the other personal tools, so each screen has something to show. */
export async function seedPersonalTools(db: Db, cipher: Cipher, actor: Actor): Promise<void> {
  await logTrigger(db, cipher, actor, {
    occurredAt: new Date(Date.now() - 9 * 86_400_000).toISOString(),
    triggerLabel: 'Conflict with my partner',
    situation: 'We argued about money after dinner.',
    people: 'My partner',
    place: 'Kitchen',
    feeling: 'Unheard, then angry',
    aboutRelationship: true,
    intensity: 7,
    whatIDid: 'Called a time-out and went for a walk.',
    outcome: 'helped',
  });
  await addSupportContact(db, cipher, actor, { name: 'Ana', relation: 'sister', phone: '+1 555 0142' });
  for (const [tool, before, after, daysAgo] of [
    ['breathing', 7, 4, 8],
    ['urge-surfing', 8, 3, 5],
    ['grounding', 5, 3, 2],
  ] as const) {
    await logCopingRun(db, actor, {
      tool,
      urgeBefore: before,
      urgeAfter: after,
      urgeDuring: tool === 'urge-surfing' ? [8, 9, 7, 5, 3] : [],
      durationSeconds: 300,
      startedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    });
  }
  await writeJournalEntry(db, cipher, actor, {
    title: 'A better week',
    body: 'We tried the speaker–listener exercise. It felt awkward, then it helped.',
  });
  await createGoal(db, cipher, actor, {
    title: 'Walk three mornings a week',
    why: 'I sleep better and I am kinder when I move.',
    dueDate: null,
    steps: [
      { title: 'Find the old sneakers', dueDate: null },
      { title: 'Walk Monday, Wednesday, Friday', dueDate: null },
    ],
  });
}
