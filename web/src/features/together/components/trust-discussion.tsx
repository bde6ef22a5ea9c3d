import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TrustCalendar } from '@twofold/core/together/contract.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useRecordTrustPart, useTrustCalendar } from '../api/use-together';
import { streakMilestone } from '../contract-state';
import { addDays, addMonths, deviceToday, formatDay, formatMonth, lastDayOfMonth, monthOf, weekdayIndex } from '../dates';
import type { CouplePeople } from '../people';
import '../together.css';

type DayStatus = TrustCalendar['days'][number]['status'];
const marks: Record<DayStatus, string> = { done: '✓', partly: '½', missed: '–', pending: '…' };

/** The current and best streak, and the milestone reached, shown the same to both partners. */
export function TrustStreaks({ streak }: { streak: TrustCalendar['streak'] }) {
  const { t } = useTranslation();
  const milestone = streakMilestone(streak.current);
  return (
    <div className="stack">
      <dl className="stats">
        <div>
          <dt>{t('together.trust.current')}</dt>
          <dd>{t('together.trust.days', { count: streak.current })}</dd>
        </div>
        <div>
          <dt>{t('together.trust.best')}</dt>
          <dd>{t('together.trust.days', { count: streak.best })}</dd>
        </div>
      </dl>
      {milestone ? (
        <Notice tone="success">{t('together.trust.celebrate', { count: milestone })}</Notice>
      ) : streak.current === 0 && streak.best > 0 ? (
        <p className="muted">{t('together.trust.restart')}</p>
      ) : null}
    </div>
  );
}

/** A month of Trust Discussions: done, partly, missed or still going on, in words and a symbol. */
export function TrustMonth({ calendar, month, today }: { calendar: TrustCalendar; month: string; today: string }) {
  const { t, i18n } = useTranslation();
  const byDate = new Map(calendar.days.map((day) => [day.date, day]));
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    cells.push(date);
  }
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const weekdays = Array.from({ length: 7 }, (_, index) => addDays('2024-01-01', index));
  const titleId = `trust-month-${month}`;
  return (
    <>
      <table className="calendar__grid trust-grid" aria-labelledby={titleId}>
        <caption id={titleId} className="calendar__title">
          {formatMonth(month, i18n.language)}
        </caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col" abbr={formatDay(day, i18n.language, { weekday: 'long' })}>
                {formatDay(day, i18n.language, { weekday: 'narrow' })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((date, column) => {
                if (!date) {
                  return <td key={`blank-${column}`} className="calendar__day calendar__day--blank" />;
                }
                const day = byDate.get(date);
                const status = day?.status ?? null;
                const label = `${formatDay(date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' })}: ${
                  status ? t(`together.trust.status.${status}`) : date > today ? t('together.trust.future') : t('together.trust.notCounted')
                }`;
                return (
                  <td
                    key={date}
                    className={`calendar__day trust-day trust-day--${status ?? 'none'}${date === today ? ' calendar__day--today' : ''}`}
                    aria-current={date === today ? 'date' : undefined}
                  >
                    <span className="calendar__num" aria-hidden="true">
                      {Number(date.slice(8))}
                    </span>
                    <span className="calendar__mark" aria-hidden="true">
                      {status ? marks[status] : ''}
                    </span>
                    <span className="sr-only">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="calendar__legend" aria-label={t('together.trust.legend')}>
        {(['done', 'partly', 'missed', 'pending'] as const).map((status) => (
          <li key={status}>
            <span aria-hidden="true">{marks[status]}</span> {t(`together.trust.status.${status}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Why thank someone for not using? Short, honest answers, for the partner who thanks. */
function ThanksCoaching({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <details className="disclosure coaching">
      <summary>{t('together.trust.coachTitle')}</summary>
      <p>{t('together.trust.coachIntro', { name })}</p>
      <ul className="bullets">
        <li>{t('together.trust.coach1')}</li>
        <li>{t('together.trust.coach2', { name })}</li>
        <li>{t('together.trust.coach3')}</li>
        <li>{t('together.trust.coach4')}</li>
      </ul>
      <p className="muted">{t('together.trust.coachExample', { name })}</p>
    </details>
  );
}

/**
 * Today's Trust Discussion: the intention in the words its owner chose, and my own part only
 * ("I stated my intention", "I thanked …"). The other partner's part is shown, never editable.
 */
export function TrustDiscussion({ people }: { people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  // This month carries today's parts and the streaks; other months are browsed below.
  // A day either side, so the person's own "today" (their time zone, from the server) is always in it.
  const device = deviceToday();
  const calendar = useTrustCalendar(`${monthOf(addDays(device, -1))}-01`, lastDayOfMonth(monthOf(addDays(device, 1))));
  const record = useRecordTrustPart();
  const problemText = useProblemText();
  if (calendar.isPending) {
    return <Loading />;
  }
  if (calendar.isError) {
    return <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  }
  const data = calendar.data;
  if (!data.contractVersionId) {
    return (
      <Notice tone="info">
        <p>{t('together.trust.needsContract', { name: people.partner.name })}</p>
        <Link to="/us/contract">{t('together.trust.toContract')}</Link>
      </Notice>
    );
  }
  const mine = data.roles.find((role) => role.partnerId === people.me.id);
  const theirs = data.roles.find((role) => role.partnerId === people.partner.id);
  const today = mine?.today ?? deviceToday();
  const todayRecord = data.days.find((day) => day.date === today);
  const myPart = todayRecord?.parts.find((part) => part.partnerId === people.me.id) ?? { stated: false, thanked: false };
  const theirPart = todayRecord?.parts.find((part) => part.partnerId === people.partner.id) ?? { stated: false, thanked: false };
  const save = (part: { stated: boolean; thanked: boolean }) => record.mutate({ date: today, part });
  const partnerParts = [
    theirs?.states
      ? t(theirPart.stated ? 'together.trust.partnerStated' : 'together.trust.partnerNotStated', { name: people.partner.name })
      : null,
    theirs?.thanks
      ? t(theirPart.thanked ? 'together.trust.partnerThanked' : 'together.trust.partnerNotThanked', { name: people.partner.name })
      : null,
  ].filter((line): line is string => line !== null);

  return (
    <div className="stack">
      <section className="trust-today" aria-labelledby="trust-today-title">
        <h2 id="trust-today-title" className="card__title">
          {t('together.trust.todayTitle', { day: formatDay(today, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }) })}
        </h2>
        <p>{t('together.trust.howTo', { time: data.discussionTime ?? '' })}</p>
        {mine?.states ? (
          <div className="trust-part">
            <p className="trust-part__label">{t('together.trust.yourIntention')}</p>
            <blockquote className="trust-part__words prewrap">{mine.intention}</blockquote>
            <button
              type="button"
              className="button button--toggle button--block"
              aria-pressed={myPart.stated}
              disabled={record.isPending}
              onClick={() => save({ stated: !myPart.stated, thanked: myPart.thanked })}
            >
              <span aria-hidden="true">{myPart.stated ? '✓ ' : ''}</span>
              {t('together.trust.stated')}
            </button>
          </div>
        ) : null}
        {mine?.thanks ? (
          <div className="trust-part">
            <p className="trust-part__label">{t('together.trust.partnerIntention', { name: people.partner.name })}</p>
            {theirs?.intention ? <blockquote className="trust-part__words prewrap">{theirs.intention}</blockquote> : null}
            <button
              type="button"
              className="button button--toggle button--block"
              aria-pressed={myPart.thanked}
              disabled={record.isPending}
              onClick={() => save({ stated: myPart.stated, thanked: !myPart.thanked })}
            >
              <span aria-hidden="true">{myPart.thanked ? '✓ ' : ''}</span>
              {t('together.trust.thanked', { name: people.partner.name })}
            </button>
            <ThanksCoaching name={people.partner.name} />
          </div>
        ) : null}
        {!mine?.states && !mine?.thanks ? <p>{t('together.trust.nothingForMe')}</p> : null}
        {record.isError ? <Notice tone="error">{problemText(record.error)}</Notice> : null}
        {partnerParts.length > 0 ? (
          <p className="trust-partner" aria-live="polite">
            {partnerParts.join(' ')}
          </p>
        ) : null}
        <p className="muted">{t('together.trust.ownPartOnly', { name: people.partner.name })}</p>
      </section>
      <section aria-labelledby="trust-streak-title">
        <h2 id="trust-streak-title" className="card__title">
          {t('together.trust.streakTitle')}
        </h2>
        <TrustStreaks streak={data.streak} />
      </section>
      <TrustCalendarSection today={today} start={data.start} />
    </div>
  );
}

function TrustCalendarSection({ today, start }: { today: string; start: string | null }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => monthOf(today));
  const calendar = useTrustCalendar(`${month}-01`, lastDayOfMonth(month));
  return (
    <section aria-labelledby="trust-calendar-title">
      <h2 id="trust-calendar-title" className="card__title">
        {t('together.trust.calendarTitle')}
      </h2>
      <div className="calendar__nav trust-nav">
        <button
          type="button"
          className="button button--secondary"
          disabled={start !== null && month <= monthOf(start)}
          onClick={() => setMonth(addMonths(month, -1))}
        >
          <span aria-hidden="true">‹ </span>
          {t('together.trust.previous')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={month >= monthOf(today)}
          onClick={() => setMonth(addMonths(month, 1))}
        >
          {t('together.trust.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      {calendar.isError ? <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      {calendar.data ? <TrustMonth calendar={calendar.data} month={month} today={today} /> : <Loading />}
      {start ? <p className="muted">{t('together.trust.since', { day: formatDay(start, i18n.language, { dateStyle: 'long' }) })}</p> : null}
    </section>
  );
}
