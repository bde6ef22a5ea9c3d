import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { SharingSettingsList } from '../../features/sharing/components/sharing-settings';

export function SharingRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('sharing.title')} intro={t('sharing.intro')}>
      <SharingSettingsList />
      <p className="aside">
        <Link to="/access-log">{t('sharing.accessLogLink')}</Link>
      </p>
    </Page>
  );
}
