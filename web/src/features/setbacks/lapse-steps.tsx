import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lapse } from '@twofold/core/setbacks/lapse.schemas';
import type { MyPlanPart } from '@twofold/core/setbacks/plan.schemas';
import { Notice } from '../../components/ui/notice';
import { Section } from '../../components/ui/page';
import { useProblemText } from '../../lib/use-problem-text';
import { useLapseTelling } from './lapse-api';
import './lapse.css';

const moments = ['firstHour', 'firstDay', 'firstWeek'] as const;

/**
 * What to do now, after a lapse report: the agreed steps of our plan (first hour, first day, first
 * week), or — without a plan, or when it has none yet — general, blame-free steps; then the coping
 * toolbox (passed in by the page).
 */
export function LapseNextSteps({ plan, toolbox }: { plan: MyPlanPart | null; toolbox: ReactNode }) {
  const { t } = useTranslation();
  const agreed = plan ? moments.filter((moment) => plan.lapseResponses[moment].length > 0) : [];
  return (
    <>
      <Notice tone="warm">
        <p>{t('setbacks.lapse.steps.thanks')}</p>
      </Notice>
      {agreed.length > 0 && plan ? (
        <Section title={t('setbacks.lapse.steps.fromPlanTitle')} id="plan-steps">
          {plan.status === 'draft' ? <p className="muted">{t('setbacks.lapse.steps.draft')}</p> : null}
          <ol className="setbacks-steps">
            {agreed.map((moment) => (
              <li key={moment}>
                <h3>{t(`setbacks.lapse.steps.${moment}`)}</h3>
                <ul className="bullets">
                  {plan.lapseResponses[moment].map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </Section>
      ) : (
        <Section title={t('setbacks.lapse.steps.generalTitle')} id="general-steps">
          <ol className="setbacks-steps">
            {moments.map((moment) => (
              <li key={moment}>
                <h3>{t(`setbacks.lapse.steps.${moment}`)}</h3>
                <p>{t(`setbacks.lapse.steps.general.${moment}`)}</p>
              </li>
            ))}
          </ol>
          <p className="muted">{t('setbacks.lapse.steps.generalSource')}</p>
        </Section>
      )}
      {toolbox}
    </>
  );
}

/** Whom I told about this report; changing it takes effect at once (telling again, or taking it back). */
export function LapseTelling({ lapse, partnerName }: { lapse: Lapse; partnerName: string | null }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const telling = useLapseTelling(lapse.id);
  const told = lapse.told ?? { partner: false, careTeam: false };
  const [values, setValues] = useState(told);
  const [saved, setSaved] = useState(false);
  const changed = values.partner !== told.partner || values.careTeam !== told.careTeam;
  return (
    <Section title={t('setbacks.lapse.tell.title')} id="telling">
      <p>{t('setbacks.lapse.tell.explain')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          telling.mutate(values, { onSuccess: () => setSaved(true) });
        }}
      >
        <fieldset className="setbacks-checks">
          <legend className="sr-only">{t('setbacks.lapse.tell.title')}</legend>
          {partnerName !== null || told.partner ? (
            <label className="setbacks-check">
              <input
                type="checkbox"
                name="partner"
                checked={values.partner}
                onChange={(event) => setValues({ ...values, partner: event.target.checked })}
              />
              <span className="setbacks-check__box" aria-hidden="true">
                {values.partner ? '✓' : ''}
              </span>
              <span>{t('setbacks.lapse.tell.partner', { name: partnerName ?? t('setbacks.lapse.tell.myPartner') })}</span>
            </label>
          ) : null}
          <label className="setbacks-check">
            <input
              type="checkbox"
              name="careTeam"
              checked={values.careTeam}
              onChange={(event) => setValues({ ...values, careTeam: event.target.checked })}
            />
            <span className="setbacks-check__box" aria-hidden="true">
              {values.careTeam ? '✓' : ''}
            </span>
            <span>{t('setbacks.lapse.tell.careTeam')}</span>
          </label>
        </fieldset>
        {telling.isError ? <Notice tone="error">{problemText(telling.error)}</Notice> : null}
        {saved && !changed ? <Notice tone="success">{t('setbacks.lapse.tell.saved')}</Notice> : null}
        <button type="submit" className="button button--secondary" disabled={!changed || telling.isPending}>
          {t('setbacks.lapse.tell.save')}
        </button>
      </form>
    </Section>
  );
}
