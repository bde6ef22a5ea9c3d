import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Checkin } from '@twofold/core/recovery/checkin.schemas';
import { addDays, daysOfMonth, formatDay, formatMonth, weekdayIndex } from '../dates';
import '../recovery.css';

/** Craving shown as a shade in three steps (and always in words for screen readers). */
function cravingShade(craving: number): 'low' | 'mid' | 'high' {
  return craving >= 7 ? 'high' : craving >= 4 ? 'mid' : 'low';
}

/**
 * A month of my days, like a Timeline Followback calendar: use, no use, or no check-in, with
 * craving as a shade and late entries marked. Every day carries its meaning in words and a symbol,
 * never in colour alone. A missed day links to filling it in.
 */
export function RecoveryCalendar({
  month,
  today,
  checkins,
  startDate,
  onMonthChange,
  fillInPath,
  lapseDates = [],
}: {
  month: string;
  today: string;
  checkins: Checkin[];
  startDate: string | null;
  onMonthChange: (delta: number) => void;
  fillInPath: (date: string) => string;
  /** Days of my lapse reports: days with use, whatever the check-in said (or when there is none). */
  lapseDates?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const byDate = new Map(checkins.map((checkin) => [checkin.date, checkin]));
  const lapses = new Set(lapseDates);
  const days = daysOfMonth(month);
  const firstDay = days[0] ?? `${month}-01`;
  const lead = weekdayIndex(firstDay);
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  // Monday 2024-01-01 onwards gives the weekday names in the person's language.
  const weekdays = Array.from({ length: 7 }, (_, index) => addDays('2024-01-01', index));
  const title = formatMonth(month, i18n.language);

  const describe = (date: string, checkin: Checkin | undefined): string => {
    const day = formatDay(date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });
    if (date > today) {
      return day;
    }
    if (!checkin && lapses.has(date)) {
      return `${day}: ${t('recovery.calendar.use')}, ${t('setbacks.calendar.lapse')}`;
    }
    if (!checkin && startDate !== null && date < startDate) {
      return `${day}: ${t('recovery.calendar.beforeStart')}`;
    }
    if (!checkin) {
      return `${day}: ${t('recovery.calendar.noCheckin')}`;
    }
    const parts = [
      checkin.used || lapses.has(date) ? t('recovery.calendar.use') : t('recovery.calendar.noUse'),
      ...(lapses.has(date) ? [t('setbacks.calendar.lapse')] : []),
      t('recovery.calendar.cravingLevel', { level: checkin.craving }),
      ...(checkin.isLate ? [t('recovery.calendar.late')] : []),
    ];
    return `${day}: ${parts.join(', ')}`;
  };

  return (
    <div className="calendar">
      <h3 className="calendar__title" id="calendar-title" aria-live="polite">
        {title}
      </h3>
      <div className="calendar__nav">
        <button type="button" className="button button--secondary" onClick={() => onMonthChange(-1)}>
          <span aria-hidden="true">‹ </span>
          {t('recovery.calendar.previous')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onMonthChange(1)} disabled={month >= today.slice(0, 7)}>
          {t('recovery.calendar.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <table className="calendar__grid" aria-labelledby="calendar-title">
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
                  return <td key={`empty-${column}`} className="calendar__day calendar__day--blank" />;
                }
                const checkin = byDate.get(date);
                const future = date > today;
                const beforeStart = startDate !== null && date < startDate;
                const lapse = !future && lapses.has(date);
                const status = future
                  ? 'future'
                  : checkin?.used || lapse
                    ? 'use'
                    : checkin
                      ? 'no-use'
                      : beforeStart
                        ? 'before-start'
                        : 'missing';
                const shade = checkin ? ` calendar__day--craving-${cravingShade(checkin.craving)}` : '';
                const label = describe(date, checkin);
                const content = (
                  <>
                    <span className="calendar__num" aria-hidden="true">
                      {Number(date.slice(8))}
                    </span>
                    <span className="calendar__mark" aria-hidden="true">
                      {status === 'use' ? '●' : status === 'no-use' ? '○' : status === 'missing' ? '–' : ''}
                      {checkin?.isLate ? '*' : ''}
                    </span>
                    <span className="sr-only">{label}</span>
                  </>
                );
                const canFill = status === 'missing';
                return (
                  <td
                    key={date}
                    className={`calendar__day calendar__day--${status}${shade}${date === today ? ' calendar__day--today' : ''}`}
                    aria-current={date === today ? 'date' : undefined}
                  >
                    {canFill ? (
                      <Link to={fillInPath(date)} className="calendar__fill">
                        {content}
                        <span className="sr-only">{` (${t('recovery.calendar.fillIn')})`}</span>
                      </Link>
                    ) : (
                      content
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="calendar__legend" aria-label={t('recovery.calendar.legend')}>
        <li>
          <span aria-hidden="true">●</span> {t('recovery.calendar.use')}
        </li>
        <li>
          <span aria-hidden="true">○</span> {t('recovery.calendar.noUse')}
        </li>
        <li>
          <span aria-hidden="true">–</span> {t('recovery.calendar.noCheckin')}
        </li>
        <li>
          <span aria-hidden="true">*</span> {t('recovery.calendar.late')}
        </li>
        <li>
          <span className="calendar__swatch calendar__day--craving-high" aria-hidden="true" /> {t('recovery.calendar.shadeNote')}
        </li>
      </ul>
      <p className="muted">{t('recovery.calendar.fillInHint')}</p>
    </div>
  );
}
