import { describe, expect, it } from 'vitest';
import { addDays, buildTrustCalendar, trustDayStatus, trustStreaks, type TrustPartner, type TrustRecord } from './streaks';

// Alex is in recovery (states the intention), Blake supports (thanks).
const alex = (today: string): TrustPartner => ({ id: 'alex', today, states: true, thanks: false });
const blake = (today: string): TrustPartner => ({ id: 'blake', today, states: false, thanks: true });
const both = (date: string): TrustRecord[] => [
  { partnerId: 'alex', date, stated: true, thanked: false },
  { partnerId: 'blake', date, stated: false, thanked: true },
];

describe('addDays', () => {
  it('crosses months, leap days and daylight-saving dates without shifting', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('trustDayStatus', () => {
  const partners = [alex('2026-11-25'), blake('2026-11-25')];
  it('is done when each partner recorded their own part', () => {
    expect(trustDayStatus('2026-11-24', partners, both('2026-11-24'))).toBe('done');
  });
  it('is partly done when the day is over and only one part was recorded', () => {
    expect(trustDayStatus('2026-11-24', partners, both('2026-11-24').slice(0, 1))).toBe('partly');
  });
  it('is missed when the day is over and nothing was recorded', () => {
    expect(trustDayStatus('2026-11-24', partners, [])).toBe('missed');
  });
  it('is not missed while the day is still going on: today is pending', () => {
    expect(trustDayStatus('2026-11-25', partners, [])).toBe('pending');
    expect(trustDayStatus('2026-11-25', partners, both('2026-11-25').slice(1))).toBe('pending');
    expect(trustDayStatus('2026-11-25', partners, both('2026-11-25'))).toBe('done');
  });
  it('in a dual-recovery couple, each partner both states and thanks', () => {
    const dual: TrustPartner[] = [
      { id: 'alex', today: '2026-11-25', states: true, thanks: true },
      { id: 'blake', today: '2026-11-25', states: true, thanks: true },
    ];
    expect(trustDayStatus('2026-11-24', dual, both('2026-11-24'))).toBe('partly');
    const full = ['alex', 'blake'].map((partnerId) => ({ partnerId, date: '2026-11-24', stated: true, thanked: true }));
    expect(trustDayStatus('2026-11-24', dual, full)).toBe('done');
  });
  it('ignores a part nobody owes (the supporting partner ticking "stated")', () => {
    const records = [{ partnerId: 'blake', date: '2026-11-24', stated: true, thanked: false }];
    expect(trustDayStatus('2026-11-24', partners, records)).toBe('missed');
  });
});

describe('time zones: each partner’s own calendar day', () => {
  // 2026-11-26 01:00 in Berlin is still 2026-11-25 18:00 in Chicago.
  const alexInChicago = alex('2026-11-25');
  const blakeInBerlin = blake('2026-11-26');
  const partners = [alexInChicago, blakeInBerlin];

  it('a day that is over in Berlin but still today in Chicago is pending, not missed', () => {
    const records = [{ partnerId: 'blake', date: '2026-11-25', stated: false, thanked: true }];
    expect(trustDayStatus('2026-11-25', partners, records)).toBe('pending');
  });
  it('a day over for the partner who owes nothing more can still be done by the other', () => {
    const records = both('2026-11-25');
    expect(trustDayStatus('2026-11-25', partners, records)).toBe('done');
  });
  it('Berlin’s new day, which Chicago has not reached, is shown and pending', () => {
    const days = buildTrustCalendar({ start: '2026-11-20', partners, records: [], from: '2026-11-24', to: '2026-11-30' });
    expect(days.map((d) => [d.date, d.status])).toEqual([
      ['2026-11-24', 'missed'],
      ['2026-11-25', 'pending'],
      ['2026-11-26', 'pending'],
    ]);
  });
  it('the thanks owed by Berlin on a day already over there is missed once Chicago is past it too', () => {
    const later = [alex('2026-11-26'), blake('2026-11-27')];
    const records = [{ partnerId: 'alex', date: '2026-11-25', stated: true, thanked: false }];
    expect(trustDayStatus('2026-11-25', later, records)).toBe('partly');
  });
});

describe('buildTrustCalendar', () => {
  const partners = [alex('2026-11-25'), blake('2026-11-25')];
  it('leaves out the days before the contract was signed', () => {
    const records = [...both('2026-11-20'), ...both('2026-11-23')];
    const days = buildTrustCalendar({ start: '2026-11-23', partners, records, from: '2026-11-01', to: '2026-11-25' });
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(days[0]!.parts).toEqual([
      { partnerId: 'alex', stated: true, thanked: false },
      { partnerId: 'blake', stated: false, thanked: true },
    ]);
  });
  it('shows no future days', () => {
    expect(buildTrustCalendar({ start: '2026-11-25', partners, records: [], from: '2026-11-25', to: '2026-12-31' })).toHaveLength(1);
  });
  it('is empty when nobody owes a part (no partner in recovery in the contract)', () => {
    const none = partners.map((p) => ({ ...p, states: false, thanks: false }));
    expect(buildTrustCalendar({ start: '2026-11-01', partners: none, records: [], from: '2026-11-01', to: '2026-11-25' })).toEqual([]);
  });
});

describe('trustStreaks', () => {
  const start = '2026-11-10';
  const doneDays = (dates: string[]) => dates.flatMap(both);
  it('counts consecutive done days up to yesterday while today is still going on', () => {
    const records = doneDays(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(trustStreaks({ start, partners: [alex('2026-11-25'), blake('2026-11-25')], records })).toEqual({ current: 3, best: 3 });
  });
  it('counts today once it is done', () => {
    const records = doneDays(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(trustStreaks({ start, partners: [alex('2026-11-25'), blake('2026-11-25')], records })).toEqual({ current: 3, best: 3 });
  });
  it('a missed day ends the current streak and the best one is kept', () => {
    const records = doneDays(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-15', '2026-11-16']);
    expect(trustStreaks({ start, partners: [alex('2026-11-17'), blake('2026-11-17')], records })).toEqual({ current: 2, best: 4 });
  });
  it('a partly done day ends a streak too', () => {
    const records = [...doneDays(['2026-11-10', '2026-11-11']), ...both('2026-11-12').slice(0, 1), ...doneDays(['2026-11-13'])];
    expect(trustStreaks({ start, partners: [alex('2026-11-14'), blake('2026-11-14')], records })).toEqual({ current: 1, best: 2 });
  });
  it('yesterday missed means no current streak', () => {
    const records = doneDays(['2026-11-10', '2026-11-11']);
    expect(trustStreaks({ start, partners: [alex('2026-11-14'), blake('2026-11-14')], records })).toEqual({ current: 0, best: 2 });
  });
  it('days done before the contract was signed do not count', () => {
    const records = doneDays(['2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
    expect(trustStreaks({ start, partners: [alex('2026-11-11'), blake('2026-11-11')], records })).toEqual({ current: 1, best: 1 });
  });
  it('across time zones, the day still going on in Chicago does not break a streak done in Berlin', () => {
    const records = [...doneDays(['2026-11-23', '2026-11-24']), { partnerId: 'blake', date: '2026-11-25', stated: false, thanked: true }];
    expect(trustStreaks({ start, partners: [alex('2026-11-25'), blake('2026-11-26')], records })).toEqual({ current: 2, best: 2 });
  });
  it('is zero on the day the contract was signed before anything is recorded', () => {
    expect(trustStreaks({ start: '2026-11-25', partners: [alex('2026-11-25'), blake('2026-11-25')], records: [] })).toEqual({
      current: 0,
      best: 0,
    });
  });
});
