import { Matrix, determinant, inverse } from 'ml-matrix';
import jStat from 'jstat';

/**
 * The actor–partner interdependence model (APIM) for one couple's daily data, estimated for one
 * partner at a time (distinguishable dyads: each partner has their own intercept and effects).
 *
 *   outcome(me, day) = b0 + actor · predictor(me, day') + partner · predictor(partner, day')
 *                      [+ stability · outcome(me, day − 1)]
 *
 * With `day' = day − 1` the predictors are lagged (e.g. conflict today → craving tomorrow); the
 * outcome of the day before is then a control, so an effect is a change against the person's own
 * recent level rather than a difference between people (Kenny, Kashy & Cook, *Dyadic Data
 * Analysis*, 2006, ch. 7; Bolger & Laurenceau, *Intensive Longitudinal Methods*, 2013, ch. 8).
 *
 * Ordinary least squares. Each standard error is the larger of the conventional one and the one
 * robust to unequal variance (HC3, MacKinnon & White 1985; Long & Ervin 2000): robust errors alone
 * are too small in short series with a rare yes/no predictor — a couple with a few high-conflict
 * days in a month — and the larger of the two guards against that (Angrist & Pischke, *Mostly
 * Harmless Econometrics*, 2009, §8.1; the null-data tests in apim.test.ts show the rate).
 * Intervals use the t distribution on n − k degrees of freedom. Missing days are never filled in: a day enters only when every value
 * it needs was reported (listwise deletion), so the sample size shown is the days actually used.
 */

export interface Observation {
  outcome: number;
  actor: number;
  /** The partner's predictor; left out when the partner's days may not be used (an actor-only model). */
  partner?: number;
  /** The outcome of the day before, for lagged models. */
  control?: number;
}

export interface Estimate {
  /** In the outcome's own units, per unit of the predictor. */
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
  p: number;
  /** Partial correlation r = t / √(t² + df): a unit-free effect size. */
  partialR: number;
}

export type ApimFit =
  | { status: 'ok'; days: number; actor: Estimate; partner: Estimate | null; confidence: number }
  | { status: 'not-enough-days'; days: number; needed: number }
  | { status: 'no-variation'; days: number; variable: 'outcome' | 'actor' | 'partner' }
  /** A yes/no predictor (e.g. a high-conflict day) with too few days on one side. */
  | { status: 'not-enough-events'; days: number; variable: 'actor' | 'partner'; events: number; needed: number };

export interface ApimOptions {
  /** Fewer observations than this: "not enough days yet". */
  minDays: number;
  /**
   * A yes/no predictor needs at least this many days of each answer. With fewer, one unusual day
   * decides the estimate and its standard error is too small, most of all when those days also
   * vary more (apim.test.ts measures the false-effect rate with and without this rule).
   */
  minEventDays: number;
  /** Confidence level of the intervals, e.g. 0.95. */
  confidence: number;
}

export const defaultApimOptions: ApimOptions = { minDays: 14, minEventDays: 10, confidence: 0.95 };

export function fitApim(observations: readonly Observation[], options: ApimOptions = defaultApimOptions): ApimFit {
  const days = observations.length;
  if (days < options.minDays) {
    return { status: 'not-enough-days', days, needed: options.minDays };
  }
  const withPartner = observations.every((o) => o.partner !== undefined);
  const withControl = observations.every((o) => o.control !== undefined);
  for (const variable of withPartner ? (['outcome', 'actor', 'partner'] as const) : (['outcome', 'actor'] as const)) {
    if (isConstant(observations.map((o) => o[variable] as number))) {
      return { status: 'no-variation', days, variable };
    }
  }
  for (const variable of withPartner ? (['actor', 'partner'] as const) : (['actor'] as const)) {
    const values = observations.map((o) => o[variable] as number);
    if (values.every((value) => value === 0 || value === 1)) {
      const events = Math.min(values.filter((value) => value === 1).length, values.filter((value) => value === 0).length);
      if (events < options.minEventDays) {
        return { status: 'not-enough-events', days, variable, events, needed: options.minEventDays };
      }
    }
  }
  const rows = observations.map((o) => [
    1,
    o.actor,
    ...(withPartner ? [o.partner as number] : []),
    ...(withControl ? [o.control as number] : []),
  ]);
  const x = new Matrix(rows);
  const y = Matrix.columnVector(observations.map((o) => o.outcome));
  const k = x.columns;
  const df = days - k;
  const xtx = x.transpose().mmul(x);
  if (df < 1 || Math.abs(determinantScale(xtx)) < 1e-9) {
    // The predictors move together exactly (e.g. both partners always report the same conflict):
    // their effects cannot be told apart.
    return { status: 'no-variation', days, variable: 'partner' };
  }
  const xtxInverse = inverse(xtx);
  const beta = xtxInverse.mmul(x.transpose()).mmul(y);
  const residuals = y.clone().sub(x.mmul(beta));

  // HC3: each squared residual is inflated by 1 / (1 − h_ii)², h_ii the observation's leverage.
  // Plain loops over the k ≤ 4 columns: a matrix object per day cost most of a year's fit.
  const inverseRows = xtxInverse.to2DArray();
  const meatRows = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  rows.forEach((row, i) => {
    let leverage = 0;
    for (let a = 0; a < k; a += 1) {
      for (let b = 0; b < k; b += 1) {
        leverage += row[a]! * inverseRows[a]![b]! * row[b]!;
      }
    }
    const weight = (residuals.get(i, 0) / Math.max(1 - leverage, 1e-8)) ** 2;
    for (let a = 0; a < k; a += 1) {
      for (let b = 0; b < k; b += 1) {
        meatRows[a]![b]! += row[a]! * row[b]! * weight;
      }
    }
  });
  const meat = new Matrix(meatRows);
  const robust = xtxInverse.mmul(meat).mmul(xtxInverse);
  const residualVariance = residuals.transpose().mmul(residuals).get(0, 0) / df;
  const critical = jStat.studentt.inv(1 - (1 - options.confidence) / 2, df);
  const estimate = (index: number): Estimate => {
    const value = beta.get(index, 0);
    const standardError = Math.sqrt(Math.max(robust.get(index, index), residualVariance * xtxInverse.get(index, index), 0));
    const t = standardError > 0 ? value / standardError : 0;
    return {
      estimate: value,
      standardError,
      lower: value - critical * standardError,
      upper: value + critical * standardError,
      p: 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)),
      partialR: t / Math.sqrt(t * t + df),
    };
  };
  return { status: 'ok', days, actor: estimate(1), partner: withPartner ? estimate(2) : null, confidence: options.confidence };
}

function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}

/** The determinant of X'X scaled by its diagonal (a correlation-like matrix), so the collinearity test ignores units. */
function determinantScale(xtx: Matrix): number {
  const scales = Array.from({ length: xtx.rows }, (_, i) => Math.sqrt(xtx.get(i, i)));
  const scaled = new Matrix(xtx.rows, xtx.columns);
  for (let i = 0; i < xtx.rows; i += 1) {
    for (let j = 0; j < xtx.columns; j += 1) {
      scaled.set(i, j, xtx.get(i, j) / (scales[i]! * scales[j]!));
    }
  }
  return determinant(scaled);
}
