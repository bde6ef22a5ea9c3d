import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { ReminderList } from '../../features/reminders/components/reminder-list';
import { ReminderSettingsForm } from '../../features/reminders/components/reminder-settings-form';

/** My reminders shown in the app. */
export function RemindersRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('reminders.title')} intro={t('reminders.intro')} narrow>
      <ReminderList />
    </Page>
  );
}

/** What I am reminded of, when and how. */
export function ReminderSettingsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('reminders.settingsTitle')} intro={t('reminders.settingsIntro')} narrow>
      <ReminderSettingsForm />
    </Page>
  );
}
