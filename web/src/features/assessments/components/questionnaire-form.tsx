import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { instruments } from '@twofold/core/assessments/instruments';
import { checkAnswers, findCriticalHits } from '@twofold/core/assessments/scoring';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useSubmitAssessment, type ServedInstrument, type Submitted } from '../api/use-assessments';
import { useInstrumentText } from '../use-instrument-text';
import { InstrumentSource } from './instrument-source';
import '../assessments.css';

type Threshold = 'female' | 'male' | 'not-stated';
export type SafetyFlowKind = 'self-harm' | 'ipv';

/** A version-4 UUID. crypto.randomUUID exists only in secure contexts; a self-hosted Twofold may be on plain http in a LAN. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One questionnaire on one screen, each question a set of large radio buttons. A critical answer
 * (PHQ-9 item 9 above 0; a Yes on the private safety screen) shows the crisis lines right under it,
 * at once, before anything is sent. One submissionId per filled form, reused on every retry, so a
 * lost answer never saves twice; a 409 on a retry means the first try was saved.
 */
export function QuestionnaireForm({
  instrument,
  onSubmitted,
  renderCrisis,
  notNowLink,
  groundingHint,
}: {
  instrument: ServedInstrument;
  onSubmitted: (result: Submitted, answers: Record<string, number>) => void;
  /** The crisis lines for a flow (composed by the app from the safety feature). */
  renderCrisis: (flow: SafetyFlowKind) => ReactNode;
  /** "Skip / not now": where a person goes who would rather not answer now. */
  notNowLink?: ReactNode;
  /** PC-PTSD-5: a grounding exercise offered next to the trauma question. */
  groundingHint?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = useInstrumentText(instrument);
  const problemText = useProblemText();
  const submit = useSubmitAssessment();
  // Scoring rules (gates, critical items) come from the shared core definition of the same questionnaire.
  const definition = instruments[instrument.id];
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [threshold, setThreshold] = useState<Threshold | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [submissionId] = useState(newSubmissionId);
  const form = useRef<HTMLFormElement>(null);

  const applicable = useMemo(
    () =>
      instrument.items.filter((item) => {
        const gate = definition.items.find((candidate) => candidate.id === item.id)?.gatedBy;
        // A gated item (PC-PTSD-5 items 1-5) appears only once its gate is answered Yes.
        return gate ? answers[gate.itemId] === gate.value : true;
      }),
    [answers, definition, instrument.items],
  );
  const critical = findCriticalHits(definition, answers);
  const firstCritical = critical[0];
  const answeredCount = applicable.filter((item) => answers[item.id] !== undefined).length;

  function choose(itemId: string, value: number) {
    setAnswers((current) => ({ ...current, [itemId]: value }));
    setMissing((current) => current.filter((id) => id !== itemId));
  }

  function send(event: React.FormEvent) {
    event.preventDefault();
    const shown = new Set(applicable.map((item) => item.id));
    const sent = Object.fromEntries(Object.entries(answers).filter(([itemId]) => shown.has(itemId)));
    const gaps = checkAnswers(definition, sent)
      .filter((issue) => issue.problem === 'missing' && shown.has(issue.itemId))
      .map((issue) => issue.itemId);
    setMissing(gaps);
    if (gaps.length > 0) {
      form.current?.querySelector<HTMLInputElement>(`input[name="item-${CSS.escape(gaps[0] ?? '')}"]`)?.focus();
      return;
    }
    submit.mutate(
      {
        instrumentId: instrument.id,
        submissionId,
        answers: sent,
        ...(instrument.id === 'audit-c' ? { auditCThreshold: threshold ?? 'not-stated' } : {}),
      },
      { onSuccess: (result) => onSubmitted(result, sent) },
    );
  }

  return (
    <form ref={form} className="questionnaire stack" onSubmit={send} noValidate lang={text.lang}>
      {text.isOriginalWording ? (
        <p className="notice notice--info" lang="es">
          {t('assessments.form.originalWording')}
        </p>
      ) : null}
      {text.stem ? <p className="questionnaire__stem">{text.stem}</p> : null}
      {instrument.id === 'audit-c' ? (
        <fieldset className="questionnaire__item" aria-describedby="audit-threshold-hint">
          <legend className="questionnaire__legend">{t('assessments.form.auditThreshold.legend')}</legend>
          <p className="field__hint" id="audit-threshold-hint">
            {t('assessments.form.auditThreshold.hint')}
          </p>
          <div className="answer-list">
            {(['female', 'male', 'not-stated'] as const).map((value) => (
              <label key={value} className={threshold === value ? 'answer answer--selected' : 'answer'}>
                <input type="radio" name="audit-threshold" checked={threshold === value} onChange={() => setThreshold(value)} />
                <span>{t(`assessments.form.auditThreshold.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {instrument.id === 'audit-c' ? <p className="field__hint">{t('assessments.form.standardDrink')}</p> : null}
      <ol className="questionnaire__items">
        {applicable.map((item, index) => {
          const isMissing = missing.includes(item.id);
          const errorId = `item-${item.id}-error`;
          const isGate = item.id === 'gate';
          const hintId = isGate ? 'gate-hint' : undefined;
          return (
            <li key={item.id}>
              <fieldset
                className={isMissing ? 'questionnaire__item questionnaire__item--invalid' : 'questionnaire__item'}
                aria-describedby={[hintId, isMissing ? errorId : null].filter(Boolean).join(' ') || undefined}
              >
                <legend className="questionnaire__legend">
                  <span className="questionnaire__number">{t('assessments.form.questionNumber', { n: index + 1 })}</span> {text.item(item)}
                  {!item.required ? <span className="muted"> {t('assessments.form.optional')}</span> : null}
                </legend>
                {isGate ? (
                  <div className="questionnaire__gate-hint" id={hintId} lang={text.lang ? 'es' : undefined}>
                    <p>{t('assessments.form.gateHint')}</p>
                    {groundingHint}
                  </div>
                ) : null}
                <div className="answer-list">
                  {item.options.map((option) => {
                    const selected = answers[item.id] === option.value;
                    return (
                      <label key={option.value} className={selected ? 'answer answer--selected' : 'answer'}>
                        <input
                          type="radio"
                          name={`item-${item.id}`}
                          value={option.value}
                          checked={selected}
                          aria-invalid={isMissing ? true : undefined}
                          onChange={() => choose(item.id, option.value)}
                        />
                        <span>{text.option(item, option)}</span>
                      </label>
                    );
                  })}
                </div>
                {isMissing ? (
                  <p className="field__error" id={errorId} lang={text.lang ? 'es' : undefined}>
                    {t('assessments.form.answerThis')}
                  </p>
                ) : null}
                {isGate && notNowLink ? <p lang={text.lang ? 'es' : undefined}>{notNowLink}</p> : null}
              </fieldset>
              {firstCritical?.itemId === item.id ? (
                <div className="critical-panel" role="alert" lang={text.lang ? 'es' : undefined}>
                  <h2 className="critical-panel__title">
                    {firstCritical.flow === 'self-harm' ? t('assessments.critical.selfHarmTitle') : t('assessments.critical.ipvTitle')}
                  </h2>
                  <p>{firstCritical.flow === 'self-harm' ? t('assessments.critical.selfHarmBody') : t('assessments.critical.ipvBody')}</p>
                  {firstCritical.higherRisk && firstCritical.flow === 'self-harm' ? (
                    <p className="safety-flow__urgent">{t('assessments.safetyFlow.urgent')}</p>
                  ) : null}
                  {renderCrisis(firstCritical.flow)}
                  <p className="muted">{t('assessments.critical.partnerNever')}</p>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div lang={text.lang ? 'es' : undefined} className="stack">
        {missing.length > 0 ? <Notice tone="error">{t('assessments.form.missing', { count: missing.length })}</Notice> : null}
        {submit.isError ? <Notice tone="error">{problemText(submit.error)}</Notice> : null}
        <p className="muted">{t('assessments.form.progress', { answered: answeredCount, total: applicable.length })}</p>
        <button type="submit" className="button button--primary button--block" disabled={submit.isPending}>
          {submit.isPending ? t('app.saving') : submit.isError ? t('assessments.form.tryAgain') : t('assessments.form.submit')}
        </button>
        <InstrumentSource instrument={instrument} />
      </div>
    </form>
  );
}
