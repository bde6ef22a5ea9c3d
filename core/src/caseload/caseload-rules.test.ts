import { describe, expect, it } from 'vitest';
import {
  flagFromAdherence,
  flagFromCraving,
  flagFromMissedCheckins,
  flagFromScore,
  isNewEvidence,
  reliableChange,
  severityScore,
} from './caseload-rules';

const checkins = (overrides: Partial<Parameters<typeof flagFromCraving>[0]> = {}) => ({
  today: '2026-11-25',
  lastDate: '2026-11-25',
  enrolledOn: '2026-10-01',
  recent: { n: 10, mean: 5, slope: 0.2 },
  previous: { n: 10, mean: 3 },
  ...overrides,
});

describe('missed check-ins', () => {
  it('counts whole days after the last check-in up to yesterday, from 3', () => {
    expect(flagFromMissedCheckins(checkins({ lastDate: '2026-11-22' }))).toBeNull();
    expect(flagFromMissedCheckins(checkins({ lastDate: '2026-11-21' }))?.facts).toEqual({
      kind: 'missed-checkins',
      days: 3,
      lastCheckin: '2026-11-21',
    });
    expect(flagFromMissedCheckins(checkins({ lastDate: '2026-11-21' }))?.since).toBe('2026-11-22');
  });
  it('counts from enrollment for someone who never checked in', () => {
    expect(flagFromMissedCheckins(checkins({ lastDate: null, enrolledOn: '2026-11-20' }))?.facts).toMatchObject({
      days: 5,
      lastCheckin: null,
    });
    expect(flagFromMissedCheckins(checkins({ lastDate: null, enrolledOn: '2026-11-24' }))).toBeNull();
  });
});

describe('rising craving (Twofold rule)', () => {
  it('needs a slope of 0.15/day over at least 7 check-ins and a rise of 1 point over the 14 days before', () => {
    expect(flagFromCraving(checkins())?.facts).toMatchObject({ slopePerDay: 0.2, recentMean: 5, previousMean: 3, checkins: 10 });
    expect(flagFromCraving(checkins({ recent: { n: 6, mean: 5, slope: 0.5 } }))).toBeNull();
    expect(flagFromCraving(checkins({ recent: { n: 10, mean: 5, slope: 0.1 } }))).toBeNull();
    expect(flagFromCraving(checkins({ previous: { n: 10, mean: 4.5 } }))).toBeNull();
    expect(flagFromCraving(checkins({ previous: { n: 0, mean: null } }))?.facts).toMatchObject({ previousMean: null });
  });
});

describe('worsening scores: reliable change', () => {
  const score = (instrumentId: 'phq-9' | 'gad-7', from: number, to: number) =>
    flagFromScore({
      instrumentId,
      latest: { total: to, date: '2026-11-20', submittedAt: '2026-11-20T10:00:00.000Z', band: null },
      lowest: { total: from, date: '2026-10-01' },
    });
  it('uses 6 points on PHQ-9 and 4 on GAD-7 (NHS Talking Therapies Manual)', () => {
    expect(reliableChange['phq-9'].points).toBe(6);
    expect(reliableChange['gad-7'].points).toBe(4);
    expect(score('phq-9', 5, 10)).toBeNull();
    expect(score('phq-9', 5, 11)?.facts).toMatchObject({ change: 6, threshold: 6 });
    expect(score('gad-7', 3, 6)).toBeNull();
    expect(score('gad-7', 3, 7)?.facts).toMatchObject({ change: 4, threshold: 4 });
  });
});

describe('adherence falling (Twofold rule)', () => {
  it('flags a fall of 25 points or more, with 7 days under the contract before', () => {
    expect(flagFromAdherence({ recent: { done: 7, days: 14 }, previous: { done: 14, days: 14 }, to: '2026-11-24' })?.facts).toMatchObject({
      recentPercent: 50,
      previousPercent: 100,
    });
    expect(flagFromAdherence({ recent: { done: 11, days: 14 }, previous: { done: 14, days: 14 }, to: '2026-11-24' })).toBeNull();
    expect(flagFromAdherence({ recent: { done: 0, days: 14 }, previous: { done: 6, days: 6 }, to: '2026-11-24' })).toBeNull();
  });
});

describe('acknowledgements', () => {
  it('stay until newer or stronger evidence', () => {
    const at = { at: '2026-11-20T10:00:00.000Z', value: 10 };
    expect(isNewEvidence('worsening-score', at, at)).toBe(false);
    expect(isNewEvidence('worsening-score', at, { at: '2026-11-21T10:00:00.000Z', value: 9 })).toBe(true);
    expect(isNewEvidence('missed-checkins', { at: '2026-11-20', value: 3 }, { at: '2026-11-20', value: 9 })).toBe(false);
    expect(isNewEvidence('missed-checkins', { at: '2026-11-20', value: 3 }, { at: '2026-11-23', value: 3 })).toBe(true);
    expect(isNewEvidence('rising-craving', { at: 'x', value: 5 }, { at: 'y', value: 5.9 })).toBe(false);
    expect(isNewEvidence('rising-craving', { at: 'x', value: 5 }, { at: 'y', value: 6 })).toBe(true);
    expect(isNewEvidence('adherence-falling', { at: 'x', value: 50 }, { at: 'y', value: 40 })).toBe(false);
    expect(isNewEvidence('adherence-falling', { at: 'x', value: 50 }, { at: 'y', value: 35 })).toBe(true);
  });
  it('sort a couple with a live urgent flag before one with only dimmed flags, and that before none', () => {
    const urgent = severityScore([{ severity: 'urgent', isDimmed: false }]);
    const watch = severityScore([{ severity: 'watch', isDimmed: false }]);
    const dimmed = severityScore([{ severity: 'urgent', isDimmed: true }]);
    const none = severityScore([]);
    expect([none, dimmed, watch, urgent].sort((a, b) => a - b)).toEqual([urgent, watch, dimmed, none]);
  });
});
