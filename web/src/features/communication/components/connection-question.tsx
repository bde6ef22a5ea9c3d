import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../communication.css';
import { TextAreaField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAnswerConnection, useConnectionQuestion } from '../api/use-communication';
import { contentLocale } from '../locale';

/** Today's connection question: each answers; my partner's answer shows once I have answered mine. */
export function ConnectionQuestion({ partnerName }: { partnerName: string }) {
  const { t, i18n } = useTranslation();
  const today = useConnectionQuestion();
  const answer = useAnswerConnection();
  const problemText = useProblemText();
  const [text, setText] = useState('');
  if (today.isPending) {
    return <Loading />;
  }
  if (today.isError) {
    return <LoadError error={today.error} onRetry={() => void today.refetch()} />;
  }
  const data = today.data;
  return (
    <div className="stack">
      <p className="connection__question">{data.question[contentLocale(i18n.language)]}</p>
      {data.myAnswer ? (
        <dl className="quote-list">
          <dt>{t('talk.connection.you')}</dt>
          <dd className="prewrap">{data.myAnswer.text}</dd>
          <dt>{partnerName}</dt>
          <dd className="prewrap">
            {data.partner.answer ? (
              data.partner.answer.text
            ) : (
              <span className="muted">{t('talk.connection.partnerNotYet', { name: partnerName })}</span>
            )}
          </dd>
        </dl>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() !== '') {
              answer.mutate(text.trim());
            }
          }}
        >
          <TextAreaField
            label={t('talk.connection.label')}
            hint={
              data.partner.hasAnswered
                ? t('talk.connection.partnerAnswered', { name: partnerName })
                : t('talk.connection.hint', { name: partnerName })
            }
            name="answer"
            value={text}
            maxLength={1000}
            required
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={answer.isPending}>
            {t('talk.connection.submit')}
          </button>
          {answer.isError ? <Notice tone="error">{problemText(answer.error)}</Notice> : null}
        </form>
      )}
    </div>
  );
}
