import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import type { Submitted } from '../api/use-assessments';
import type { SafetyFlowKind } from './questionnaire-form';

/**
 * After a critical answer was saved: the crisis lines, one short safety step ("are you safe right
 * now?") with next steps, and an honest line about who was told. The partner is never told.
 */
export function SafetyFlow({
  flow,
  safety,
  alreadySaved,
  renderCrisis,
  nextSteps,
}: {
  flow: SafetyFlowKind;
  safety: Submitted['safety'];
  alreadySaved: boolean;
  renderCrisis: (flow: SafetyFlowKind) => ReactNode;
  /** Links to the person's own coping tools and supports (composed by the app). */
  nextSteps: ReactNode;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<'safe' | 'not-sure' | null>(null);
  const careTeam = alreadySaved || safety === null ? 'unknown' : safety.careTeamAlerted ? 'told' : 'none';
  const higherRisk = safety?.higherRisk ?? false;
  return (
    <section className="safety-flow stack" aria-labelledby="safety-flow-title">
      <h2 id="safety-flow-title" className="safety-flow__title" tabIndex={-1}>
        {flow === 'self-harm' ? t('assessments.safetyFlow.title') : t('assessments.safetyFlow.ipvTitle')}
      </h2>
      <p>{flow === 'self-harm' ? t('assessments.safetyFlow.intro') : t('assessments.safetyFlow.ipvIntro')}</p>
      {higherRisk ? <p className="safety-flow__urgent">{t('assessments.safetyFlow.urgent')}</p> : null}
      {renderCrisis(flow)}
      <fieldset className="questionnaire__item">
        <legend className="questionnaire__legend">{t('assessments.safetyFlow.safeNow')}</legend>
        <div className="answer-list">
          {(['safe', 'not-sure'] as const).map((value) => (
            <label key={value} className={answer === value ? 'answer answer--selected' : 'answer'}>
              <input type="radio" name="safe-now" checked={answer === value} onChange={() => setAnswer(value)} />
              <span>{t(`assessments.safetyFlow.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {answer === 'not-sure' ? (
        <Notice tone="error" live="alert">
          <p>
            <strong>{t('assessments.safetyFlow.notSafeTitle')}</strong>
          </p>
          <p>{t('assessments.safetyFlow.notSafeBody')}</p>
        </Notice>
      ) : null}
      {answer === 'safe' ? (
        <Notice tone="warm" live="status">
          <p>{t('assessments.safetyFlow.safeBody')}</p>
          <ul className="bullets">
            <li>{t('assessments.safetyFlow.stepPerson')}</li>
            <li>{t('assessments.safetyFlow.stepSpace')}</li>
            <li>{t('assessments.safetyFlow.stepPlan')}</li>
          </ul>
          {nextSteps}
        </Notice>
      ) : null}
      <p className="safety-flow__who">
        {careTeam === 'told'
          ? t('assessments.safetyFlow.careTeamTold')
          : careTeam === 'none'
            ? t('assessments.safetyFlow.careTeamNone')
            : t('assessments.safetyFlow.careTeamUnknown')}{' '}
        {t('assessments.safetyFlow.partnerNever')}
      </p>
    </section>
  );
}
