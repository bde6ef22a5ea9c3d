import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CoupleOverview, PartnerOverview } from '@twofold/core/caseload/caseload.schemas';
import '../caseload.css';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Section } from '../../../components/ui/page';
import { formatDay } from '../../../lib/format';
import { useCoupleOverview } from '../api/use-caseload';
import { FlagItem } from './flag-item';

type Day = NonNullable<PartnerOverview['checkins']>[number];

function dayIndex(from: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Craving (0-10) and mood (1-5, scaled to 0-10) over the period, as two lines; a text summary for screen readers. */
function TrendChart({ days, from, to, label }: { days: Day[]; from: string; to: string; label: string }) {
  const span = Math.max(1, dayIndex(from, to));
  const width = 300;
  const height = 110;
  const x = (date: string) => (dayIndex(from, date) / span) * width;
  const y = (value: number) => height - 5 - (value / 10) * (height - 10);
  const line = (pick: (day: Day) => number) => days.map((day) => `${x(day.date).toFixed(1)},${y(pick(day)).toFixed(1)}`).join(' ');
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={width} y1={y(5)} y2={y(5)} className="trend-chart__mid" />
        <polyline points={line((day) => day.craving)} className="trend-chart__craving" />
        <polyline points={line((day) => ((day.mood - 1) / 4) * 10)} className="trend-chart__mood" />
      </svg>
    </figure>
  );
}

/** One square per day: used, checked in without use, or no check-in. */
function UseCalendar({ days, from, to }: { days: Day[]; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const byDate = new Map(days.map((day) => [day.date, day]));
  const count = dayIndex(from, to) + 1;
  const cells = Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
  return (
    <ol className="use-calendar" aria-label={t('caseload.overview.useCalendar')}>
      {cells.map((date) => {
        const day = byDate.get(date);
        const state = day === undefined ? 'none' : day.used ? 'used' : 'clear';
        return (
          <li
            key={date}
            className={`use-calendar__day use-calendar__day--${state}`}
            title={`${formatDay(date, i18n.language, { dateStyle: 'medium' })}: ${t(`caseload.overview.day.${state}`)}`}
          >
            <span className="visually-hidden">
              {formatDay(date, i18n.language, { dateStyle: 'medium' })}: {t(`caseload.overview.day.${state}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function PartnerColumn({ partner, overview, programId }: { partner: PartnerOverview; overview: CoupleOverview; programId: string }) {
  const { t, i18n } = useTranslation();
  const days = partner.checkins ?? [];
  const used = days.filter((day) => day.used).length;
  const mean = (values: number[]) =>
    values.length === 0 ? null : Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
  return (
    <section className="overview-partner" aria-labelledby={`partner-${partner.id}`}>
      <h2 id={`partner-${partner.id}`}>{partner.displayName}</h2>
      {partner.enrollment === 'invited' ? <p className="muted">{t('caseload.overview.notAccepted')}</p> : null}
      <p>
        <Link
          to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(overview.coupleId)}/overview?person=${encodeURIComponent(partner.id)}`}
        >
          {t('caseload.overview.individual', { name: partner.displayName })}
        </Link>
      </p>
      {partner.flags.length > 0 ? (
        <ul className="plain-list flag-list" aria-label={t('caseload.flagsOf', { names: partner.displayName })}>
          {partner.flags.map((flag) => (
            <FlagItem
              key={`${flag.kind}-${flag.facts.kind === 'worsening-score' ? flag.facts.instrumentId : ''}`}
              flag={flag}
              programId={programId}
              coupleId={overview.coupleId}
              whoName={partner.displayName}
            />
          ))}
        </ul>
      ) : null}
      <h3>{t('caseload.overview.checkins')}</h3>
      {partner.checkins === null ? (
        <p className="muted">{t('caseload.overview.notShared')}</p>
      ) : days.length === 0 ? (
        <p className="empty">{t('caseload.overview.noCheckins')}</p>
      ) : (
        <>
          <p>
            {t('caseload.overview.checkinSummary', {
              n: days.length,
              days: dayIndex(overview.from, overview.to) + 1,
              craving: mean(days.map((day) => day.craving)),
              mood: mean(days.map((day) => day.mood)),
              used,
            })}
          </p>
          <TrendChart
            days={days}
            from={overview.from}
            to={overview.to}
            label={t('caseload.overview.chartLabel', { name: partner.displayName })}
          />
          <p className="legend">
            <span className="legend__craving">{t('caseload.overview.craving')}</span>{' '}
            <span className="legend__mood">{t('caseload.overview.mood')}</span>
          </p>
          <h4>{t('caseload.overview.useCalendar')}</h4>
          <UseCalendar days={days} from={overview.from} to={overview.to} />
        </>
      )}
      <h3>{t('caseload.overview.scores')}</h3>
      {partner.assessments === null ? (
        <p className="muted">{t('caseload.overview.notShared')}</p>
      ) : (
        (['phq-9', 'gad-7'] as const).map((instrument) => (
          <div key={instrument}>
            <h4>{instrument.toUpperCase()}</h4>
            {partner.assessments![instrument].length === 0 ? (
              <p className="empty">{t('caseload.overview.noScores')}</p>
            ) : (
              <ol className="plain-list score-list">
                {partner.assessments![instrument].map((score, index) => (
                  <li key={`${score.date}-${index}`}>
                    {formatDay(score.date, i18n.language, { dateStyle: 'medium' })}: <strong>{score.total}</strong>
                    {score.band ? ` · ${score.band}` : null}
                    <span
                      className="score-bar"
                      style={{ inlineSize: `${(score.total / (instrument === 'phq-9' ? 27 : 21)) * 100}%` }}
                      aria-hidden="true"
                    />
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))
      )}
      <h3>{t('caseload.overview.lapses')}</h3>
      {partner.lapses.length === 0 ? (
        <p className="empty">{t('caseload.overview.noLapses')}</p>
      ) : (
        <ul className="plain-list">
          {partner.lapses.map((lapse) => (
            <li key={lapse.toldAt}>
              {formatDay(lapse.date, i18n.language, { dateStyle: 'medium' })}
              {lapse.substances.length > 0 ? ` · ${lapse.substances.join(', ')}` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Both partners side by side (one column on a phone), each limited to what they share; the joint work when both share it. */
export function CoupleOverviewView({ programId, coupleId, personId }: { programId: string; coupleId: string; personId?: string }) {
  const { t, i18n } = useTranslation();
  const overview = useCoupleOverview(programId, coupleId, personId);
  if (overview.isPending) {
    return <Loading />;
  }
  if (overview.isError) {
    return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const data = overview.data;
  return (
    <div className="stack">
      <p className="muted">
        {t('caseload.overview.period', {
          from: formatDay(data.from, i18n.language, { dateStyle: 'medium' }),
          to: formatDay(data.to, i18n.language, { dateStyle: 'medium' }),
        })}
      </p>
      <div className={data.partners.length > 1 ? 'overview-columns' : 'stack'}>
        {data.partners.map((partner) => (
          <PartnerColumn key={partner.id} partner={partner} overview={data} programId={programId} />
        ))}
      </div>
      <Section title={t('caseload.overview.homework')} id="homework">
        {data.homework.length === 0 ? (
          <p className="empty">{t('caseload.overview.noHomework')}</p>
        ) : (
          <ul className="plain-list homework-list">
            {data.homework.map((item) => (
              <li key={item.id}>
                <strong>{t(`care.homework.kinds.${item.kind}`)}</strong> ·{' '}
                {t('care.homework.due', { date: formatDay(item.dueDate, i18n.language, { dateStyle: 'medium' }) })}
                {item.withdrawn ? ` · ${t('caseload.overview.homeworkWithdrawn')}` : null}
                <ul className="plain-list">
                  {item.assignees.map((assignee) => (
                    <li key={assignee.personId}>
                      {assignee.doneAt
                        ? t('caseload.overview.homeworkDone', { name: assignee.displayName })
                        : t('caseload.overview.homeworkOpen', { name: assignee.displayName })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {personId === undefined ? (
        <Section title={t('caseload.overview.together')} id="together">
          {data.together === null ? (
            <p className="muted">{t('caseload.overview.togetherNotShared')}</p>
          ) : (
            <div className="stack">
              {data.together.flags.length > 0 ? (
                <ul className="plain-list flag-list">
                  {data.together.flags.map((flag) => (
                    <FlagItem key={flag.kind} flag={flag} programId={programId} coupleId={coupleId} whoName={t('caseload.theCouple')} />
                  ))}
                </ul>
              ) : null}
              <p>
                {data.together.trustDiscussion.donePercent === null
                  ? t('caseload.overview.noTrust')
                  : t('caseload.overview.trust', { percent: data.together.trustDiscussion.donePercent })}
              </p>
              <p>{t(`caseload.overview.plan.${data.together.plan.status}`)}</p>
              <Link to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}/together`}>
                {t('caseload.overview.jointWork')}
              </Link>
            </div>
          )}
        </Section>
      ) : null}
    </div>
  );
}
