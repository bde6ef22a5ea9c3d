import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoverySummary } from '@twofold/core/recovery/checkin.schemas';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { addDays, formatDay } from '../dates';

/** A milestone reached in the last week is celebrated at the top. */
const celebrateWithinDays = 7;

/**
 * Days since the last use and total sober days, side by side, each defined in a sentence: a lapse
 * resets the first and never erases the second. Milestones and notes from the partner follow.
 */
export function CountersCard({
  summary,
  intakeLink,
  intakeDone = true,
}: {
  summary: RecoverySummary;
  intakeLink: ReactNode;
  /** Before the intake, "not in recovery" is only a default: invite the intake instead. */
  intakeDone?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!intakeDone) {
    return (
      <div className="counters">
        <p>{t('recovery.counters.noIntake')}</p>
        <p>{intakeLink}</p>
      </div>
    );
  }
  if (!summary.inRecovery) {
    return (
      <div className="counters">
        <p>{t('recovery.counters.supporting')}</p>
        <p className="muted">{intakeLink}</p>
        <Encouragements summary={summary} />
      </div>
    );
  }
  if (!summary.recoveryStartDate) {
    return (
      <div className="counters">
        <p>{t('recovery.counters.noStart')}</p>
        <p>{intakeLink}</p>
      </div>
    );
  }
  const recent = summary.milestones.find((milestone) => milestone.reachedOn >= addDays(summary.today, -celebrateWithinDays));
  return (
    <div className="counters">
      {recent ? (
        <Notice tone="success" live="status">
          <p className="notice__title">
            {t(recent.counter === 'current' ? 'recovery.counters.celebrateCurrent' : 'recovery.counters.celebrateTotal', {
              count: recent.days,
            })}
          </p>
          <p>{t('recovery.counters.celebrateBody')}</p>
        </Notice>
      ) : null}
      <dl className="stats counters__stats">
        <div>
          <dt>{t('recovery.counters.sinceLastUse')}</dt>
          <dd>{t('recovery.counters.days', { count: summary.daysSinceLastUse ?? 0 })}</dd>
        </div>
        <div>
          <dt>{t('recovery.counters.totalSober')}</dt>
          <dd>{t('recovery.counters.days', { count: summary.totalSoberDays ?? 0 })}</dd>
        </div>
      </dl>
      <p className="muted counters__definition">
        {t('recovery.counters.definition', { start: formatDay(summary.recoveryStartDate, i18n.language, { dateStyle: 'long' }) })}
      </p>
      {summary.nextMilestone ? (
        <p>
          {t(summary.nextMilestone.counter === 'current' ? 'recovery.counters.nextCurrent' : 'recovery.counters.nextTotal', {
            count: summary.nextMilestone.inDays,
            days: summary.nextMilestone.days,
          })}
        </p>
      ) : null}
      {summary.milestones.length > 0 ? (
        <>
          <h3 className="counters__subtitle">{t('recovery.counters.milestonesTitle')}</h3>
          <ul className="milestones">
            {summary.milestones.map((milestone) => (
              <li key={`${milestone.counter}-${milestone.days}`}>
                <span className="milestones__badge" aria-hidden="true">
                  ★
                </span>
                {t(milestone.counter === 'current' ? 'recovery.counters.milestoneCurrent' : 'recovery.counters.milestoneTotal', {
                  count: milestone.days,
                })}{' '}
                <span className="muted">· {formatDay(milestone.reachedOn, i18n.language, { dateStyle: 'medium' })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Encouragements summary={summary} />
    </div>
  );
}

function Encouragements({ summary }: { summary: RecoverySummary }) {
  const { t, i18n } = useTranslation();
  if (summary.encouragements.length === 0) {
    return null;
  }
  return (
    <>
      <h3 className="counters__subtitle">{t('recovery.counters.encouragementsTitle')}</h3>
      <ul className="encouragements">
        {summary.encouragements.map((note) => (
          <li key={note.id}>
            <p className="prewrap">{note.message}</p>
            <p className="muted">{t('recovery.counters.from', { name: note.fromName, when: formatDateTime(note.at, i18n.language) })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
