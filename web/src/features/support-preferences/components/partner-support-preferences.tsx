import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../components/ui/loading';
import { usePartnerSupportPreferences } from '../api/use-support-preferences';

/** What helps my partner, if they shared it with me; otherwise one neutral sentence, nothing more. */
export function PartnerSupportPreferences({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t } = useTranslation();
  const preferences = usePartnerSupportPreferences(partnerId);
  if (preferences.isPending) {
    return <Loading />;
  }
  if (preferences.isError) {
    return <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />;
  }
  const shared = preferences.data;
  if (!shared) {
    return <p className="muted">{t('support.partnerNotShared', { name: partnerName })}</p>;
  }
  if (shared.helps.trim() === '' && shared.doesNotHelp.trim() === '') {
    return <p className="muted">{t('support.partnerEmpty', { name: partnerName })}</p>;
  }
  return (
    <dl className="quote-list">
      {shared.helps.trim() !== '' ? (
        <div>
          <dt>{t('support.partnerHelps')}</dt>
          <dd className="prewrap">{shared.helps}</dd>
        </div>
      ) : null}
      {shared.doesNotHelp.trim() !== '' ? (
        <div>
          <dt>{t('support.partnerDoesNotHelp')}</dt>
          <dd className="prewrap">{shared.doesNotHelp}</dd>
        </div>
      ) : null}
    </dl>
  );
}
