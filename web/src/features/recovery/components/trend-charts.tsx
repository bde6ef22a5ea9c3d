import { useTranslation } from 'react-i18next';
import type { Checkin } from '@twofold/core/recovery/checkin.schemas';
import { addDays, formatDay } from '../dates';

type Measure = 'mood' | 'craving' | 'sleep' | 'stress';
const measures: { key: Measure; min: number; max: number }[] = [
  { key: 'mood', min: 1, max: 5 },
  { key: 'craving', min: 0, max: 10 },
  { key: 'sleep', min: 1, max: 5 },
  { key: 'stress', min: 1, max: 5 },
];

const width = 320;
const height = 110;
const pad = { left: 22, right: 6, top: 8, bottom: 18 };

/**
 * Hand-drawn SVG (no chart library: nothing that needs inline <style> or eval under the strict
 * CSP). Each chart has a sentence that says what it shows and a table with the numbers.
 */
function TrendChart({
  measure,
  days,
  from,
  to,
  checkins,
}: {
  measure: (typeof measures)[number];
  days: number;
  from: string;
  to: string;
  checkins: Checkin[];
}) {
  const { t, i18n } = useTranslation();
  const points = checkins
    .filter((checkin) => checkin.date >= from && checkin.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((checkin) => ({ date: checkin.date, value: checkin[measure.key] }));
  const label = t(`recovery.trends.${measure.key}`);
  const dayIndex = (date: string) => (Date.parse(date) - Date.parse(from)) / 86_400_000;
  const x = (date: string) => pad.left + (dayIndex(date) / Math.max(days - 1, 1)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - (value - measure.min) / (measure.max - measure.min)) * (height - pad.top - pad.bottom);
  const values = points.map((point) => point.value);
  const average = values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  const summary =
    average === null
      ? t('recovery.trends.none', { measure: label, days })
      : t('recovery.trends.summary', {
          measure: label,
          days,
          count: values.length,
          average: average.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
          min: Math.min(...values),
          max: Math.max(...values),
          scaleMin: measure.min,
          scaleMax: measure.max,
        });
  // Lines join consecutive days only; a gap (no check-in) breaks the line.
  const segments: string[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    const joined = previous && addDays(previous.date, 1) === point.date;
    segments.push(`${joined ? 'L' : 'M'}${x(point.date).toFixed(1)} ${y(point.value).toFixed(1)}`);
  });
  return (
    <figure className="trend">
      <figcaption className="trend__title">{label}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="trend__chart" role="img" aria-label={summary} focusable="false">
        {[measure.min, measure.max].map((value) => (
          <g key={value}>
            <line x1={pad.left} x2={width - pad.right} y1={y(value)} y2={y(value)} className="trend__grid" />
            <text x={pad.left - 4} y={y(value) + 4} textAnchor="end" className="trend__axis">
              {value}
            </text>
          </g>
        ))}
        <path d={segments.join(' ')} className="trend__line" fill="none" />
        {points.map((point) => (
          <circle key={point.date} cx={x(point.date)} cy={y(point.value)} r={2.5} className="trend__dot" />
        ))}
        <text x={pad.left} y={height - 4} className="trend__axis">
          {formatDay(from, i18n.language, { day: 'numeric', month: 'short' })}
        </text>
        <text x={width - pad.right} y={height - 4} textAnchor="end" className="trend__axis">
          {formatDay(to, i18n.language, { day: 'numeric', month: 'short' })}
        </text>
      </svg>
      <p className="trend__summary">{summary}</p>
      {points.length > 0 ? (
        <details className="trend__table">
          <summary>{t('recovery.trends.showNumbers', { measure: label })}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('recovery.trends.day')}</th>
                <th scope="col">{label}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.date}>
                  <th scope="row">{formatDay(point.date, i18n.language, { dateStyle: 'medium' })}</th>
                  <td>{point.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}

/** Mood, craving, sleep and stress over the last 30 or 90 days. */
export function TrendCharts({ checkins, today, days }: { checkins: Checkin[]; today: string; days: number }) {
  const from = addDays(today, -(days - 1));
  return (
    <div className="trends">
      {measures.map((measure) => (
        <TrendChart key={measure.key} measure={measure} days={days} from={from} to={today} checkins={checkins} />
      ))}
    </div>
  );
}
