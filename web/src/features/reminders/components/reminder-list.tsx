import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { snoozeChoices, type ReminderKind } from '@twofold/core/reminders/reminder.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useDismissReminder, useMyReminders, useSnoozeReminder } from '../api/use-reminders';
import '../reminders.css';

/** Where a reminder of this kind leads inside the app, when it has its own page. */
const kindPath: Partial<Record<ReminderKind, string>> = { 'weekly-summary': '/me/week', session: '/care' };

/** My reminders shown in the app: each can be dismissed or snoozed. */
export function ReminderList() {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const reminders = useMyReminders();
  const dismiss = useDismissReminder();
  const snooze = useSnoozeReminder();
  if (reminders.isPending) {
    return <Loading />;
  }
  if (reminders.isError) {
    return <LoadError error={reminders.error} onRetry={() => void reminders.refetch()} />;
  }
  const failed = dismiss.error ?? snooze.error;
  const list = reminders.data.reminders;
  return (
    <div className="stack">
      {failed ? <Notice tone="error">{problemText(failed)}</Notice> : null}
      {snooze.isSuccess ? (
        <p role="status" className="muted">
          {t('reminders.snoozed')}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p>{t('reminders.empty')}</p>
      ) : (
        <ul className="reminder-list" aria-label={t('reminders.listLabel')}>
          {list.map((reminder) => {
            const kind = t(`reminders.kinds.${reminder.kind}`);
            return (
              <li key={reminder.id} className="card reminder">
                <p className="reminder__kind">{kindPath[reminder.kind] ? <Link to={kindPath[reminder.kind]!}>{kind}</Link> : kind}</p>
                <p className="muted">{t('reminders.shownAt', { time: formatDateTime(reminder.shownAt, i18n.language) })}</p>
                <div className="button-row" role="group" aria-label={t('reminders.snoozeLabel', { kind })}>
                  {snoozeChoices.map((choice) => (
                    <button
                      key={choice}
                      type="button"
                      className="button button--secondary"
                      disabled={snooze.isPending}
                      onClick={() => snooze.mutate({ id: reminder.id, choice })}
                    >
                      {t(`reminders.snooze.${choice}`)}
                    </button>
                  ))}
                </div>
                <button
                  type="button"
                  className="button button--primary"
                  aria-label={t('reminders.dismissLabel', { kind })}
                  disabled={dismiss.isPending}
                  onClick={() => dismiss.mutate(reminder.id)}
                >
                  {t('reminders.dismiss')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/settings/reminders">{t('reminders.settingsLink')}</Link>
      </p>
    </div>
  );
}

/** A link to my reminders in the header, shown only while there are some. */
export function RemindersBadge() {
  const { t } = useTranslation();
  const reminders = useMyReminders();
  const count = reminders.data?.reminders.length ?? 0;
  if (count === 0) {
    return null;
  }
  return (
    <Link to="/reminders" className="button button--secondary reminders-badge">
      {t('reminders.badge', { count })}
    </Link>
  );
}
