import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { Page } from '../../components/ui/page';
import { useCouple } from '../../features/couple/api/use-couple';
import { SharingSettingsList } from '../../features/sharing/components/sharing-settings';

export function SharingRoute() {
  const { t } = useTranslation();
  const couple = useCouple();
  return (
    <Page title={t('sharing.title')} intro={t('sharing.intro')}>
      {couple.data === null ? <Notice tone="info">{t('sharing.noPartnerNote')}</Notice> : null}
      <Notice tone="info">{t('sharing.consentNote')}</Notice>
      <SharingSettingsList />
      <p className="aside">
        <Link to="/access-log">{t('sharing.accessLogLink')}</Link> · <Link to="/settings/consents">{t('sharing.consentsLink')}</Link>
      </p>
    </Page>
  );
}
