import { useTranslation } from 'react-i18next';
import '../programs.css';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAcknowledgeAlert, useCareAlerts } from '../api/use-programs';
import { ReopenJointFeatures } from './clinician-actions';

/** Clinicians: safety alerts about people enrolled now, newest first, each acknowledged once someone followed up. */
export function SafetyAlerts({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const alerts = useCareAlerts(programId, true);
  const acknowledge = useAcknowledgeAlert(programId);
  if (alerts.isPending) {
    return <Loading />;
  }
  if (alerts.isError) {
    return <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  }
  if (alerts.data.length === 0) {
    return <p className="empty">{t('programs.alerts.none')}</p>;
  }
  return (
    <>
      <p className="muted">{t('programs.alerts.intro')}</p>
      {acknowledge.isError ? <Notice tone="error">{problemText(acknowledge.error)}</Notice> : null}
      <ul className="plain-list alert-list">
        {alerts.data.map((alert) => (
          <li key={alert.id} className={alert.acknowledgedAt ? 'alert-item' : 'alert-item alert-item--open'}>
            <p className="alert-item__who">
              <strong>{alert.personName}</strong>
              {alert.higherRisk ? <span className="badge badge--urgent">{t('programs.alerts.higherRisk')}</span> : null}
            </p>
            <p>{t(`programs.alerts.kind.${alert.kind}`)}</p>
            <p className="muted">{t('programs.alerts.when', { when: formatDateTime(alert.createdAt, i18n.language) })}</p>
            {alert.kind === 'safety-screen' ? (
              <ReopenJointFeatures programId={programId} personId={alert.personId} personName={alert.personName} />
            ) : null}
            {alert.acknowledgedAt ? (
              <p className="muted">{t('programs.alerts.acknowledged', { when: formatDateTime(alert.acknowledgedAt, i18n.language) })}</p>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={acknowledge.isPending}
                onClick={() => acknowledge.mutate(alert.id)}
              >
                {t('programs.alerts.acknowledge')}
                <span className="visually-hidden"> {alert.personName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
