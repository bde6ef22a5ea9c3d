import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page } from '../../components/ui/page';
import { RecoveryNav } from '../recovery-nav';
import { useCouple } from '../../features/couple/api/use-couple';
import { useMyWeeklySummaries } from '../../features/insights/use-weekly-summaries';
import { WeeklySummaryView } from '../../features/insights/weekly-summary';
import '../../features/insights/insights.css';

/** My weekly summary (issue 9): the latest, and the one before on request. */
export function WeekRoute() {
  const { t } = useTranslation();
  const couple = useCouple();
  const partner = couple.data?.partners.find((p) => !p.isMe) ?? null;
  const partnerName = partner?.displayName ?? t('insights.yourPartner');
  const summaries = useMyWeeklySummaries();
  const [showPrevious, setShowPrevious] = useState(false);
  return (
    <Page title={t('week.title')} intro={t('week.intro')}>
      <RecoveryNav />
      {summaries.isPending ? (
        <Loading />
      ) : summaries.isError ? (
        <LoadError error={summaries.error} onRetry={() => void summaries.refetch()} />
      ) : summaries.data.latest === null ? (
        <div className="card">
          <p>{t('week.none')}</p>
          <p>
            <Link to="/me/today">{t('week.checkInLink')}</Link>
          </p>
        </div>
      ) : (
        <div className="stack">
          <WeeklySummaryView summary={summaries.data.latest} partnerName={partnerName} />
          {summaries.data.previous ? (
            showPrevious ? (
              <section className="stack" aria-labelledby="previous-week">
                <h2 id="previous-week">{t('week.previousTitle')}</h2>
                <WeeklySummaryView summary={summaries.data.previous} partnerName={partnerName} headingLevel={3} />
              </section>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setShowPrevious(true)}>
                {t('week.showPrevious')}
              </button>
            )
          ) : null}
          <p className="insight__method">{t('week.method')}</p>
        </div>
      )}
    </Page>
  );
}
