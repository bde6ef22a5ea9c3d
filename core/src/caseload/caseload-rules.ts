/**
 * The caseload's flags: which facts about a person (or a couple) ask for a clinician's attention,
 * with the thresholds that decide it. Pure rules, shared by the server (which computes the flags
 * from aggregates it read under the partners' consent) and the web app (which explains them).
 *
 * Thresholds named "Twofold's own" are product choices, not clinical cut-offs: they decide when a
 * pattern is worth a look, never a diagnosis. The reliable-change thresholds of PHQ-9 and GAD-7
 * are published (see `reliableChange`).
 */

export const flagKinds = [
  'safety-alert',
  'lapse-told',
  'worsening-score',
  'rising-craving',
  'missed-checkins',
  'adherence-falling',
] as const;
export type FlagKind = (typeof flagKinds)[number];

export const flagSeverities = ['urgent', 'attention', 'watch'] as const;
export type FlagSeverity = (typeof flagSeverities)[number];

/** How much a flag asks for attention: a safety alert first, then recent clinical change, then patterns. */
export const severityOf: Record<FlagKind, FlagSeverity> = {
  'safety-alert': 'urgent',
  'lapse-told': 'attention',
  'worsening-score': 'attention',
  'rising-craving': 'attention',
  'missed-checkins': 'watch',
  'adherence-falling': 'watch',
};

/** Twofold's own thresholds (product choices, documented in docs/CASELOAD.md). */
export const caseloadThresholds = {
  /** Missed check-ins: no check-in for this many days or more (today not counted until it is over). */
  missedCheckinDays: 3,
  /** Rising craving: least-squares slope of craving (0-10) over the last `windowDays` days. */
  risingCraving: {
    windowDays: 14,
    /** At least this many check-ins in the window, so one bad day is not a trend. */
    minCheckins: 7,
    /** Points per day: 0.15/day is about 2 points over two weeks. */
    minSlopePerDay: 0.15,
    /** And the window's mean at least this much above the mean of the 14 days before (when there are any). */
    minRiseOverPrevious: 1,
  },
  /** Lapses told to the care team in the last `days` days. */
  lapseToldDays: 30,
  /** Trust Discussion adherence: days both partners recorded their part, last 14 days vs the 14 before. */
  adherence: {
    windowDays: 14,
    /** Percentage points of fall that raise the flag. */
    minFallPoints: 25,
    /** The earlier window must have this many days under the contract, or there is nothing to compare. */
    minPreviousDays: 7,
  },
  /** Scores: the latest result compared with the lowest of the results in this many days before it. */
  scoreLookbackDays: 180,
} as const;

/**
 * Reliable change: a rise at least this large between two administrations is unlikely to be
 * measurement error alone. Source: NHS Talking Therapies for anxiety and depression Manual
 * (National Collaborating Centre for Mental Health), reliable-change criteria: PHQ-9 6 points,
 * GAD-7 4 points (after Jacobson & Truax, 1991, J Consult Clin Psychol 59(1):12-19).
 */
export const reliableChange = {
  'phq-9': { points: 6, source: 'NHS Talking Therapies Manual: reliable change on PHQ-9 is 6 points (Jacobson & Truax, 1991)' },
  'gad-7': { points: 4, source: 'NHS Talking Therapies Manual: reliable change on GAD-7 is 4 points (Jacobson & Truax, 1991)' },
} as const;
export type ScoredInstrument = keyof typeof reliableChange;

/** Aggregates of one person's check-ins, read only when they share check-ins with the care team. */
export interface CheckinFacts {
  today: string;
  lastDate: string | null;
  /** Days since the person's first day in the program when they never checked in. */
  enrolledOn: string;
  recent: { n: number; mean: number | null; slope: number | null };
  previous: { n: number; mean: number | null };
}

export interface ScoreFacts {
  instrumentId: ScoredInstrument;
  latest: { total: number; date: string; submittedAt: string; band: string | null };
  lowest: { total: number; date: string } | null;
}

export interface AlertFacts {
  count: number;
  higherRisk: boolean;
  latestAt: string;
}

export interface LapseFacts {
  count: number;
  latestAt: string;
}

export interface AdherenceFacts {
  recent: { done: number; days: number };
  previous: { done: number; days: number };
  /** The last day of the recent window. */
  to: string;
}

/** What a flag says: kind-specific numbers the UI turns into a sentence. */
export type FlagFacts =
  | { kind: 'safety-alert'; alerts: number; higherRisk: boolean }
  | { kind: 'lapse-told'; reports: number; days: number }
  | { kind: 'missed-checkins'; days: number; lastCheckin: string | null }
  | { kind: 'rising-craving'; slopePerDay: number; recentMean: number; previousMean: number | null; checkins: number; windowDays: number }
  | {
      kind: 'worsening-score';
      instrumentId: ScoredInstrument;
      from: number;
      to: number;
      change: number;
      threshold: number;
      fromDate: string;
      band: string | null;
      source: string;
    }
  | { kind: 'adherence-falling'; recentPercent: number; previousPercent: number; windowDays: number };

/** The evidence an acknowledgement is measured against: newer or stronger evidence lifts it. */
export interface Evidence {
  at: string;
  value: number | null;
}

export interface DerivedFlag {
  kind: FlagKind;
  severity: FlagSeverity;
  /** When the situation began (a date or an instant), for "since …". */
  since: string;
  facts: FlagFacts;
  evidence: Evidence;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

export function flagFromAlerts(facts: AlertFacts | null): DerivedFlag | null {
  if (!facts || facts.count === 0) {
    return null;
  }
  return {
    kind: 'safety-alert',
    severity: severityOf['safety-alert'],
    since: facts.latestAt,
    facts: { kind: 'safety-alert', alerts: facts.count, higherRisk: facts.higherRisk },
    evidence: { at: facts.latestAt, value: null },
  };
}

export function flagFromLapses(facts: LapseFacts | null): DerivedFlag | null {
  if (!facts || facts.count === 0) {
    return null;
  }
  return {
    kind: 'lapse-told',
    severity: severityOf['lapse-told'],
    since: facts.latestAt,
    facts: { kind: 'lapse-told', reports: facts.count, days: caseloadThresholds.lapseToldDays },
    evidence: { at: facts.latestAt, value: null },
  };
}

/** Missed check-ins: whole days without one since the last, up to yesterday (today may still come). */
export function flagFromMissedCheckins(facts: CheckinFacts): DerivedFlag | null {
  const start = facts.lastDate ?? facts.enrolledOn;
  const missed = daysBetween(start, facts.today) - (facts.lastDate ? 1 : 0);
  if (missed < caseloadThresholds.missedCheckinDays) {
    return null;
  }
  const since = facts.lastDate ? addDays(facts.lastDate, 1) : facts.enrolledOn;
  return {
    kind: 'missed-checkins',
    severity: severityOf['missed-checkins'],
    since,
    facts: { kind: 'missed-checkins', days: missed, lastCheckin: facts.lastDate },
    evidence: { at: since, value: missed },
  };
}

/** Rising craving (Twofold's own rule, `caseloadThresholds.risingCraving`). */
export function flagFromCraving(facts: CheckinFacts): DerivedFlag | null {
  const rule = caseloadThresholds.risingCraving;
  const { recent, previous } = facts;
  if (recent.n < rule.minCheckins || recent.slope === null || recent.mean === null || recent.slope < rule.minSlopePerDay) {
    return null;
  }
  if (previous.n > 0 && previous.mean !== null && recent.mean - previous.mean < rule.minRiseOverPrevious) {
    return null;
  }
  const since = addDays(facts.today, -(rule.windowDays - 1));
  return {
    kind: 'rising-craving',
    severity: severityOf['rising-craving'],
    since,
    facts: {
      kind: 'rising-craving',
      slopePerDay: round2(recent.slope),
      recentMean: round1(recent.mean),
      previousMean: previous.n > 0 && previous.mean !== null ? round1(previous.mean) : null,
      checkins: recent.n,
      windowDays: rule.windowDays,
    },
    evidence: { at: since, value: round1(recent.mean) },
  };
}

/** Worsening score: the latest total at least the reliable change above the lowest of the 180 days before. */
export function flagFromScore(facts: ScoreFacts): DerivedFlag | null {
  if (!facts.lowest) {
    return null;
  }
  const threshold = reliableChange[facts.instrumentId];
  const change = facts.latest.total - facts.lowest.total;
  if (change < threshold.points) {
    return null;
  }
  return {
    kind: 'worsening-score',
    severity: severityOf['worsening-score'],
    since: facts.lowest.date,
    facts: {
      kind: 'worsening-score',
      instrumentId: facts.instrumentId,
      from: facts.lowest.total,
      to: facts.latest.total,
      change,
      threshold: threshold.points,
      fromDate: facts.lowest.date,
      band: facts.latest.band,
      source: threshold.source,
    },
    evidence: { at: facts.latest.submittedAt, value: facts.latest.total },
  };
}

/** Trust Discussion adherence falling (Twofold's own rule, `caseloadThresholds.adherence`). */
export function flagFromAdherence(facts: AdherenceFacts): DerivedFlag | null {
  const rule = caseloadThresholds.adherence;
  if (facts.previous.days < rule.minPreviousDays || facts.recent.days === 0) {
    return null;
  }
  const recentPercent = Math.round((100 * facts.recent.done) / facts.recent.days);
  const previousPercent = Math.round((100 * facts.previous.done) / facts.previous.days);
  if (previousPercent - recentPercent < rule.minFallPoints) {
    return null;
  }
  const since = addDays(facts.to, -(rule.windowDays - 1));
  return {
    kind: 'adherence-falling',
    severity: severityOf['adherence-falling'],
    since,
    facts: { kind: 'adherence-falling', recentPercent, previousPercent, windowDays: rule.windowDays },
    evidence: { at: since, value: recentPercent },
  };
}

/**
 * Whether `current` evidence is new since an acknowledgement of `acknowledged` (the flag then
 * shows at full strength again):
 * - a safety alert, a told lapse, a worsening score: anything later than what was acknowledged;
 * - missed check-ins: a new run of missed days (the person checked in, then stopped again);
 * - rising craving: the window's mean craving a whole point above the acknowledged one;
 * - adherence: a further fall of 15 percentage points.
 */
export function isNewEvidence(kind: FlagKind, acknowledged: Evidence, current: Evidence): boolean {
  switch (kind) {
    case 'safety-alert':
    case 'lapse-told':
    case 'worsening-score':
      return Date.parse(current.at) > Date.parse(acknowledged.at);
    case 'missed-checkins':
      return current.at > acknowledged.at;
    case 'rising-craving':
      return (current.value ?? 0) >= (acknowledged.value ?? 0) + 1;
    case 'adherence-falling':
      return (current.value ?? 0) <= (acknowledged.value ?? 0) - 15;
  }
}

const severityRank: Record<FlagSeverity, number> = { urgent: 0, attention: 1, watch: 2 };

/** Orders flags most pressing first: by severity, then not acknowledged before acknowledged. */
export function compareFlags(a: { severity: FlagSeverity; isDimmed: boolean }, b: { severity: FlagSeverity; isDimmed: boolean }): number {
  return Number(a.isDimmed) - Number(b.isDimmed) || severityRank[a.severity] - severityRank[b.severity];
}

/** A couple's place when the caseload is sorted by severity: its most pressing live flag, then how many. */
export function severityScore(flags: ReadonlyArray<{ severity: FlagSeverity; isDimmed: boolean }>): number {
  const live = flags.filter((flag) => !flag.isDimmed);
  if (live.length === 0) {
    return flags.length > 0 ? 3 * 100 : 4 * 100;
  }
  const top = Math.min(...live.map((flag) => severityRank[flag.severity]));
  return top * 100 - Math.min(live.length, 99);
}
