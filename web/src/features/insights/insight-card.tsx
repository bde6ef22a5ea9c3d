import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { apimFitSchema, insightSchema } from '@twofold/core/insights/insights.schemas';

type Fit = z.infer<typeof apimFitSchema>;
type Estimate = Extract<Fit, { status: 'ok' }>['actor'];

/** Whose insight this is, as the sentences need it: "you", or the partner by name. */
export interface Voice {
  self: boolean;
  subject: string;
  partner: string;
}

/**
 * One question, in plain words: what the person's own report and the partner's report went with,
 * how sure that is (the interval), and how many days it rests on. Never a cause, never a diagnosis.
 */
export function InsightCard({
  insight,
  voice,
  idPrefix = 'insight',
}: {
  insight: z.infer<typeof insightSchema>;
  voice: Voice;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const { fit } = insight;
  const who = voice.self ? 'self' : 'other';
  const names = { subject: voice.subject, partner: voice.partner };
  return (
    <article className="insight card" aria-labelledby={`${idPrefix}-${insight.id}`}>
      <h3 id={`${idPrefix}-${insight.id}`}>{t(`insights.questions.${insight.id}.title`)}</h3>
      {fit.status === 'ok' ? (
        <>
          <EstimateLine text={t(`insights.questions.${insight.id}.actor_${who}`, names)} estimate={fit.actor} />
          {fit.partner ? (
            <EstimateLine text={t(`insights.questions.${insight.id}.partner_${who}`, names)} estimate={fit.partner} />
          ) : (
            <p className="insight__muted">{t('insights.partnerNotIncluded', names)}</p>
          )}
          <p className="insight__days">{t('insights.days', { count: fit.days })}</p>
        </>
      ) : (
        <p className="insight__muted">{t(`insights.status.${fit.status}`, fit)}</p>
      )}
    </article>
  );
}

function EstimateLine({ text, estimate }: { text: string; estimate: Estimate }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => Math.abs(value).toLocaleString(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const signed = (value: number) =>
    value.toLocaleString(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
  const clear = estimate.lower > 0 || estimate.upper < 0;
  const interval = t('insights.interval', { lower: signed(estimate.lower), upper: signed(estimate.upper) });
  return (
    <p className="insight__line">
      <span className="insight__question">{text}</span>{' '}
      {clear ? (
        <strong>{t(estimate.estimate > 0 ? 'insights.higher' : 'insights.lower', { amount: number(estimate.estimate) })}</strong>
      ) : (
        <strong>{t('insights.noClearDifference')}</strong>
      )}{' '}
      <span className="insight__interval">{interval}</span>
    </p>
  );
}
