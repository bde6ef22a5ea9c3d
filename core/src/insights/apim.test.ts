import { describe, expect, it } from 'vitest';
import { fitApim, type ApimFit, type Observation } from './apim';
import { insightsFor, observationsFor, type InsightDay } from './insights';

/** Seeded uniform (mulberry32) and normal (Box–Muller) draws: every run sees the same couples. */
function generator(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

interface Truth {
  actor: number;
  partner: number;
  stability: number;
  noise: number;
}

/**
 * One simulated couple: each partner's daily predictor follows an AR(1) process and the two are
 * correlated (a shared couple component, as real couples' days are); the outcome the next day is
 * the APIM with the given effects plus the person's own level the day before.
 * `binary`: the predictor is a yes/no day (like a high-conflict day, about one day in five).
 */
function simulateCouple(
  days: number,
  truth: Truth,
  random: ReturnType<typeof generator>,
  binary = false,
  /** The noise on a day with the predictor is this many times larger (unequal variance). */
  unequal = 1,
): Observation[] {
  let mine = 0;
  let theirs = 0;
  let outcome = 3;
  const observations: Observation[] = [];
  for (let day = 0; day < days; day += 1) {
    const shared = random.normal();
    mine = 0.5 * mine + 0.6 * shared + 0.6 * random.normal();
    theirs = 0.5 * theirs + 0.6 * shared + 0.6 * random.normal();
    const actor = binary ? Number(mine > 0.85) : mine;
    const partner = binary ? Number(theirs > 0.85) : theirs;
    const noise = truth.noise * (actor === 1 ? unequal : 1) * random.normal();
    const next = 1 + truth.actor * actor + truth.partner * partner + truth.stability * outcome + noise;
    observations.push({ outcome: next, actor, partner, control: outcome });
    outcome = next;
  }
  return observations;
}

function ok(fit: ApimFit) {
  if (fit.status !== 'ok' || fit.partner === null) {
    throw new Error(`expected a dyadic fit, got ${fit.status}`);
  }
  return { ...fit, partner: fit.partner };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('the APIM estimator', () => {
  it('finds exact coefficients when the data have no noise', () => {
    const random = generator(1);
    const observations = Array.from({ length: 30 }, () => {
      const actor = random.normal();
      const partner = random.normal();
      const control = random.normal();
      return { outcome: 2 + 1.5 * actor - 0.75 * partner + 0.3 * control, actor, partner, control };
    });
    const fit = ok(fitApim(observations));
    expect(fit.actor.estimate).toBeCloseTo(1.5, 9);
    expect(fit.partner.estimate).toBeCloseTo(-0.75, 9);
    expect(fit.actor.standardError).toBeLessThan(1e-6);
    expect(fit.days).toBe(30);
  });

  it('recovers known actor and partner effects in simulated couples, with honest 95% intervals', () => {
    const random = generator(2);
    const truth = { actor: 1.2, partner: 0.6, stability: 0.3, noise: 1.5 };
    const fits = Array.from({ length: 200 }, () => ok(fitApim(simulateCouple(365, truth, random))));
    expect(Math.abs(mean(fits.map((f) => f.actor.estimate)) - truth.actor)).toBeLessThan(0.05);
    expect(Math.abs(mean(fits.map((f) => f.partner.estimate)) - truth.partner)).toBeLessThan(0.05);
    // Every single couple's year of data lands near the truth (about four standard errors here).
    for (const fit of fits) {
      expect(Math.abs(fit.actor.estimate - truth.actor)).toBeLessThan(0.45);
      expect(Math.abs(fit.partner.estimate - truth.partner)).toBeLessThan(0.45);
    }
    const covers = (key: 'actor' | 'partner') =>
      fits.filter((f) => f[key].lower <= truth[key] && truth[key] <= f[key].upper).length / fits.length;
    expect(covers('actor')).toBeGreaterThan(0.91);
    expect(covers('actor')).toBeLessThan(0.99);
    expect(covers('partner')).toBeGreaterThan(0.91);
    expect(covers('partner')).toBeLessThan(0.99);
  });

  it('recovers the effects when many days are missing (days are dropped, never filled in)', () => {
    const random = generator(3);
    const truth = { actor: 1, partner: -0.5, stability: 0.2, noise: 1 };
    const fits = Array.from({ length: 100 }, () => {
      const kept = simulateCouple(365, truth, random).filter(() => random.uniform() > 0.4);
      return ok(fitApim(kept));
    });
    expect(fits.every((f) => f.days < 260)).toBe(true);
    expect(Math.abs(mean(fits.map((f) => f.actor.estimate)) - truth.actor)).toBeLessThan(0.06);
    expect(Math.abs(mean(fits.map((f) => f.partner.estimate)) - truth.partner)).toBeLessThan(0.06);
  });

  // Measured while building this: without the rule of at least 10 days of each answer, a yes/no
  // predictor whose days vary three times as much gave 10% false effects in 30 days; with robust
  // errors alone (not the larger of the two), an ordinary yes/no predictor gave 9%.
  it.each([
    ['a continuous predictor, 30 days', false, 30, 1, 0.075],
    ['a continuous predictor with unequal variance, 30 days', false, 30, 3, 0.075],
    ['a yes/no predictor (like a high-conflict day), 90 days', true, 90, 1, 0.075],
    ['a yes/no predictor whose days vary three times as much, 90 days', true, 90, 3, 0.08],
  ])('reports no more false "effects" on null data than the nominal 5%: %s', (_name, binary, days, unequal, limit) => {
    const random = generator(days + (binary ? 1 : 0) + unequal);
    const truth = { actor: 0, partner: 0, stability: 0.3, noise: 1 };
    const fits = Array.from({ length: 1000 }, () => fitApim(simulateCouple(days, truth, random, binary, unequal))).flatMap((fit) =>
      fit.status === 'ok' && fit.partner ? [{ ...fit, partner: fit.partner }] : [],
    );
    expect(fits.length).toBeGreaterThan(800);
    // 1,000 couples: the Monte Carlo standard error of a 5% rate is 0.7 points.
    const falseRate = (key: 'actor' | 'partner') => fits.filter((f) => f[key].p < 0.05).length / fits.length;
    expect(falseRate('actor')).toBeLessThan(limit);
    expect(falseRate('partner')).toBeLessThan(limit);
    // …and does find a real effect of the same data size most of the time (the test has power).
    const real = Array.from({ length: 200 }, () => fitApim(simulateCouple(days, { ...truth, actor: binary ? 1.5 : 0.8 }, random, binary)));
    expect(real.filter((fit) => fit.status === 'ok' && fit.actor.p < 0.05).length / real.length).toBeGreaterThan(0.5);
  });

  it('says "not enough days yet" below the minimum, and "no variation" rather than inventing an effect', () => {
    const random = generator(4);
    const days = simulateCouple(40, { actor: 1, partner: 1, stability: 0, noise: 1 }, random);
    expect(fitApim(days.slice(0, 13))).toEqual({ status: 'not-enough-days', days: 13, needed: 14 });
    const yesNo = days.map((d, i) => ({ ...d, actor: Number(i % 5 === 0) }));
    expect(fitApim(yesNo)).toEqual({ status: 'not-enough-events', days: 40, variable: 'actor', events: 8, needed: 10 });
    expect(fitApim(yesNo, { minDays: 14, minEventDays: 8, confidence: 0.95 }).status).toBe('ok');
    expect(fitApim(days.slice(0, 14)).status).toBe('ok');
    expect(fitApim(days.map((d) => ({ ...d, actor: 0 })))).toEqual({ status: 'no-variation', days: 40, variable: 'actor' });
    expect(fitApim(days.map((d) => ({ ...d, outcome: 5 })))).toEqual({ status: 'no-variation', days: 40, variable: 'outcome' });
    // Both partners always report the same thing: their effects cannot be told apart.
    expect(fitApim(days.map((d) => ({ ...d, partner: d.actor })))).toMatchObject({ status: 'no-variation' });
  });

  it('fits the person alone when the partner’s days may not be used', () => {
    const random = generator(5);
    const days = simulateCouple(200, { actor: 1, partner: 0.5, stability: 0.2, noise: 1 }, random).map(
      ({ partner: _partner, ...rest }) => rest,
    );
    const fit = fitApim(days);
    expect(fit.status).toBe('ok');
    expect(fit.status === 'ok' && fit.partner).toBeNull();
  });
});

describe('the days behind an insight', () => {
  const day = (date: string, values: Partial<InsightDay> = {}): InsightDay => ({
    date,
    mood: 3,
    craving: 2,
    stress: 3,
    closeness: 3,
    conflict: 'none',
    ...values,
  });

  it('pairs the next day’s outcome with both partners’ reports of the day before, and skips a day either partner missed', () => {
    const mine = [
      day('2026-03-01', { conflict: 'high', craving: 1 }),
      day('2026-03-02', { craving: 6 }),
      day('2026-03-03', { craving: 2 }),
      day('2026-03-05'),
    ];
    const partners = [day('2026-03-01', { conflict: 'some' }), day('2026-03-03', { conflict: 'high' }), day('2026-03-04')];
    const definition = { id: 'conflict-next-day-craving', outcome: 'craving', predictor: 'high-conflict', lag: 1 } as const;
    // 03-02 after 03-01 (both reported 03-01); 03-03 after 03-02: the partner missed 03-02, so no;
    // 03-05 after 03-04: I missed 03-04, so no.
    expect(observationsFor(definition, mine, partners)).toEqual([{ outcome: 6, actor: 1, partner: 0, control: 1 }]);
    // Without the partner's days: my own days only, each after a day I reported.
    expect(observationsFor(definition, mine, null)).toEqual([
      { outcome: 6, actor: 1, control: 1 },
      { outcome: 2, actor: 0, control: 6 },
    ]);
  });

  it('counts a month boundary and a daylight-saving change as one day', () => {
    const definition = { id: 'x', outcome: 'craving', predictor: 'stress', lag: 1 } as const;
    const mine = [
      day('2026-03-07', { stress: 5 }),
      day('2026-03-08', { craving: 7 }),
      day('2026-03-31', { stress: 4 }),
      day('2026-04-01', { craving: 3 }),
    ];
    const partners = [day('2026-03-07', { stress: 1 }), day('2026-03-31', { stress: 2 })];
    expect(observationsFor(definition, mine, partners)).toEqual([
      { outcome: 7, actor: 5, partner: 1, control: 2 },
      { outcome: 3, actor: 4, partner: 2, control: 2 },
    ]);
  });

  it('gives every insight for a partner, each with its own days', () => {
    const random = generator(6);
    const dates = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const person = () =>
      dates.map((date) =>
        day(date, {
          craving: Math.round(random.uniform() * 10),
          mood: 1 + Math.floor(random.uniform() * 5),
          stress: 1 + Math.floor(random.uniform() * 5),
          closeness: 1 + Math.floor(random.uniform() * 5),
          conflict: random.uniform() < 0.2 ? 'high' : 'none',
        }),
      );
    const insights = insightsFor(person(), person());
    expect(insights.map((insight) => [insight.id, insight.fit.status, insight.fit.days])).toEqual([
      ['conflict-next-day-craving', 'ok', 59],
      ['stress-next-day-craving', 'ok', 59],
      ['closeness-same-day-mood', 'ok', 60],
    ]);
  });
});
