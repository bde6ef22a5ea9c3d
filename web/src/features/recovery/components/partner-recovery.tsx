import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinList } from '@twofold/core/recovery/checkin.schemas';
import type { CopingStats } from '@twofold/core/recovery/coping.schemas';
import type { Intake, Reflection } from '@twofold/core/recovery/intake.schemas';
import { relationshipPatterns } from '@twofold/core/recovery/intake.schemas';
import type { TriggerEntry } from '@twofold/core/recovery/triggers.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { usePartnerShared } from '../api/use-recovery';
import { addDays, deviceToday, formatDay } from '../dates';

const recentDays = 14;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="partner-part">
      <h3 className="counters__subtitle">{title}</h3>
      {children}
    </div>
  );
}

/**
 * What my partner shares of their own recovery, read-only: their intake, reflection, recent
 * check-ins (never their notes), trigger log and which coping tools help them. Parts they do not
 * share are named in one line, without guessing why.
 */
export function PartnerRecovery({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t, i18n } = useTranslation();
  const device = deviceToday();
  const intake = usePartnerShared<Intake>(partnerId, 'intake');
  const reflection = usePartnerShared<Reflection>(partnerId, 'reflection');
  const checkins = usePartnerShared<CheckinList>(partnerId, 'checkins', `?from=${addDays(device, -recentDays)}&to=${addDays(device, 1)}`);
  const triggers = usePartnerShared<{ entries: TriggerEntry[] }>(partnerId, 'trigger-log');
  const coping = usePartnerShared<CopingStats>(partnerId, 'coping-runs');
  const all = [intake, reflection, checkins, triggers, coping];
  if (all.some((query) => query.isPending)) {
    return <Loading />;
  }
  const failed = all.find((query) => query.isError);
  if (failed) {
    return <LoadError error={failed.error} onRetry={() => all.forEach((query) => void query.refetch())} />;
  }
  const notShared = [
    intake.data ? null : t('sharing.kinds.intake.label'),
    reflection.data ? null : t('sharing.kinds.relationship-reflection.label'),
    checkins.data ? null : t('sharing.kinds.checkins.label'),
    triggers.data ? null : t('sharing.kinds.triggers.label'),
    coping.data ? null : t('sharing.kinds.coping.label'),
  ].filter((label): label is string => label !== null);

  return (
    <div className="stack">
      {intake.data ? (
        <Part title={t('recovery.partnerView.intakeTitle')}>
          <p>
            {intake.data.inRecovery
              ? t('recovery.partnerView.inRecovery', {
                  name: partnerName,
                  substances: intake.data.substances.map((code) => t(`recovery.substances.${code}`)).join(', ') || '—',
                })
              : t('recovery.partnerView.supporting', { name: partnerName })}
          </p>
          {intake.data.supportNote ? <p className="prewrap">{intake.data.supportNote}</p> : null}
        </Part>
      ) : null}
      {reflection.data ? (
        <Part title={t('recovery.reflection.title')}>
          <ul className="plain-list">
            {relationshipPatterns.map((pattern) => {
              const answer = reflection.data?.patterns[pattern];
              return (
                <li key={pattern}>
                  {t(`recovery.reflection.patterns.${pattern}.name`)}:{' '}
                  {answer ? t(`recovery.reflection.answers.${answer}`) : t('recovery.partnerView.unanswered')}
                </li>
              );
            })}
          </ul>
          {reflection.data.note ? <p className="prewrap">{reflection.data.note}</p> : null}
        </Part>
      ) : null}
      {checkins.data ? (
        <Part title={t('recovery.partnerView.checkinsTitle', { count: recentDays })}>
          {checkins.data.checkins.length === 0 ? (
            <p>{t('recovery.partnerView.noCheckins')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('recovery.trends.day')}</th>
                  <th scope="col">{t('recovery.trends.mood')}</th>
                  <th scope="col">{t('recovery.trends.craving')}</th>
                  <th scope="col">{t('recovery.partnerView.use')}</th>
                </tr>
              </thead>
              <tbody>
                {[...checkins.data.checkins]
                  .sort((a, b) => b.date.localeCompare(a.date))
                  .map((day) => (
                    <tr key={day.date}>
                      <th scope="row">{formatDay(day.date, i18n.language, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
                      <td>{t(`recovery.checkin.moodLevels.${day.mood}`)}</td>
                      <td>{day.craving}</td>
                      <td>{day.used ? t('recovery.calendar.use') : t('recovery.calendar.noUse')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          <p className="muted">{t('recovery.partnerView.checkinsNote', { name: partnerName })}</p>
        </Part>
      ) : null}
      {triggers.data ? (
        <Part title={t('recovery.triggers.title')}>
          {triggers.data.entries.length === 0 ? (
            <p>{t('recovery.triggers.empty')}</p>
          ) : (
            <ul className="plain-list">
              {triggers.data.entries.slice(0, 5).map((entry) => (
                <li key={entry.id}>
                  <strong>{entry.triggerLabel}</strong> · {formatDateTime(entry.occurredAt, i18n.language)} ·{' '}
                  {t(`recovery.triggers.outcomes.${entry.outcome}`)}
                </li>
              ))}
            </ul>
          )}
        </Part>
      ) : null}
      {coping.data ? (
        <Part title={t('recovery.partnerView.copingTitle')}>
          {coping.data.byTool.filter((row) => row.runs > 0).length === 0 ? (
            <p>{t('recovery.partnerView.noCoping')}</p>
          ) : (
            <ul className="plain-list">
              {coping.data.byTool
                .filter((row) => row.runs > 0)
                .map((row) => (
                  <li key={row.tool}>
                    {t(`recovery.coping.tools.${row.tool}.name`)}:{' '}
                    {t('recovery.coping.statsRunsValue', { runs: row.runs, completed: row.completedRuns })}
                  </li>
                ))}
            </ul>
          )}
        </Part>
      ) : null}
      {notShared.length > 0 ? (
        <p className="muted">{t('recovery.partnerView.notShared', { name: partnerName, kinds: notShared.join(', ') })}</p>
      ) : null}
    </div>
  );
}
