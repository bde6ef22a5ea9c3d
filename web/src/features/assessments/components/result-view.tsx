import { useTranslation } from 'react-i18next';
import type { Assessment } from '@twofold/core/assessments/assessment.schemas';
import { bandsFor } from '@twofold/core/assessments/scoring';
import { instruments } from '@twofold/core/assessments/instruments';
import type { ServedInstrument } from '../api/use-assessments';
import { formatDay } from '../dates';
import { InstrumentSource } from './instrument-source';
import { ScoreTrend } from './score-trend';

/** A band in plain words, in the reader's language, with the English label from the server as a fallback. */
export function useBandLabel(instrumentId: string) {
  const { t, i18n } = useTranslation();
  return (bandId: string, fallback: string) => {
    const key = `assessments.bands.${instrumentId}.${bandId}`;
    return i18n.exists(key) ? t(key) : fallback;
  };
}

/** ECR-S: the two dimensions, as numbers on their 1-7 scale with what each means; never a type or a label. */
export function EcrDimensions({ anxiety, avoidance }: { anxiety: number; avoidance: number }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => value.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <dl className="dimensions">
      {(
        [
          ['anxiety', anxiety],
          ['avoidance', avoidance],
        ] as const
      ).map(([dimension, value]) => (
        <div key={dimension} className="dimensions__row">
          <dt>{t(`assessments.ecr.${dimension}.title`)}</dt>
          <dd>
            <p className="dimensions__value">{t('assessments.ecr.value', { value: format(value) })}</p>
            <meter min={1} max={7} value={value} aria-label={t(`assessments.ecr.${dimension}.title`)} className="dimensions__meter" />
            <p>{t(`assessments.ecr.${dimension}.means`)}</p>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One result: the score, its band in plain words with the source named, the reminder that a screen
 * is not a diagnosis, and the trend of totals with the bands shaded.
 */
export function ResultView({
  instrument,
  assessment,
  history,
  ptsdCutoff,
}: {
  instrument: ServedInstrument;
  assessment: Assessment;
  history: Assessment[];
  ptsdCutoff: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const bandLabel = useBandLabel(instrument.id);
  const bands = bandsFor(instruments[instrument.id], { ptsdCutoff });
  const isEcr = instrument.id === 'ecr-s';
  return (
    <div className="stack">
      <div className="result">
        <p className="muted">{t('assessments.result.on', { date: formatDay(assessment.date, i18n.language, { dateStyle: 'long' }) })}</p>
        {isEcr && assessment.subscales ? (
          <>
            <p>{t('assessments.ecr.intro')}</p>
            <EcrDimensions anxiety={assessment.subscales['anxiety'] ?? 0} avoidance={assessment.subscales['avoidance'] ?? 0} />
          </>
        ) : (
          <>
            {assessment.total !== null && instrument.totalRange ? (
              <p className="result__score">{t('assessments.result.score', { total: assessment.total, max: instrument.totalRange.max })}</p>
            ) : null}
            {assessment.band ? <p className="result__band">{bandLabel(assessment.band.id, assessment.band.label)}</p> : null}
            {assessment.band ? (
              <p className="muted">
                {t('assessments.result.source')} <span lang="en">{assessment.band.source}</span>
              </p>
            ) : null}
            {i18n.exists(`assessments.advice.${instrument.id}.${assessment.band?.id ?? ''}`) ? (
              <p>{t(`assessments.advice.${instrument.id}.${assessment.band?.id ?? ''}`)}</p>
            ) : null}
          </>
        )}
        <p className="result__not-diagnosis">{t('assessments.result.notDiagnosis')}</p>
      </div>
      {!isEcr && instrument.totalRange && history.length > 0 ? (
        <ScoreTrend
          history={history}
          range={instrument.totalRange}
          bands={bands}
          bandLabel={bandLabel}
          title={t('assessments.trend.title', { name: instrument.shortName })}
        />
      ) : null}
      <InstrumentSource instrument={instrument} />
    </div>
  );
}
