import { describe, expect, it } from 'vitest';
import { addDays, localDateIn, matchWarningSigns, watchSignals, type WatchCheckin, type WatchSignal } from './warning-sign-watch';

const today = '2026-11-25';
/** An ordinary day: nothing any rule watches for. */
const calm = (date: string, change: Partial<WatchCheckin> = {}): WatchCheckin => ({
  date,
  mood: 4,
  craving: 2,
  sleep: 4,
  stress: 2,
  closeness: 4,
  conflict: 'none',
  ...change,
});
/** Check-ins for the days ending `end`, oldest first, one change per day. */
const days = (end: string, changes: Array<Partial<WatchCheckin> | null>): WatchCheckin[] =>
  changes.flatMap((change, index) => (change === null ? [] : [calm(addDays(end, index - changes.length + 1), change)]));
const sign = (signal: WatchSignal, n: number) => [{ id: 'sign', watch: { signal, days: n } }];

interface Case {
  name: string;
  signal: WatchSignal;
  days: number;
  checkins: WatchCheckin[];
  matches: boolean;
}

const cases: Case[] = [
  // sleep-poor: sleep 1-2 of 5 on every day of the run.
  {
    name: '3 nights of poor sleep in a row',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(today, [{ sleep: 2 }, { sleep: 1 }, { sleep: 2 }]),
    matches: true,
  },
  {
    name: 'sleep 3 is not poor',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(today, [{ sleep: 2 }, { sleep: 3 }, { sleep: 2 }]),
    matches: false,
  },
  {
    name: 'only 2 of 3 nights poor',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(today, [{}, { sleep: 1 }, { sleep: 1 }]),
    matches: false,
  },
  {
    name: 'a missing day breaks the run',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(today, [{ sleep: 1 }, null, { sleep: 1 }]),
    matches: false,
  },
  {
    name: 'today not checked in yet: the run ends yesterday',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(addDays(today, -1), [{ sleep: 1 }, { sleep: 2 }, { sleep: 1 }]),
    matches: true,
  },
  {
    name: 'today checked in and fine: the run ends today and is broken',
    signal: 'sleep-poor',
    days: 3,
    checkins: days(today, [{ sleep: 1 }, { sleep: 2 }, { sleep: 1 }, {}]),
    matches: false,
  },
  {
    name: 'neither today nor yesterday checked in: nothing to match',
    signal: 'sleep-poor',
    days: 2,
    checkins: days(addDays(today, -2), [{ sleep: 1 }, { sleep: 1 }]),
    matches: false,
  },
  { name: 'one day watch', signal: 'sleep-poor', days: 1, checkins: days(today, [{ sleep: 1 }]), matches: true },
  // craving-high: 7 or more of 10.
  { name: 'craving 7 for 2 days', signal: 'craving-high', days: 2, checkins: days(today, [{ craving: 7 }, { craving: 9 }]), matches: true },
  {
    name: 'craving 6 is not high',
    signal: 'craving-high',
    days: 2,
    checkins: days(today, [{ craving: 7 }, { craving: 6 }]),
    matches: false,
  },
  // craving-rising: never falls, last at least 2 above first.
  {
    name: 'craving rising over 3 days',
    signal: 'craving-rising',
    days: 3,
    checkins: days(today, [{ craving: 2 }, { craving: 3 }, { craving: 5 }]),
    matches: true,
  },
  {
    name: 'a flat stretch then a rise',
    signal: 'craving-rising',
    days: 3,
    checkins: days(today, [{ craving: 3 }, { craving: 3 }, { craving: 5 }]),
    matches: true,
  },
  {
    name: 'a 1-point rise is a wobble',
    signal: 'craving-rising',
    days: 3,
    checkins: days(today, [{ craving: 3 }, { craving: 3 }, { craving: 4 }]),
    matches: false,
  },
  {
    name: 'a fall in between',
    signal: 'craving-rising',
    days: 3,
    checkins: days(today, [{ craving: 2 }, { craving: 6 }, { craving: 5 }]),
    matches: false,
  },
  {
    name: 'rising with a missing day',
    signal: 'craving-rising',
    days: 3,
    checkins: days(today, [{ craving: 1 }, null, { craving: 6 }]),
    matches: false,
  },
  {
    name: 'a 1-day rise compares with the day before',
    signal: 'craving-rising',
    days: 1,
    checkins: days(today, [{ craving: 2 }, { craving: 4 }]),
    matches: true,
  },
  { name: 'a 1-day rise needs the day before', signal: 'craving-rising', days: 1, checkins: days(today, [{ craving: 9 }]), matches: false },
  // stress-high: 4-5 of 5; conflict-high: "high"; mood-low and closeness-low: 1-2 of 5.
  { name: 'stress 4 and 5', signal: 'stress-high', days: 2, checkins: days(today, [{ stress: 4 }, { stress: 5 }]), matches: true },
  { name: 'stress 3 is not high', signal: 'stress-high', days: 1, checkins: days(today, [{ stress: 3 }]), matches: false },
  {
    name: 'high conflict twice',
    signal: 'conflict-high',
    days: 2,
    checkins: days(today, [{ conflict: 'high' }, { conflict: 'high' }]),
    matches: true,
  },
  {
    name: 'some conflict is not high',
    signal: 'conflict-high',
    days: 2,
    checkins: days(today, [{ conflict: 'high' }, { conflict: 'some' }]),
    matches: false,
  },
  {
    name: 'low mood 4 days',
    signal: 'mood-low',
    days: 4,
    checkins: days(today, [{ mood: 2 }, { mood: 1 }, { mood: 2 }, { mood: 2 }]),
    matches: true,
  },
  { name: 'mood 3 is not low', signal: 'mood-low', days: 1, checkins: days(today, [{ mood: 3 }]), matches: false },
  {
    name: 'feeling far apart',
    signal: 'closeness-low',
    days: 2,
    checkins: days(today, [{ closeness: 1 }, { closeness: 2 }]),
    matches: true,
  },
  { name: 'closeness 3 is not low', signal: 'closeness-low', days: 1, checkins: days(today, [{ closeness: 3 }]), matches: false },
  {
    name: 'a 14-day watch over 14 poor nights',
    signal: 'sleep-poor',
    days: 14,
    checkins: days(
      today,
      Array.from({ length: 14 }, () => ({ sleep: 1 })),
    ),
    matches: true,
  },
];

describe('matchWarningSigns', () => {
  for (const c of cases) {
    it(`${c.matches ? 'matches' : 'does not match'}: ${c.name}`, () => {
      const found = matchWarningSigns(today, c.checkins, sign(c.signal, c.days));
      expect(found.length).toBe(c.matches ? 1 : 0);
    });
  }

  it('names the run that matched', () => {
    const found = matchWarningSigns(today, days(addDays(today, -1), [{ sleep: 1 }, { sleep: 1 }, { sleep: 2 }]), sign('sleep-poor', 3));
    expect(found).toEqual([{ signId: 'sign', signal: 'sleep-poor', days: 3, from: '2026-11-22', to: '2026-11-24' }]);
  });

  it('leaves out signs without a watch, unknown signals and day counts outside 1..14', () => {
    const checkins = days(
      today,
      Array.from({ length: 15 }, () => ({ sleep: 1 })),
    );
    const signs = [
      { id: 'none' },
      { id: 'null', watch: null },
      { id: 'unknown', watch: { signal: 'phone-silent' as WatchSignal, days: 2 } },
      { id: 'zero', watch: { signal: 'sleep-poor' as const, days: 0 } },
      { id: 'fifteen', watch: { signal: 'sleep-poor' as const, days: 15 } },
      { id: 'half', watch: { signal: 'sleep-poor' as const, days: 1.5 } },
      { id: 'ok', watch: { signal: 'sleep-poor' as const, days: 2 } },
    ];
    expect(matchWarningSigns(today, checkins, signs).map((m) => m.signId)).toEqual(['ok']);
  });

  it('matches several signs at once, each on its own rule, whatever the order of the check-ins', () => {
    const checkins = days(today, [
      { sleep: 1, craving: 2 },
      { sleep: 2, craving: 4 },
      { sleep: 1, craving: 6 },
    ]).reverse();
    const signs = [
      { id: 'sleep', watch: { signal: 'sleep-poor' as const, days: 3 } },
      { id: 'rising', watch: { signal: 'craving-rising' as const, days: 3 } },
      { id: 'stress', watch: { signal: 'stress-high' as const, days: 1 } },
    ];
    expect(matchWarningSigns(today, checkins, signs).map((m) => m.signId)).toEqual(['sleep', 'rising']);
  });

  it('ignores a check-in dated after today', () => {
    const checkins = [...days(addDays(today, -1), [{ sleep: 1 }, { sleep: 1 }]), calm(addDays(today, 1), { sleep: 5 })];
    expect(matchWarningSigns(today, checkins, sign('sleep-poor', 2))).toHaveLength(1);
  });

  it('every signal has a rule that can match and one that cannot', () => {
    const bad: Record<WatchSignal, Partial<WatchCheckin>> = {
      'sleep-poor': { sleep: 1 },
      'craving-rising': { craving: 9 },
      'craving-high': { craving: 9 },
      'stress-high': { stress: 5 },
      'conflict-high': { conflict: 'high' },
      'mood-low': { mood: 1 },
      'closeness-low': { closeness: 1 },
    };
    for (const signal of watchSignals) {
      const rising = signal === 'craving-rising' ? [{ craving: 1 }, bad[signal]] : [bad[signal], bad[signal]];
      expect(matchWarningSigns(today, days(today, rising), sign(signal, 2)), signal).toHaveLength(1);
      expect(matchWarningSigns(today, days(today, [{}, {}]), sign(signal, 2)), signal).toHaveLength(0);
    }
  });
});

describe('time zones: the run ends on the person’s own today', () => {
  // 03:30 UTC on 25 November is still the evening of 24 November in Chicago, already the 25th in Madrid.
  const now = new Date('2026-11-25T03:30:00Z');
  const poorNights = days('2026-11-24', [{ sleep: 1 }, { sleep: 1 }]);

  it('gives each zone its own calendar day', () => {
    expect(localDateIn('America/Chicago', now)).toBe('2026-11-24');
    expect(localDateIn('Europe/Madrid', now)).toBe('2026-11-25');
    expect(localDateIn('Pacific/Kiritimati', now)).toBe('2026-11-25');
    expect(localDateIn('Pacific/Pago_Pago', now)).toBe('2026-11-24');
  });

  it('matches in Chicago (the run ends today) and in Madrid (today not checked in yet, so it ends yesterday)', () => {
    expect(matchWarningSigns(localDateIn('America/Chicago', now), poorNights, sign('sleep-poor', 2))).toHaveLength(1);
    expect(matchWarningSigns(localDateIn('Europe/Madrid', now), poorNights, sign('sleep-poor', 2))).toHaveLength(1);
  });

  it('a day later in Madrid the run has a missing day and no longer matches', () => {
    const later = new Date('2026-11-26T09:00:00Z');
    expect(matchWarningSigns(localDateIn('Europe/Madrid', later), poorNights, sign('sleep-poor', 2))).toHaveLength(0);
  });

  it('crosses a daylight-saving change without losing a day', () => {
    // Clocks went back in the US on 1 November 2026.
    const nights = days('2026-11-02', [{ sleep: 2 }, { sleep: 2 }, { sleep: 2 }]);
    expect(matchWarningSigns(localDateIn('America/New_York', new Date('2026-11-02T18:00:00Z')), nights, sign('sleep-poor', 3))).toEqual([
      { signId: 'sign', signal: 'sleep-poor', days: 3, from: '2026-10-31', to: '2026-11-02' },
    ]);
  });
});
