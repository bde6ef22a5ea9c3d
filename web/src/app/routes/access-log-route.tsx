import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { AccessLogList } from '../../features/access-log/components/access-log-list';
import { useKindText } from '../../features/sharing/components/sharing-settings';

export function AccessLogRoute() {
  const { t } = useTranslation();
  const kindText = useKindText();
  return (
    <Page title={t('accessLog.title')} intro={t('accessLog.intro')}>
      <AccessLogList kindLabel={(kind) => kindText(kind).label} />
    </Page>
  );
}
