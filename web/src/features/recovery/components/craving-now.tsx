import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { copingTools, type CopingTool } from '@twofold/core/recovery/coping.schemas';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useLogCopingRun, useSupportContacts } from '../api/use-recovery';
import { ChoiceRow } from './choice-row';

type Step = 'rate' | 'pick' | 'tool' | 'rate-after' | 'done';
const urgeOptions = Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) }));

/** Paced breathing at 6 breaths a minute: 4 seconds in, 6 seconds out (Zaccaro et al. 2018). */
const breathIn = 4;
const breathCycle = 10;
/** Urge surfing asks for a rating about every 30 seconds, so the rise and fall can be seen. */
const surfAskEvery = 30;

function useSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) {
      return;
    }
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return seconds;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function StepHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Each step replaces the last: move focus to its heading so nobody is left at a control that went away.
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 className="craving__step-title" tabIndex={-1} ref={ref}>
      {children}
    </h3>
  );
}

function Grounding({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const senses = ['see', 'touch', 'hear', 'smell', 'taste'] as const;
  const sense = senses[index] ?? 'taste';
  const last = index === senses.length - 1;
  return (
    <div className="craving__tool">
      <p className="craving__big" aria-live="polite">
        <span className="craving__count">{5 - index}</span> {t(`recovery.coping.grounding.${sense}`)}
      </p>
      <p className="muted">{t('recovery.coping.grounding.progress', { step: index + 1, total: senses.length })}</p>
      <div className="button-row">
        {last ? (
          <button type="button" className="button button--primary" onClick={onDone}>
            {t('recovery.coping.finished')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => setIndex(index + 1)}>
            {t('recovery.coping.nextStep')}
          </button>
        )}
        {last ? null : (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('recovery.coping.imDone')}
          </button>
        )}
      </div>
    </div>
  );
}

function Breathing({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const { t } = useTranslation();
  const inCycle = seconds % breathCycle;
  const breathingIn = inCycle < breathIn;
  const left = breathingIn ? breathIn - inCycle : breathCycle - inCycle;
  return (
    <div className="craving__tool">
      <div className="breath" aria-hidden="true">
        <div className="breath__circle" />
      </div>
      <p className="craving__big">
        {breathingIn ? t('recovery.coping.breathing.in') : t('recovery.coping.breathing.out')}{' '}
        <span className="craving__count">{left}</span>
      </p>
      <p className="muted">
        {t('recovery.coping.breathing.pace')} · {t('recovery.coping.elapsed', { time: clock(seconds) })}
      </p>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('recovery.coping.imDone')}
      </button>
    </div>
  );
}

function UrgeSurfing({
  seconds,
  ratings,
  onRate,
  onDone,
}: {
  seconds: number;
  ratings: number[];
  onRate: (value: number) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const asking = Math.floor(seconds / surfAskEvery) > ratings.length;
  return (
    <div className="craving__tool">
      <p>{t('recovery.coping.surfing.guide')}</p>
      <p className="muted">{t('recovery.coping.elapsed', { time: clock(seconds) })}</p>
      {/* The countdown is not announced every second; only the moment a rating is asked for. */}
      <p role="status" className="sr-only">
        {asking ? t('recovery.coping.surfing.ask') : ''}
      </p>
      {asking ? (
        <ChoiceRow
          name="urge-during"
          legend={t('recovery.coping.surfing.ask')}
          compact
          options={urgeOptions}
          value={null}
          onChange={onRate}
        />
      ) : (
        <p>{t('recovery.coping.surfing.next', { seconds: surfAskEvery - (seconds % surfAskEvery) })}</p>
      )}
      {ratings.length > 0 ? <p>{t('recovery.coping.surfing.soFar', { ratings: ratings.join(' → ') })}</p> : null}
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('recovery.coping.imDone')}
      </button>
    </div>
  );
}

function TapeForward({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const prompts = ['first', 'hour', 'morning', 'week', 'instead'] as const;
  return (
    <div className="craving__tool">
      <ol className="tape">
        {prompts.map((prompt) => (
          <li key={prompt}>{t(`recovery.coping.tape.${prompt}`)}</li>
        ))}
      </ol>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('recovery.coping.finished')}
      </button>
    </div>
  );
}

function ContactSupport({ supportsPath, onDone }: { supportsPath: string; onDone: () => void }) {
  const { t } = useTranslation();
  const supports = useSupportContacts();
  const contacts = supports.data?.contacts ?? [];
  return (
    <div className="craving__tool">
      {contacts.length === 0 ? (
        <p>
          {t('recovery.coping.contact.none')} <Link to={supportsPath}>{t('recovery.coping.contact.add')}</Link>
        </p>
      ) : (
        <ul className="contact-list">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <p className="contact-list__name">
                {contact.name}
                {contact.relation ? <span className="muted"> · {contact.relation}</span> : null}
              </p>
              {contact.phone ? (
                <div className="button-row">
                  <a className="button button--call" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>
                    {t('recovery.coping.contact.call', { name: contact.name })}
                  </a>
                  <a className="button button--secondary" href={`sms:${contact.phone.replace(/[^+0-9]/g, '')}`}>
                    {t('recovery.coping.contact.text', { name: contact.name })}
                  </a>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('recovery.coping.contact.crisis')}</p>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('recovery.coping.imDone')}
      </button>
    </div>
  );
}

/**
 * "Craving now": rate the urge, pick a tool, go through it, rate again. The run is logged so the
 * toolbox can show, over time, which tools helped this person most. Any step can be left early.
 */
export function CravingNow({
  supportsPath,
  toolboxPath,
  initialTool,
  todayPath,
}: {
  supportsPath: string;
  toolboxPath: string;
  initialTool?: CopingTool;
  todayPath?: string;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const log = useLogCopingRun();
  const [step, setStep] = useState<Step>('rate');
  const [before, setBefore] = useState<number | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const [tool, setTool] = useState<CopingTool | null>(initialTool ?? null);
  const [during, setDuring] = useState<number[]>([]);
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [duration, setDuration] = useState(0);
  const seconds = useSeconds(step === 'tool');

  const startTool = (chosen: CopingTool) => {
    setTool(chosen);
    setStartedAt(new Date());
    setDuring([]);
    setStep('tool');
  };
  const finishTool = () => {
    setDuration(seconds);
    setStep('rate-after');
  };
  const saveRun = async (urgeAfter: number | null) => {
    if (tool === null || before === null) {
      return;
    }
    try {
      await log.mutateAsync({
        tool,
        urgeBefore: before,
        urgeAfter,
        urgeDuring: tool === 'urge-surfing' ? during : [],
        durationSeconds: duration,
        startedAt: (startedAt ?? new Date()).toISOString(),
      });
      setStep('done');
    } catch {
      // The error is shown below; the person can try again or leave.
    }
  };

  return (
    <div className="craving" aria-live="off">
      {step === 'rate' ? (
        <div>
          <StepHeading>{t('recovery.cravingNow.rateTitle')}</StepHeading>
          <p>{t('recovery.cravingNow.rateIntro')}</p>
          <ChoiceRow
            name="urge-before"
            legend={t('recovery.cravingNow.urgeNow')}
            hint={t('recovery.checkin.cravingHint')}
            compact
            options={urgeOptions}
            value={before}
            onChange={setBefore}
          />
          <button
            type="button"
            className="button button--primary button--block"
            disabled={before === null}
            onClick={() => (tool ? startTool(tool) : setStep('pick'))}
          >
            {t('recovery.cravingNow.next')}
          </button>
        </div>
      ) : null}
      {step === 'pick' ? (
        <div>
          <StepHeading>{t('recovery.cravingNow.pickTitle')}</StepHeading>
          <ul className="tool-picker">
            {copingTools.map((option) => (
              <li key={option}>
                <button
                  type="button"
                  className="button button--secondary button--block tool-picker__button"
                  onClick={() => startTool(option)}
                >
                  <span className="tool-picker__name">{t(`recovery.coping.tools.${option}.name`)}</span>
                  <span className="tool-picker__about">{t(`recovery.coping.tools.${option}.short`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {step === 'tool' && tool ? (
        <div>
          <StepHeading>{t(`recovery.coping.tools.${tool}.name`)}</StepHeading>
          {tool === 'grounding' ? <Grounding onDone={finishTool} /> : null}
          {tool === 'breathing' ? <Breathing seconds={seconds} onDone={finishTool} /> : null}
          {tool === 'urge-surfing' ? (
            <UrgeSurfing seconds={seconds} ratings={during} onRate={(value) => setDuring([...during, value])} onDone={finishTool} />
          ) : null}
          {tool === 'tape-forward' ? <TapeForward onDone={finishTool} /> : null}
          {tool === 'contact-support' ? <ContactSupport supportsPath={supportsPath} onDone={finishTool} /> : null}
        </div>
      ) : null}
      {step === 'rate-after' ? (
        <div>
          <StepHeading>{t('recovery.cravingNow.rateAgainTitle')}</StepHeading>
          <ChoiceRow
            name="urge-after"
            legend={t('recovery.cravingNow.urgeNow')}
            hint={t('recovery.checkin.cravingHint')}
            compact
            options={urgeOptions}
            value={after}
            onChange={setAfter}
          />
          {log.isError ? <Notice tone="error">{problemText(log.error)}</Notice> : null}
          <div className="button-column">
            <button
              type="button"
              className="button button--primary button--block"
              disabled={after === null || log.isPending}
              onClick={() => void saveRun(after)}
            >
              {log.isPending ? t('app.saving') : t('recovery.cravingNow.save')}
            </button>
            <button type="button" className="button button--ghost" disabled={log.isPending} onClick={() => void saveRun(null)}>
              {t('recovery.cravingNow.skipRating')}
            </button>
          </div>
        </div>
      ) : null}
      {step === 'done' ? (
        <div>
          <StepHeading>{t('recovery.cravingNow.doneTitle')}</StepHeading>
          <Notice tone="success" live="status">
            <p>
              {after !== null && before !== null
                ? t('recovery.cravingNow.doneChange', { before, after })
                : t('recovery.cravingNow.doneNoRating')}
            </p>
          </Notice>
          <p>{t('recovery.cravingNow.doneBody')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setBefore(after);
                setAfter(null);
                setTool(null);
                setStep('pick');
              }}
            >
              {t('recovery.cravingNow.another')}
            </button>
            <Link to={toolboxPath} className="button button--secondary">
              {t('recovery.cravingNow.toToolbox')}
            </Link>
            {todayPath ? (
              <Link to={todayPath} className="button button--secondary">
                {t('recovery.cravingNow.toToday')}
              </Link>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
