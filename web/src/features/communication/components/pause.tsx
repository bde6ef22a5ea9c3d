import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groundingText, pauseText } from '@twofold/core/communication/pause-content';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { formatCountdown, useCallPause, useCountdown, usePause, useProposeCoolDown, useReadyToReturn } from '../api/use-pause';
import { contentLocale } from '../locale';
import '../communication.css';

const coolDownChoices = [20, 30, 45, 60] as const;

function useClockTime() {
  const { i18n } = useTranslation();
  return (iso: string, offsetMs: number) =>
    new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' }).format(new Date(Date.parse(iso) - offsetMs));
}

export type PauseView = ReturnType<typeof usePauseView>;

// What this phone saw in this visit (kept in memory only: nothing about a pause goes to browser
// storage). A pause seen running earns the "come back" prompt once it ends; a closed prompt stays closed.
const seenRunning = new Set<string>();
const closedPrompts = new Set<string>();

/**
 * What the couple area shows about the conflict pause: nothing, the cool-down, or the prompt to
 * come back (once the time is up or both are ready, until this phone closes it). A pause that
 * ended before this phone saw it running shows nothing: there is nobody to call back.
 */
export function usePauseView(enabled: boolean) {
  const state = usePause(enabled);
  const [, setClosed] = useState(0);
  const pause = enabled ? (state.data?.pause ?? null) : null;
  const offsetMs = state.data?.offsetMs ?? 0;
  const left = useCountdown(pause?.status === 'active' ? pause.endsAt : null, offsetMs);
  if (pause?.status === 'active') {
    seenRunning.add(pause.id);
  }
  const isOver = pause !== null && (pause.status === 'ended' || left === 0);
  const isHidden = pause === null || closedPrompts.has(pause.id) || (pause.status === 'ended' && !seenRunning.has(pause.id));
  const phase: 'none' | 'cool-down' | 'return' = isHidden ? 'none' : isOver ? 'return' : 'cool-down';
  const close = (pauseId: string) => {
    closedPrompts.add(pauseId);
    setClosed((count) => count + 1);
  };
  return { phase, pause, offsetMs, left, close };
}

/**
 * The running conflict pause, big and calm, the same on both phones: the time left of the agreed
 * cool-down, a grounding suggestion, and "I'm ready to come back". It never says who called it.
 * Once the time is up (or both are ready) it asks them to come back and finish the talk.
 */
export function PauseScreen({ view }: { view: PauseView }) {
  const { t, i18n } = useTranslation();
  const locale = contentLocale(i18n.language);
  const ready = useReadyToReturn();
  const problemText = useProblemText();
  const clockTime = useClockTime();
  const heading = useRef<HTMLHeadingElement>(null);
  const { phase, pause, offsetMs, left } = view;

  // The pause appears without anyone asking for it on this phone: start reading there.
  useEffect(() => {
    if (phase !== 'none') {
      heading.current?.focus();
      document.title = t('app.pageTitle', { title: phase === 'return' ? t('talk.pause.returnTitle') : t('talk.pause.title') });
    }
  }, [phase, t]);

  if (!pause || phase === 'none') {
    return null;
  }
  if (phase === 'return') {
    return (
      <section className="pause pause--return" aria-labelledby="pause-title">
        <h1 id="pause-title" className="pause__title" ref={heading} tabIndex={-1}>
          {t('talk.pause.returnTitle')}
        </h1>
        <p className="pause__lead">{pauseText[locale].returnPrompt}</p>
        <p>{pauseText[locale].notBlame}</p>
        <button type="button" className="button button--primary button--block" onClick={() => view.close(pause.id)}>
          {t('talk.pause.continue')}
        </button>
      </section>
    );
  }
  return (
    <section className="pause" aria-labelledby="pause-title">
      <h1 id="pause-title" className="pause__title" ref={heading} tabIndex={-1}>
        {t('talk.pause.title')}
      </h1>
      <p className="pause__lead">{pauseText[locale].during}</p>
      <p className="pause__time">
        <span className="pause__count" aria-hidden="true">
          {formatCountdown(left ?? 0)}
        </span>
        <span className="pause__until">{t('talk.pause.backAt', { time: clockTime(pause.endsAt, offsetMs), minutes: pause.minutes })}</span>
      </p>
      <div className="pause__grounding">
        <h2 className="pause__subtitle">{t('talk.pause.groundingTitle')}</h2>
        <p>{groundingText[locale][pause.groundingId]}</p>
      </div>
      <p>{pauseText[locale].notBlame}</p>
      {pause.me.ready ? (
        <Notice tone="success" live="status">
          {t('talk.pause.youAreReady')}
        </Notice>
      ) : (
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!pause.can.markReady || ready.isPending}
          onClick={() => ready.mutate()}
        >
          {t('talk.pause.ready')}
        </button>
      )}
      {ready.isError ? <Notice tone="error">{problemText(ready.error)}</Notice> : null}
      <p className="muted">{t('talk.pause.readyHint')}</p>
    </section>
  );
}

/** "Pause": either partner calls it; both phones show it at once. */
export function CallPause() {
  const { t } = useTranslation();
  const state = usePause();
  const call = useCallPause();
  const propose = useProposeCoolDown();
  const problemText = useProblemText();
  const settings = state.data?.settings;
  return (
    <div className="stack">
      <p>{t('talk.pause.intro', { minutes: settings?.coolDownMinutes ?? 20 })}</p>
      <button type="button" className="button button--pause button--block" disabled={call.isPending} onClick={() => call.mutate()}>
        {t('talk.pause.call')}
      </button>
      {call.isError ? <Notice tone="error">{problemText(call.error)}</Notice> : null}
      {settings ? (
        <details className="disclosure">
          <summary>{t('talk.pause.settingsTitle')}</summary>
          <p>{t('talk.pause.agreed', { minutes: settings.coolDownMinutes })}</p>
          {settings.proposal ? (
            <p>
              {settings.proposal.proposedByMe
                ? t('talk.pause.proposedByMe', { minutes: settings.proposal.minutes })
                : t('talk.pause.proposedByPartner', { minutes: settings.proposal.minutes })}
            </p>
          ) : null}
          <p className="muted">{t('talk.pause.proposeHint')}</p>
          <div className="button-row">
            {coolDownChoices.map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="button button--secondary"
                aria-pressed={settings.coolDownMinutes === minutes}
                disabled={propose.isPending}
                onClick={() => propose.mutate(minutes)}
              >
                {t('talk.pause.minutes', { minutes })}
              </button>
            ))}
          </div>
          {propose.isError ? <Notice tone="error">{problemText(propose.error)}</Notice> : null}
        </details>
      ) : null}
    </div>
  );
}
