import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../communication.css';
import type { Exercise, ExerciseSummary } from '@twofold/core/communication/exercise.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useEndExercise, useExercise, useExerciseAction, useExerciseSummaries } from '../api/use-communication';
import { formatCountdown, useCountdown } from '../api/use-pause';

const turnChoices = [60, 120, 180, 300] as const;

/** Who holds the floor, in words for this phone. */
function useSpeakerName(partnerName: string) {
  const { t } = useTranslation();
  return (who: 'me' | 'partner') => (who === 'me' ? t('talk.exercise.you') : partnerName);
}

function StartExercise({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  const action = useExerciseAction();
  const problemText = useProblemText();
  const [topic, setTopic] = useState('');
  const [turnSeconds, setTurnSeconds] = useState(120);
  const [firstSpeaker, setFirstSpeaker] = useState<'me' | 'partner'>('me');
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        action.mutate({ kind: 'start', topic: topic.trim(), turnSeconds, firstSpeaker });
      }}
    >
      <p>{t('talk.exercise.intro', { name: partnerName })}</p>
      <TextField
        label={t('talk.exercise.topic')}
        hint={t('talk.exercise.topicHint')}
        name="topic"
        value={topic}
        maxLength={200}
        onChange={(event) => setTopic(event.target.value)}
      />
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('talk.exercise.turnLength')}</legend>
        <div className="button-row">
          {turnChoices.map((seconds) => (
            <button
              key={seconds}
              type="button"
              className="button button--secondary"
              aria-pressed={turnSeconds === seconds}
              onClick={() => setTurnSeconds(seconds)}
            >
              {t('talk.exercise.minutes', { count: seconds / 60 })}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('talk.exercise.whoFirst')}</legend>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={firstSpeaker === 'me'}
            onClick={() => setFirstSpeaker('me')}
          >
            {t('talk.exercise.meFirst')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={firstSpeaker === 'partner'}
            onClick={() => setFirstSpeaker('partner')}
          >
            {partnerName}
          </button>
        </div>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={action.isPending}>
        {t('talk.exercise.start')}
      </button>
      {action.isError ? <Notice tone="error">{problemText(action.error)}</Notice> : null}
    </form>
  );
}

function RunningExercise({ exercise, offsetMs, partnerName }: { exercise: Exercise; offsetMs: number; partnerName: string }) {
  const { t } = useTranslation();
  const action = useExerciseAction();
  const end = useEndExercise();
  const problemText = useProblemText();
  const speakerName = useSpeakerName(partnerName);
  const [paraphrase, setParaphrase] = useState('');
  const left = useCountdown(exercise.turn.endsAt, offsetMs);
  const { turn, myRole, can, version } = exercise;
  const iSpeak = myRole === 'speaker';
  const listenerName = iSpeak ? partnerName : t('talk.exercise.you');

  return (
    <div className="exercise stack">
      {exercise.topic ? <p className="muted">{t('talk.exercise.about', { topic: exercise.topic })}</p> : null}
      <div className={iSpeak ? 'floor floor--mine' : 'floor'}>
        <p className="floor__turn">{t('talk.exercise.turn', { number: turn.number })}</p>
        <p className="floor__who" aria-live="polite">
          {iSpeak ? t('talk.exercise.youHaveFloor') : t('talk.exercise.partnerHasFloor', { name: partnerName })}
        </p>
        <p className="floor__timer">
          <span aria-hidden="true">{formatCountdown(left ?? 0)}</span>
          <span className="sr-only">
            {t('talk.exercise.timeLeftSr', { minutes: Math.floor((left ?? 0) / 60), seconds: (left ?? 0) % 60 })}
          </span>
        </p>
        {left === 0 ? <p>{t('talk.exercise.timeUp')}</p> : null}
      </div>

      {turn.step === 'speaking' ? (
        iSpeak ? (
          <p>
            {turn.paraphraseAttempts > 0 ? t('talk.exercise.notQuiteSpeaker', { name: partnerName }) : null}{' '}
            {t('talk.exercise.speakerGuide', { name: partnerName })}
          </p>
        ) : (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              action.mutate({ kind: 'paraphrase', text: paraphrase.trim(), version }, { onSuccess: () => setParaphrase('') });
            }}
          >
            <p>
              {turn.paraphraseAttempts > 0 ? t('talk.exercise.notQuiteListener', { name: partnerName }) : null}{' '}
              {t('talk.exercise.listenerGuide', { name: partnerName })}
            </p>
            <TextAreaField
              label={t('talk.exercise.paraphraseLabel')}
              hint={t('talk.exercise.paraphraseHint', { name: partnerName })}
              name="paraphrase"
              value={paraphrase}
              maxLength={1000}
              onChange={(event) => setParaphrase(event.target.value)}
            />
            <button type="submit" className="button button--primary" disabled={!can.paraphrase || action.isPending}>
              {t('talk.exercise.paraphrased')}
            </button>
          </form>
        )
      ) : null}

      {turn.step === 'awaiting-confirmation' ? (
        <div className="stack">
          <p>{t('talk.exercise.heard', { name: listenerName })}</p>
          {turn.paraphrase ? <blockquote className="floor__paraphrase prewrap">{turn.paraphrase}</blockquote> : null}
          {iSpeak ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={!can.confirm || action.isPending}
                onClick={() => action.mutate({ kind: 'confirm', verdict: 'yes', version })}
              >
                {t('talk.exercise.yes')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={!can.confirm || action.isPending}
                onClick={() => action.mutate({ kind: 'confirm', verdict: 'not-quite', version })}
              >
                {t('talk.exercise.notQuite')}
              </button>
            </div>
          ) : (
            <p className="muted">{t('talk.exercise.waitConfirm', { name: partnerName })}</p>
          )}
        </div>
      ) : null}

      {turn.step === 'confirmed' ? (
        iSpeak ? (
          <div className="stack">
            <p>{t('talk.exercise.confirmedSpeaker', { name: partnerName })}</p>
            <button
              type="button"
              className="button button--primary"
              disabled={!can.pass || action.isPending}
              onClick={() => action.mutate({ kind: 'pass', version })}
            >
              {t('talk.exercise.pass', { name: partnerName })}
            </button>
          </div>
        ) : (
          <p>{t('talk.exercise.confirmedListener', { name: speakerName(turn.speaker) })}</p>
        )
      ) : null}

      {action.isError ? <Notice tone="error">{problemText(action.error)}</Notice> : null}
      {can.end ? (
        <button type="button" className="button button--ghost" disabled={end.isPending} onClick={() => end.mutate(version)}>
          {t('talk.exercise.end')}
        </button>
      ) : null}
      {end.isError ? <Notice tone="error">{problemText(end.error)}</Notice> : null}
    </div>
  );
}

/** The summary of a finished exercise: turns, confirmed paraphrases, time each spoke. */
export function ExerciseSummaryView({ summary, partnerName }: { summary: ExerciseSummary; partnerName: string }) {
  const { t } = useTranslation();
  const speakerName = useSpeakerName(partnerName);
  const minutes = (seconds: number) => t('talk.exercise.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  return (
    <div className="exercise-summary">
      <h3>{t('talk.exercise.summaryTitle')}</h3>
      {summary.topic ? <p className="muted">{t('talk.exercise.about', { topic: summary.topic })}</p> : null}
      <dl className="stats">
        <div>
          <dt>{t('talk.exercise.turns')}</dt>
          <dd>{summary.totals.turns}</dd>
        </div>
        <div>
          <dt>{t('talk.exercise.understood')}</dt>
          <dd>{summary.totals.confirmedParaphrases}</dd>
        </div>
        <div>
          <dt>{t('talk.exercise.youSpoke')}</dt>
          <dd>{minutes(summary.totals.secondsSpeaking.me)}</dd>
        </div>
        <div>
          <dt>{t('talk.exercise.partnerSpoke', { name: partnerName })}</dt>
          <dd>{minutes(summary.totals.secondsSpeaking.partner)}</dd>
        </div>
      </dl>
      <ol className="plain-list summary-turns">
        {summary.turns.map((turn) => (
          <li key={turn.number}>
            {t('talk.exercise.turnLine', {
              number: turn.number,
              name: speakerName(turn.speaker),
              time: minutes(turn.seconds),
            })}{' '}
            {turn.confirmed ? t('talk.exercise.turnUnderstood') : t('talk.exercise.turnOpen')}
          </li>
        ))}
      </ol>
      <p>{t('talk.exercise.thanks')}</p>
    </div>
  );
}

/** The live speaker–listener exercise on two phones: floor, turn timer, paraphrase, pass, summary. */
export function SpeakerListener({ partnerName }: { partnerName: string }) {
  const exercise = useExercise();
  const summaries = useExerciseSummaries();
  if (exercise.isPending) {
    return <Loading />;
  }
  if (exercise.isError) {
    return <LoadError error={exercise.error} onRetry={() => void exercise.refetch()} />;
  }
  const running = exercise.data.exercise;
  if (running) {
    return <RunningExercise exercise={running} offsetMs={exercise.data.offsetMs} partnerName={partnerName} />;
  }
  const last = summaries.data?.exercises[0];
  return (
    <div className="stack">
      {last ? <ExerciseSummaryView summary={last} partnerName={partnerName} /> : null}
      <StartExercise partnerName={partnerName} />
    </div>
  );
}
