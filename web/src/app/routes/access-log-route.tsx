import { useTranslation } from 'react-i18next';
import { careRecordKinds, derivedViewKinds } from '@twofold/core/audit/audit.schemas';
import { Page } from '../../components/ui/page';
import { AccessLogList } from '../../features/access-log/components/access-log-list';
import { useKindText } from '../../features/sharing/components/sharing-settings';

export function AccessLogRoute() {
  const { t } = useTranslation();
  const kindText = useKindText();
  return (
    <Page title={t('accessLog.title')} intro={t('accessLog.intro')}>
      <AccessLogList
        kindLabel={(kind, basedOn = []) => {
          const label = (one: string) =>
            (careRecordKinds as readonly string[]).includes(one) ? t(`accessLog.careKinds.${one}`) : kindText(one).label;
          return (derivedViewKinds as readonly string[]).includes(kind)
            ? t(`accessLog.careKinds.${kind}`, { kinds: basedOn.map(label).join(', ') })
            : label(kind);
        }}
      />
    </Page>
  );
}
