import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useAccessLog } from '../api/use-access-log';

/** "Who looked at my data": each read of my shared data by someone else. `kindLabel` names the kind (and, for a view derived from several, the kinds it used). */
export function AccessLogList({ kindLabel }: { kindLabel: (kind: string, basedOn?: readonly string[]) => string }) {
  const { t, i18n } = useTranslation();
  const log = useAccessLog();
  if (log.isPending) {
    return <Loading />;
  }
  if (log.isError) {
    return <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  }
  if (log.data.events.length === 0) {
    return <p className="empty">{t('accessLog.empty')}</p>;
  }
  return (
    <ol className="plain-list access-log">
      {log.data.events.map((event) => (
        <li key={event.id} className="access-log__item">
          <p className="access-log__what">
            {t('accessLog.event', {
              name: event.viewer.displayName,
              relation: t(`accessLog.relations.${event.viewer.relation}`),
              kind: kindLabel(event.kind, event.basedOn),
            })}
          </p>
          <p className="muted">
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time> · {t(`accessLog.purposes.${event.purpose}`)}
          </p>
        </li>
      ))}
    </ol>
  );
}
