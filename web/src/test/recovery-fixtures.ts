import { ids } from './mock-server';

/** Answers of the recovery routes, for tests that render the "Me" area. */
export const today = '2026-11-25';

export const emptyIntake = {
  ownerId: ids.alex,
  inRecovery: true,
  substances: ['alcohol', 'cannabis'],
  otherSubstance: '',
  recoveryStartDate: '2026-11-01',
  supportNote: '',
  updatedAt: '2026-11-01T10:00:00.000Z',
  can: { edit: true },
};

export const summary = {
  ownerId: ids.alex,
  inRecovery: true,
  today,
  recoveryStartDate: '2026-11-01',
  daysSinceLastUse: 9,
  totalSoberDays: 23,
  lastUseDate: '2026-11-16',
  milestones: [
    { counter: 'current', days: 7, reachedOn: '2026-11-23' },
    { counter: 'total', days: 7, reachedOn: '2026-11-07' },
    { counter: 'current', days: 1, reachedOn: '2026-11-02' },
  ],
  nextMilestone: { counter: 'total', days: 30, inDays: 7 },
  encouragements: [
    { id: ids.notice, fromName: 'Blake', message: 'Proud of you this week.', milestoneDays: 7, at: '2026-11-23T20:00:00.000Z' },
  ],
  can: { encourage: false },
};

export const triggers = {
  triggers: [
    { id: '77777777-7777-4777-8777-777777777777', label: 'Stress', timesLogged: 2 },
    { id: '88888888-8888-4888-8888-888888888888', label: 'Boredom', timesLogged: 0 },
  ],
};

export function checkin(date: string, overrides: Record<string, unknown> = {}) {
  return {
    date,
    mood: 4,
    craving: 2,
    used: false,
    substancesUsed: [],
    sleep: 3,
    stress: 2,
    closeness: 4,
    conflict: 'none',
    triggerIds: [],
    note: '',
    isLate: false,
    updatedAt: `${date}T20:00:00.000Z`,
    can: { edit: date === today },
    ...overrides,
  };
}
