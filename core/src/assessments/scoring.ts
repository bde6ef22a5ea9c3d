import type { Band, InstrumentDefinition, InstrumentItem } from './instruments';

/**
 * Exact scoring of a filled-in questionnaire, from the raw answer codes (reference §0):
 * - only complete responses are scored: a missing required item gives `incomplete`, never a guess or a prorated total;
 * - reverse-scored items are mapped here (DAST-10 item 3: No scores 1; ECR-S items 1, 5, 8, 9: 8 − raw);
 * - critical items are checked separately from the total, and also on incomplete responses;
 * - the result names the rule and the source it applied, and the scorer version.
 */

/** Bump when the scoring code changes how any result comes out. Stored with every result. */
export const scorerVersion = '1.0.0';

export interface ScoringOptions {
  /** PC-PTSD-5 cut-point: 3 (Prins 2016, default, more sensitive) or 4 (Bovin 2021). */
  ptsdCutoff?: 3 | 4;
  /** AUDIT-C threshold (sex assigned at birth, as the person states it). Not stated: the conservative ≥ 3. */
  auditCThreshold?: 'female' | 'male' | 'not-stated';
}

export interface CriticalHit {
  itemId: string;
  flow: 'self-harm' | 'ipv';
  /** The raw answer. */
  value: number;
  /** At or above the item's higher-risk tier (PHQ-9 item 9 ≥ 2; HARK A, R or K Yes). */
  higherRisk: boolean;
}

export type AssessmentScore =
  | {
      status: 'scored';
      scorerVersion: string;
      total: number | null;
      /** ECR-S: the mean of each dimension (1–7, two decimals). null for the others. */
      subscales: Record<string, number> | null;
      band: { id: string; label: string; source: string } | null;
      /** Positive by the instrument's published cut-off; null where there is none (DAST-10, ECR-S). */
      positive: boolean | null;
      /** The rule applied, with its source. */
      rule: string;
      critical: CriticalHit[];
      /** Further remarks from the source about this result (AUDIT-C: all points from item 1). */
      notes?: string[];
    }
  | { status: 'incomplete'; scorerVersion: string; missing: string[]; critical: CriticalHit[] };

export interface AnswerIssue {
  itemId: string;
  problem: 'unknown-item' | 'invalid-value' | 'missing';
}

function hasAnswer(answers: Readonly<Record<string, unknown>>, itemId: string): boolean {
  return Object.hasOwn(answers, itemId);
}

/**
 * Whether an item applies given the other answers. A gated item (PC-PTSD-5 items 1–5) stops applying only
 * once its gate is answered with another value; while the gate is unanswered it still applies.
 */
function isApplicable(item: InstrumentItem, answers: Readonly<Record<string, unknown>>): boolean {
  if (!item.gatedBy) {
    return true;
  }
  const { itemId, value } = item.gatedBy;
  return !hasAnswer(answers, itemId) || answers[itemId] === value;
}

function isValidValue(item: InstrumentItem, value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && item.options.some((option) => option.value === value);
}

/**
 * The items that must be answered for a score, given the answers so far. PC-PTSD-5: the gate always;
 * items 1–5 unless the gate is answered No.
 */
export function requiredItems(def: InstrumentDefinition, answers: Readonly<Record<string, number>>): string[] {
  return def.items.filter((item) => item.required && isApplicable(item, answers)).map((item) => item.id);
}

/**
 * The answers that count: those to items that apply. PC-PTSD-5 with gate = No keeps only the gate, so
 * answers to items 1–5 sent with it are dropped. Store what this returns.
 */
export function applicableAnswers(def: InstrumentDefinition, answers: Readonly<Record<string, number>>): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const item of def.items) {
    const value = answers[item.id];
    if (hasAnswer(answers, item.id) && value !== undefined && isApplicable(item, answers)) {
      kept[item.id] = value;
    }
  }
  return kept;
}

/**
 * Field-level validation for an API, in definition order with unknown items last:
 * - `unknown-item`: a key that is no item of this instrument;
 * - `invalid-value`: not an integer, or not among the item's option values;
 * - `missing`: a required item with no answer (PC-PTSD-5 items 1–5 are not required once the gate is No).
 * Decision: with gate = No, answers to PC-PTSD-5 items 1–5 are accepted (checked like any answer) and then
 * ignored: scoring skips them and `applicableAnswers` drops them before storage. An invalid gate value
 * counts as no gate, so items 1–5 stay required.
 * No issues means `scoreAssessment` will not throw.
 */
export function checkAnswers(def: InstrumentDefinition, answers: Readonly<Record<string, unknown>>): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const valid: Record<string, number> = {};
  for (const item of def.items) {
    const value = answers[item.id];
    if (hasAnswer(answers, item.id) && isValidValue(item, value)) {
      valid[item.id] = value;
    }
  }
  const required = new Set(requiredItems(def, valid));
  for (const item of def.items) {
    if (hasAnswer(answers, item.id)) {
      if (!Object.hasOwn(valid, item.id)) {
        issues.push({ itemId: item.id, problem: 'invalid-value' });
      }
    } else if (required.has(item.id)) {
      issues.push({ itemId: item.id, problem: 'missing' });
    }
  }
  const known = new Set(def.items.map((item) => item.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      issues.push({ itemId: key, problem: 'unknown-item' });
    }
  }
  return issues;
}

/**
 * Critical answers (PHQ-9 item 9 ≥ 1; any HARK Yes), whatever the total and whether or not the response
 * is complete. Answers that are invalid, or to items that do not apply, are skipped.
 */
export function findCriticalHits(def: InstrumentDefinition, answers: Readonly<Record<string, unknown>>): CriticalHit[] {
  const hits: CriticalHit[] = [];
  for (const critical of def.criticalItems) {
    const item = def.items.find((candidate) => candidate.id === critical.itemId);
    const value = answers[critical.itemId];
    if (item && hasAnswer(answers, item.id) && isValidValue(item, value) && isApplicable(item, answers) && value >= critical.minValue) {
      hits.push({
        itemId: critical.itemId,
        flow: critical.flow,
        value,
        higherRisk: critical.higherRiskMinValue !== undefined && value >= critical.higherRiskMinValue,
      });
    }
  }
  return hits;
}

interface Threshold {
  bands: Band[];
  source: string;
  rule: string;
  isPositive: (total: number) => boolean | null;
}

/** The bands, source and positive rule that apply to this instrument under these options. */
function thresholdFor(def: InstrumentDefinition, options: ScoringOptions): Threshold {
  const standard = { bands: def.bands, source: def.bandSource };
  switch (def.id) {
    case 'phq-9':
      return {
        ...standard,
        rule: 'PHQ-9 total = sum of items 1-9 (0-27); positive screen at >= 10; bands Kroenke 2001',
        isPositive: (total) => total >= 10,
      };
    case 'gad-7':
      return {
        ...standard,
        rule: 'GAD-7 total = sum of items 1-7 (0-21); positive screen at >= 10; bands Spitzer 2006',
        isPositive: (total) => total >= 10,
      };
    case 'audit-c': {
      const threshold = options.auditCThreshold ?? 'not-stated';
      if (threshold === 'male') {
        return {
          bands: def.alternativeBands?.['male'] ?? def.bands,
          source: 'Bradley 2007 (men: >= 4); LOINC 75626-2',
          rule: 'AUDIT-C >= 4 (threshold for men), Bradley 2007',
          isPositive: (total) => total >= 4,
        };
      }
      return {
        bands: def.bands,
        source: 'Bradley 2007 (women: >= 3); LOINC 75626-2',
        rule:
          threshold === 'female'
            ? 'AUDIT-C >= 3 (threshold for women), Bradley 2007'
            : 'AUDIT-C >= 3 (conservative, sex not stated), Bradley 2007',
        isPositive: (total) => total >= 3,
      };
    }
    case 'dast-10':
      return {
        ...standard,
        rule: 'DAST-10 total = 1 point per Yes, item 3 scores 1 for No (0-10); levels per Skinner 1982; no single positive cut-off applied',
        isPositive: () => null,
      };
    case 'pc-ptsd-5': {
      const cutoff = options.ptsdCutoff ?? 3;
      return cutoff === 4
        ? {
            bands: def.alternativeBands?.['cutoff-4'] ?? def.bands,
            source: 'Bovin 2021 (cut-point 4)',
            rule: 'PC-PTSD-5 >= 4 (Bovin 2021); gate No gives total 0',
            isPositive: (total) => total >= 4,
          }
        : {
            bands: def.bands,
            source: 'Prins 2016 (cut-point 3)',
            rule: 'PC-PTSD-5 >= 3 (Prins 2016); gate No gives total 0',
            isPositive: (total) => total >= 3,
          };
    }
    case 'ecr-s':
      return {
        bands: [],
        source: def.bandSource,
        rule: 'ECR-S anxiety and avoidance = mean of 6 items each after reverse-coding items 1, 5, 8, 9 (8 - raw), Wei 2007; no total, no cut-offs',
        isPositive: () => null,
      };
    case 'csi-4':
      return {
        ...standard,
        rule: 'CSI-4 total = sum of items 1-4 (0-21); below 13.5 (<= 13) suggests notable dissatisfaction, Funk & Rogge 2007',
        isPositive: (total) => total <= 13,
      };
    case 'hark':
      return {
        ...standard,
        rule: 'HARK total = count of Yes (0-4); positive at >= 1, Sohal 2007',
        isPositive: (total) => total >= 1,
      };
  }
}

/**
 * The bands that apply under these options, for a trend chart's shading: AUDIT-C men (≥ 4) or not
 * (≥ 3, also when sex is not stated); PC-PTSD-5 cut-point 3 or 4. [] for ECR-S.
 */
export function bandsFor(def: InstrumentDefinition, options: ScoringOptions = {}): Band[] {
  return thresholdFor(def, options).bands;
}

/** The points an answer earns: the raw code, or for a reverse-scored item its mirror on the option scale. */
function pointsFor(item: InstrumentItem, raw: number): number {
  if (!item.reverse) {
    return raw;
  }
  const values = item.options.map((option) => option.value);
  return Math.min(...values) + Math.max(...values) - raw;
}

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Scores one response. Call `checkAnswers` first: an unknown item or an invalid value is a programming
 * error here and throws a RangeError. A missing required item gives `incomplete` with the missing ids,
 * and still reports critical answers, which the caller must act on at once.
 */
export function scoreAssessment(
  def: InstrumentDefinition,
  answers: Readonly<Record<string, number>>,
  options: ScoringOptions = {},
): AssessmentScore {
  const invalid = checkAnswers(def, answers).filter((issue) => issue.problem !== 'missing');
  if (invalid.length > 0) {
    throw new RangeError(`${def.shortName}: answers ${invalid.map((issue) => `${issue.itemId} (${issue.problem})`).join(', ')}`);
  }
  const critical = findCriticalHits(def, answers);
  const missing = requiredItems(def, answers).filter((itemId) => !hasAnswer(answers, itemId));
  if (missing.length > 0) {
    return { status: 'incomplete', scorerVersion, missing, critical };
  }

  const counted = def.items.filter((item) => item.scored && isApplicable(item, answers) && hasAnswer(answers, item.id));
  const points = (item: InstrumentItem): number => pointsFor(item, answers[item.id] ?? 0);

  let subscales: Record<string, number> | null = null;
  const withSubscale = counted.filter((item) => item.subscale !== undefined);
  if (withSubscale.length > 0) {
    subscales = {};
    // Keys in a stable, alphabetical order (ECR-S: anxiety, avoidance).
    for (const name of [...new Set(withSubscale.map((item) => String(item.subscale)))].sort()) {
      const members = withSubscale.filter((item) => item.subscale === name);
      subscales[name] = roundTo2(members.reduce((sum, item) => sum + points(item), 0) / members.length);
    }
  }

  const threshold = thresholdFor(def, options);
  const total = def.totalRange === null ? null : counted.reduce((sum, item) => sum + points(item), 0);
  const band = total === null ? undefined : threshold.bands.find((candidate) => total >= candidate.min && total <= candidate.max);
  const notes: string[] = [];
  // "When all points come from item 1 (items 2 and 3 both 0), drinking is likely below recommended limits"
  // [V, LOINC 75626-2 term description].
  if (def.id === 'audit-c' && total !== null && total > 0 && answers['2'] === 0 && answers['3'] === 0) {
    notes.push('All points come from item 1: drinking is likely below recommended limits (LOINC 75626-2).');
  }
  return {
    status: 'scored',
    scorerVersion,
    total,
    subscales,
    band: band ? { id: band.id, label: band.label, source: threshold.source } : null,
    positive: total === null ? null : threshold.isPositive(total),
    rule: threshold.rule,
    critical,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
