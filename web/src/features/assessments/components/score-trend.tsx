import { useTranslation } from 'react-i18next';
import type { Assessment } from '@twofold/core/assessments/assessment.schemas';
import { formatDay } from '../dates';

const width = 320;
const height = 150;
const pad = { left: 26, right: 8, top: 8, bottom: 20 };

interface BandRange {
  id: string;
  min: number;
  max: number;
  label: string;
}

/**
 * Totals over time on a hand-drawn SVG (no chart library: nothing that needs inline styles or
 * eval under the strict CSP, and no request leaves the Twofold server), with the instrument's
 * bands shaded behind the line. A sentence says what it shows; a table holds the numbers.
 */
export function ScoreTrend({
  history,
  range,
  bands,
  bandLabel,
  title,
}: {
  /** Newest first, as the API gives them. */
  history: Assessment[];
  range: { min: number; max: number };
  bands: BandRange[];
  bandLabel: (bandId: string, fallback: string) => string;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const points = history
    .filter((assessment) => assessment.total !== null)
    .slice()
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .map((assessment) => ({
      id: assessment.id,
      date: assessment.date,
      at: Date.parse(assessment.submittedAt),
      total: assessment.total ?? 0,
      band: assessment.band,
    }));
  if (points.length === 0) {
    return null;
  }
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? 0;
  const x = (at: number) =>
    last === first ? (pad.left + width - pad.right) / 2 : pad.left + ((at - first) / (last - first)) * (width - pad.left - pad.right);
  const span = Math.max(range.max - range.min, 1);
  const y = (value: number) => pad.top + (1 - (value - range.min) / span) * (height - pad.top - pad.bottom);
  // A band covers [min, max] of integer totals; draw it from min - 0.5 to max + 0.5, clipped to the range.
  const bandTop = (band: BandRange) => y(Math.min(band.max + 0.5, range.max));
  const bandBottom = (band: BandRange) => y(Math.max(band.min - 0.5, range.min));
  const latest = points[points.length - 1];
  const summary = t('assessments.trend.summary', {
    count: points.length,
    first: formatDay(points[0]?.date ?? '', i18n.language),
    latest: latest?.total ?? 0,
    min: range.min,
    max: range.max,
  });
  return (
    <figure className="trend score-trend">
      <figcaption className="trend__title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="trend__chart" role="img" aria-label={summary} focusable="false">
        {bands.map((band, index) => (
          <rect
            key={band.id}
            x={pad.left}
            width={width - pad.left - pad.right}
            y={bandTop(band)}
            height={Math.max(bandBottom(band) - bandTop(band), 0)}
            className={`score-trend__band score-trend__band--${Math.min(index, 4)}`}
          />
        ))}
        {[range.min, range.max].map((value) => (
          <text key={value} x={pad.left - 4} y={y(value) + 4} textAnchor="end" className="trend__axis">
            {value}
          </text>
        ))}
        <path
          d={points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)} ${y(point.total).toFixed(1)}`).join(' ')}
          className="trend__line"
          fill="none"
        />
        {points.map((point) => (
          <circle key={point.id} cx={x(point.at)} cy={y(point.total)} r={3.5} className="trend__dot" />
        ))}
        <text x={pad.left} y={height - 4} className="trend__axis">
          {formatDay(points[0]?.date ?? '', i18n.language, { day: 'numeric', month: 'short' })}
        </text>
        {points.length > 1 ? (
          <text x={width - pad.right} y={height - 4} textAnchor="end" className="trend__axis">
            {formatDay(latest?.date ?? '', i18n.language, { day: 'numeric', month: 'short' })}
          </text>
        ) : null}
      </svg>
      <ul className="score-trend__legend" aria-label={t('assessments.trend.legend')}>
        {bands.map((band, index) => (
          <li key={band.id}>
            <span className={`score-trend__swatch score-trend__band--${Math.min(index, 4)}`} aria-hidden="true" />
            {t('assessments.trend.bandRange', { label: bandLabel(band.id, band.label), min: band.min, max: band.max })}
          </li>
        ))}
      </ul>
      <p className="trend__summary">{summary}</p>
      <details className="trend__table">
        <summary>{t('assessments.trend.showNumbers')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessments.trend.day')}</th>
              <th scope="col">{t('assessments.trend.score')}</th>
              <th scope="col">{t('assessments.trend.band')}</th>
            </tr>
          </thead>
          <tbody>
            {points
              .slice()
              .reverse()
              .map((point) => (
                <tr key={point.id}>
                  <th scope="row">{formatDay(point.date, i18n.language)}</th>
                  <td>{point.total}</td>
                  <td>{point.band ? bandLabel(point.band.id, point.band.label) : '–'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
