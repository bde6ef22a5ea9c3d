import { useTranslation } from 'react-i18next';
import type { InsightChartDay } from '@twofold/core/insights/insights.schemas';
import { formatDay } from '../../lib/format';
import type { Voice } from './insight-card';

const width = 320;
const height = 150;
const pad = { left: 22, right: 6, top: 8, bottom: 50 };
const lanes = { subject: height - 36, partner: height - 24 };

/**
 * Craving and high-conflict days on one time axis, both partners (the partner's row only when their
 * days are included). Hand-drawn SVG like the trend charts (nothing that needs inline styles or
 * eval under the strict CSP), with a sentence that says what it shows and a table of the numbers.
 */
export function ConflictCravingChart({
  days,
  voice,
  partnerIncluded,
}: {
  days: InsightChartDay[];
  voice: Voice;
  partnerIncluded: boolean;
}) {
  const { t, i18n } = useTranslation();
  const who = voice.self ? 'self' : 'other';
  const names = { subject: voice.subject, partner: voice.partner };
  const from = days[0]?.date;
  const to = days.at(-1)?.date;
  if (!from || !to) {
    return null;
  }
  const x = (index: number) => pad.left + (index / Math.max(days.length - 1, 1)) * (width - pad.left - pad.right);
  const y = (craving: number) => pad.top + (1 - craving / 10) * (height - pad.top - pad.bottom);
  const segments: string[] = [];
  days.forEach((day, index) => {
    if (day.craving !== null) {
      const joined = index > 0 && days[index - 1]?.craving !== null;
      segments.push(`${joined ? 'L' : 'M'}${x(index).toFixed(1)} ${y(day.craving).toFixed(1)}`);
    }
  });
  const highDays = days.filter((day) => day.conflict === 'high').length;
  const partnerHighDays = days.filter((day) => day.partnerConflict === 'high').length;
  const checkedIn = days.filter((day) => day.craving !== null).length;
  const summary = [
    t(`insights.chart.summary_${who}`, { ...names, days: days.length, checkedIn, highDays }),
    partnerIncluded ? t('insights.chart.partnerSummary', { ...names, partnerHighDays }) : '',
  ]
    .join(' ')
    .trim();
  const conflictText = (value: InsightChartDay['conflict']) =>
    value === null ? t('insights.chart.noCheckin') : t(`insights.chart.conflict.${value}`);
  return (
    <figure className="trend insight-chart">
      <figcaption className="trend__title">{t('insights.chart.title')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="trend__chart" role="img" aria-label={summary} focusable="false">
        {[0, 10].map((value) => (
          <g key={value}>
            <line x1={pad.left} x2={width - pad.right} y1={y(value)} y2={y(value)} className="trend__grid" />
            <text x={pad.left - 4} y={y(value) + 4} textAnchor="end" className="trend__axis">
              {value}
            </text>
          </g>
        ))}
        <path d={segments.join(' ')} className="trend__line" fill="none" />
        {days.map((day, index) =>
          day.conflict === 'high' ? (
            <rect key={`s${day.date}`} x={x(index) - 2} y={lanes.subject - 4} width={4} height={8} className="insight-chart__mine" />
          ) : null,
        )}
        {partnerIncluded
          ? days.map((day, index) =>
              day.partnerConflict === 'high' ? (
                <circle key={`p${day.date}`} cx={x(index)} cy={lanes.partner} r={3} className="insight-chart__partner" />
              ) : null,
            )
          : null}
        <text x={pad.left} y={height - 4} className="trend__axis">
          {formatDay(from, i18n.language, { day: 'numeric', month: 'short' })}
        </text>
        <text x={width - pad.right} y={height - 4} textAnchor="end" className="trend__axis">
          {formatDay(to, i18n.language, { day: 'numeric', month: 'short' })}
        </text>
      </svg>
      <ul className="insight-chart__legend">
        <li>
          <span className="insight-chart__key insight-chart__key--line" aria-hidden="true" />{' '}
          {t(`insights.chart.legendCraving_${who}`, names)}
        </li>
        <li>
          <span className="insight-chart__key insight-chart__key--mine" aria-hidden="true" /> {t(`insights.chart.legendMine_${who}`, names)}
        </li>
        {partnerIncluded ? (
          <li>
            <span className="insight-chart__key insight-chart__key--partner" aria-hidden="true" />{' '}
            {t('insights.chart.legendPartner', names)}
          </li>
        ) : null}
      </ul>
      <p className="trend__summary">{summary}</p>
      <details className="trend__table">
        <summary>{t('insights.chart.showNumbers')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('insights.chart.day')}</th>
              <th scope="col">{t('insights.chart.craving')}</th>
              <th scope="col">{t(`insights.chart.conflictOf_${who}`, names)}</th>
              {partnerIncluded ? <th scope="col">{t('insights.chart.conflictOfPartner', names)}</th> : null}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatDay(day.date, i18n.language, { dateStyle: 'medium' })}</th>
                <td>{day.craving ?? '–'}</td>
                <td>{conflictText(day.conflict)}</td>
                {partnerIncluded ? <td>{conflictText(day.partnerConflict)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
