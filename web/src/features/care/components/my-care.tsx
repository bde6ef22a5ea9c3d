import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreatedCalendarFeed } from '@twofold/core/care/session.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDate, formatDay } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  useCalendarFeed,
  useCreateCalendarFeed,
  useMarkHomework,
  useMyHomework,
  useMySessions,
  useRevokeCalendarFeed,
} from '../api/use-care';
import { homeworkPath, SessionSummary, useHomeworkLabel } from './care-labels';
import '../care.css';

/** My sessions with the care team: upcoming first, then the recent ones. Only sessions I take part in. */
export function MySessions({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation();
  const sessions = useMySessions();
  if (sessions.isPending) {
    return <Loading />;
  }
  if (sessions.isError) {
    return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  const now = Date.now();
  const upcoming = sessions.data.filter((session) => new Date(session.endsAt).getTime() >= now);
  const past = sessions.data.filter((session) => new Date(session.endsAt).getTime() < now).reverse();
  if (sessions.data.length === 0) {
    return <p className="empty">{t('care.sessions.noneForMe')}</p>;
  }
  return (
    <div className="stack">
      {upcoming.length === 0 ? <p className="empty">{t('care.sessions.noneUpcoming')}</p> : null}
      <ul className="plain-list care-list" aria-label={t('care.sessions.upcoming')}>
        {upcoming.map((session) => (
          <li key={session.id} className="card">
            <SessionSummary session={session} viewerId={viewerId} />
          </li>
        ))}
      </ul>
      {past.length > 0 ? (
        <details>
          <summary>{t('care.sessions.past', { count: past.length })}</summary>
          <ul className="plain-list care-list">
            {past.map((session) => (
              <li key={session.id} className="card">
                <SessionSummary session={session} viewerId={viewerId} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** "From your care team": my homework, with a link to do it and a way to say it is done. Only mine. */
export function MyHomework() {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const homework = useMyHomework();
  const mark = useMarkHomework();
  const label = useHomeworkLabel();
  if (homework.isPending) {
    return <Loading />;
  }
  if (homework.isError) {
    return <LoadError error={homework.error} onRetry={() => void homework.refetch()} />;
  }
  if (homework.data.length === 0) {
    return <p className="empty">{t('care.homework.noneForMe')}</p>;
  }
  return (
    <div className="stack">
      <p className="muted">{t('care.homework.whatTheySee')}</p>
      {mark.isError ? <Notice tone="error">{problemText(mark.error)}</Notice> : null}
      <ul className="plain-list care-list">
        {homework.data.map((item) => {
          const what = label(item.kind, item.target);
          return (
            <li key={item.id} className={item.doneAt ? 'card care-homework care-homework--done' : 'card care-homework'}>
              <p className="care-homework__kind muted">{t(`care.homework.kinds.${item.kind}`)}</p>
              <p>
                <strong>{what}</strong>
              </p>
              <p>
                {t('care.homework.due', { date: formatDay(item.dueDate, i18n.language, { dateStyle: 'medium' }) })}
                {item.overdue ? <span className="badge">{t('care.homework.overdue')}</span> : null}
              </p>
              {item.instructions ? <p className="care-homework__instructions">{item.instructions}</p> : null}
              {item.doneAt ? (
                <p role="status">
                  {item.how === 'linked'
                    ? t('care.homework.doneLinked', { date: formatDate(item.doneAt, i18n.language) })
                    : t('care.homework.doneMarked', { date: formatDate(item.doneAt, i18n.language) })}
                </p>
              ) : null}
              <div className="button-row">
                {item.doneAt ? null : (
                  <Link className="button button--primary" to={homeworkPath(item.kind, item.target)}>
                    {t('care.homework.doIt', { what })}
                  </Link>
                )}
                {item.how === 'linked' ? null : (
                  <button
                    type="button"
                    className="button"
                    disabled={mark.isPending}
                    onClick={() => mark.mutate({ id: item.id, done: item.doneAt === null })}
                  >
                    {item.doneAt ? t('care.homework.notDone', { what }) : t('care.homework.markDone', { what })}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** My secret calendar-feed address: made on request, shown once, replaced or stopped at any time. */
export function CalendarFeedPanel() {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [made, setMade] = useState<CreatedCalendarFeed | null>(null);
  const [copied, setCopied] = useState(false);
  if (feed.isPending) {
    return <Loading />;
  }
  if (feed.isError) {
    return <LoadError error={feed.error} onRetry={() => void feed.refetch()} />;
  }
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="stack">
      <p>{t('care.feed.intro')}</p>
      <p className="muted">{t('care.feed.neutral')}</p>
      {create.isError ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
      {revoke.isError ? <Notice tone="error">{problemText(revoke.error)}</Notice> : null}
      {made ? (
        <div className="share-link">
          <label className="field__label" htmlFor="calendar-feed-url">
            {t('care.feed.addressLabel')}
          </label>
          <input
            id="calendar-feed-url"
            className="input share-link__url"
            readOnly
            value={made.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <p className="field__hint">{t('care.feed.shownOnce')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void copy(made.url)}>
              {t('share.copy')}
            </button>
          </div>
          {copied ? <p role="status">{t('care.feed.copied')}</p> : null}
        </div>
      ) : feed.data.active && feed.data.createdAt ? (
        <p>{t('care.feed.activeSince', { date: formatDate(feed.data.createdAt, i18n.language) })}</p>
      ) : (
        <p>{t('care.feed.none')}</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (created) => {
                setCopied(false);
                setMade(created);
              },
            })
          }
        >
          {feed.data.active ? t('care.feed.replace') : t('care.feed.make')}
        </button>
        {feed.data.active ? (
          <button
            type="button"
            className="button"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => setMade(null) })}
          >
            {t('care.feed.stop')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
