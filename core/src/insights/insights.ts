import { addDays, type LocalDate } from '../together/streaks';
import { defaultApimOptions, fitApim, type ApimFit, type ApimOptions, type Observation } from './apim';

/**
 * "How do our dynamics affect our recovery?" answered from the couple's own daily check-ins, one
 * question at a time. Each insight is an APIM (./apim.ts) for one partner: the actor effect is
 * what the person's own report predicts, the partner effect what the other partner's report
 * predicts. Associations in a couple's own days, never causes and never a diagnosis.
 *
 * The questions follow the daily-diary literature on couples and substance use: conflict and next-day
 * craving or use (Fals-Stewart, Birchler & Kelley 2003; Rodriguez et al. 2014, *Psychology of Addictive
 * Behaviors* 28(4)); stress spilling over between partners (Bolger et al. 1989); closeness and mood
 * on the same day (Laurenceau, Barrett & Pietromonaco 1998).
 */

/** The check-in values an insight may use, one person, one local day. */
export interface InsightDay {
  date: LocalDate;
  mood: number;
  craving: number;
  stress: number;
  closeness: number;
  conflict: 'none' | 'some' | 'high';
}

type Measure = 'mood' | 'craving' | 'stress' | 'closeness' | 'high-conflict';

const valueOf: Record<Measure, (day: InsightDay) => number> = {
  mood: (day) => day.mood,
  craving: (day) => day.craving,
  stress: (day) => day.stress,
  closeness: (day) => day.closeness,
  // A day either partner called high-conflict, against days with none or some.
  'high-conflict': (day) => (day.conflict === 'high' ? 1 : 0),
};

export interface InsightDefinition {
  id: string;
  outcome: Measure;
  predictor: Measure;
  /** 1: the predictor's day is the day before the outcome's (the outcome of that day is a control). 0: the same day. */
  lag: 0 | 1;
}

export const insightDefinitions = [
  { id: 'conflict-next-day-craving', outcome: 'craving', predictor: 'high-conflict', lag: 1 },
  { id: 'stress-next-day-craving', outcome: 'craving', predictor: 'stress', lag: 1 },
  { id: 'closeness-same-day-mood', outcome: 'mood', predictor: 'closeness', lag: 0 },
] as const satisfies readonly InsightDefinition[];

export type InsightId = (typeof insightDefinitions)[number]['id'];
export const insightIds = insightDefinitions.map((d) => d.id) as [InsightId, ...InsightId[]];

/**
 * The days that enter one partner's model: every day with the person's outcome, and on the
 * predictor's day both partners' reports (and, lagged, the person's own outcome that day).
 * `partners` null: the partner's days may not be used (not shared for insights), so the model is
 * the person's own (actor only) and uses every day of theirs.
 */
export function observationsFor(
  definition: InsightDefinition,
  mine: readonly InsightDay[],
  partners: readonly InsightDay[] | null,
): Observation[] {
  const myDays = new Map(mine.map((day) => [day.date, day]));
  const partnerDays = partners === null ? null : new Map(partners.map((day) => [day.date, day]));
  const outcome = valueOf[definition.outcome];
  const predictor = valueOf[definition.predictor];
  const observations: Observation[] = [];
  for (const day of [...mine].sort((a, b) => a.date.localeCompare(b.date))) {
    const predictorDate = addDays(day.date, -definition.lag);
    const mineThen = myDays.get(predictorDate);
    const partnerThen = partnerDays?.get(predictorDate);
    if (!mineThen || (partnerDays !== null && !partnerThen)) {
      continue;
    }
    observations.push({
      outcome: outcome(day),
      actor: predictor(mineThen),
      ...(partnerThen ? { partner: predictor(partnerThen) } : {}),
      ...(definition.lag === 1 ? { control: outcome(mineThen) } : {}),
    });
  }
  return observations;
}

export interface Insight {
  id: InsightId;
  fit: ApimFit;
}

/** Every insight for one partner, from their days and their partner's days within the window. */
export function insightsFor(
  mine: readonly InsightDay[],
  partners: readonly InsightDay[] | null,
  options: ApimOptions = defaultApimOptions,
): Insight[] {
  return insightDefinitions.map((definition) => ({
    id: definition.id,
    fit: fitApim(observationsFor(definition, mine, partners), options),
  }));
}
