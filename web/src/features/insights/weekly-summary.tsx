import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { skills } from '@twofold/core/communication/skills';
import { isClearInsight } from '@twofold/core/insights/weekly-summary';
import type { WeeklySummary } from '@twofold/core/insights/weekly-summary.schemas';
import { formatDay } from '../../lib/format';
import { InsightCard } from './insight-card';

/**
 * One weekly summary: my week, our week, one insight, one thing to try. Plain, warm words: counts
 * and averages are shown next to last week's without judging them, and nothing is ever about what
 * the partner did or did not do (the couple part is joint work both partners see).
 */
export function WeeklySummaryView({
  summary,
  partnerName,
  headingLevel = 2,
}: {
  summary: WeeklySummary;
  partnerName: string;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const range = t('week.range', {
    from: formatDay(summary.weekStart, i18n.language, { day: 'numeric', month: 'long' }),
    to: formatDay(summary.weekEnd, i18n.language, { day: 'numeric', month: 'long' }),
  });
  const number = (value: number) => value.toLocaleString(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const { mine, couple } = summary;
  const compare = (key: 'mood' | 'craving') => {
    const { thisWeek, previousWeek } = mine[key];
    if (thisWeek === null) {
      return t(`week.${key}None`);
    }
    return previousWeek === null
      ? t(`week.${key}`, { value: number(thisWeek) })
      : t(`week.${key}Compared`, { value: number(thisWeek), previous: number(previousWeek) });
  };
  return (
    <div className="stack weekly-summary">
      <p className="weekly-summary__range">{range}</p>
      <section className="card" aria-labelledby={`mine-${summary.id}`}>
        <H className="card__title" id={`mine-${summary.id}`}>
          {t('week.mineTitle')}
        </H>
        <ul className="weekly-summary__facts">
          <li>{t('week.checkins', { count: mine.checkinDays })}</li>
          {mine.checkinDays > 0 ? <li>{t('week.soberDays', { count: mine.soberDays, days: mine.checkinDays })}</li> : null}
          <li>{compare('mood')}</li>
          <li>{compare('craving')}</li>
          {mine.coping.length === 0 ? (
            <li>{t('week.copingNone')}</li>
          ) : (
            mine.coping.map((tool) => (
              <li key={tool.tool}>
                {t('week.coping', { tool: t(`recovery.coping.tools.${tool.tool}.name`), count: tool.times, helped: tool.helped })}
              </li>
            ))
          )}
        </ul>
      </section>

      {couple ? (
        <section className="card" aria-labelledby={`couple-${summary.id}`}>
          <H className="card__title" id={`couple-${summary.id}`}>
            {t('week.coupleTitle')}
          </H>
          <ul className="weekly-summary__facts">
            {couple.trustDiscussion ? (
              <>
                <li>{t('week.trust', { count: couple.trustDiscussion.daysDone, days: couple.trustDiscussion.daysCounted })}</li>
                {couple.trustDiscussion.streak > 0 ? <li>{t('week.streak', { count: couple.trustDiscussion.streak })}</li> : null}
              </>
            ) : (
              <li>{t('week.noContract')}</li>
            )}
            <li>{t('week.appreciationsFromMe', { count: couple.appreciations.fromMe })}</li>
            <li>{t('week.appreciationsToMe', { count: couple.appreciations.toMe, partner: partnerName })}</li>
            <li>{t('week.activitiesDone', { count: couple.activities.done })}</li>
            {couple.activities.planned > 0 ? <li>{t('week.activitiesPlanned', { count: couple.activities.planned })}</li> : null}
          </ul>
        </section>
      ) : summary.coupleHidden ? (
        <p className="insight__muted">{t('week.coupleHidden')}</p>
      ) : null}

      <section className="card" aria-labelledby={`insight-${summary.id}`}>
        <H className="card__title" id={`insight-${summary.id}`}>
          {t('week.insightTitle')}
        </H>
        {summary.insight ? (
          <>
            <p>
              {t(
                summary.insight.fit.status !== 'ok'
                  ? 'week.insightTooFew'
                  : isClearInsight(summary.insight)
                    ? 'week.insightClear'
                    : 'week.insightNotClear',
                { days: summary.insight.windowDays },
              )}
            </p>
            <InsightCard
              insight={summary.insight}
              voice={{ self: true, subject: '', partner: partnerName }}
              idPrefix={`week-${summary.weekStart}`}
            />
          </>
        ) : (
          <p className="insight__muted">{t(summary.insightHidden ? 'week.insightHidden' : 'week.insightNone', { partner: partnerName })}</p>
        )}
        <p>
          <Link to="/me/insights">{t('week.moreInsights')}</Link>
        </p>
      </section>

      <Suggestion suggestion={summary.suggestion} headingId={`try-${summary.id}`} H={H} />
    </div>
  );
}

function Suggestion({ suggestion, headingId, H }: { suggestion: WeeklySummary['suggestion']; headingId: string; H: 'h2' | 'h3' }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language.startsWith('es') ? 'es' : 'en';
  const skill = suggestion.kind === 'communication-skill' ? skills.find((s) => s.id === suggestion.id) : undefined;
  return (
    <section className="card" aria-labelledby={headingId}>
      <H className="card__title" id={headingId}>
        {t('week.tryTitle')}
      </H>
      <p>{t(`week.reasons.${suggestion.reason}`)}</p>
      {skill ? (
        <>
          <p className="weekly-summary__suggestion">{skill.text[locale].title}</p>
          <p>{skill.text[locale].practicePrompt}</p>
          <p>
            <Link to="/us/talk#skills">{t('week.openSkills')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="weekly-summary__suggestion">{t(`recovery.coping.tools.${suggestion.id}.name`)}</p>
          <p>{t(`recovery.coping.tools.${suggestion.id}.short`)}</p>
          <p>
            <Link to="/me/coping">{t('week.openCoping')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
