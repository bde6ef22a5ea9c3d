import { useTranslation } from 'react-i18next';
import { careRecordKinds } from '@twofold/core/audit/audit.schemas';
import { Page } from '../../components/ui/page';
import { AccessLogList } from '../../features/access-log/components/access-log-list';
import { useKindText } from '../../features/sharing/components/sharing-settings';

export function AccessLogRoute() {
  const { t } = useTranslation();
  const kindText = useKindText();
  return (
    <Page title={t('accessLog.title')} intro={t('accessLog.intro')}>
      <AccessLogList
        kindLabel={(kind) =>
          (careRecordKinds as readonly string[]).includes(kind) ? t(`accessLog.careKinds.${kind}`) : kindText(kind).label
        }
      />
    </Page>
  );
}
