import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InsightsView } from '@twofold/core/insights/insights.schemas';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { RecoveryNav } from '../recovery-nav';
import { useCouple } from '../../features/couple/api/use-couple';
import { ConflictCravingChart } from '../../features/insights/conflict-craving-chart';
import { InsightCard, type Voice } from '../../features/insights/insight-card';
import { useMyInsights, usePartnerInsights } from '../../features/insights/use-insights';
import '../../features/insights/insights.css';

/** "How do our dynamics affect our recovery?", from the couple's own check-ins (issue 9). */
export function InsightsRoute() {
  const { t } = useTranslation();
  const couple = useCouple();
  const me = couple.data?.partners.find((partner) => partner.isMe);
  const partner = couple.data?.partners.find((p) => !p.isMe) ?? null;
  const names = { me: me?.displayName ?? '', partner: partner?.displayName ?? t('insights.yourPartner') };
  const mine = useMyInsights();
  const theirs = usePartnerInsights(partner?.id ?? null);
  return (
    <Page title={t('insights.title')} intro={t('insights.intro')}>
      <RecoveryNav />
      <div className="stack">
        <Section title={t('insights.mineTitle')} id="my-insights">
          <p className="sharing-note">
            {partner ? t('insights.sharingNote', { partner: names.partner }) : t('insights.sharingNoteAlone')}{' '}
            <Link to="/sharing">{t('insights.changeSharing')}</Link>
          </p>
          {mine.isPending ? (
            <Loading />
          ) : mine.isError ? (
            <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
          ) : (
            <Insights view={mine.data} voice={{ self: true, subject: names.me, partner: names.partner }} />
          )}
        </Section>
        {partner ? (
          <Section title={t('insights.partnerTitle', { partner: names.partner })} id="partner-insights">
            {theirs.isPending ? (
              <Loading />
            ) : theirs.isError ? (
              <LoadError error={theirs.error} onRetry={() => void theirs.refetch()} />
            ) : theirs.data ? (
              <Insights view={theirs.data} voice={{ self: false, subject: names.partner, partner: names.me }} />
            ) : (
              <p>{t('insights.partnerNotShared', { partner: names.partner })}</p>
            )}
          </Section>
        ) : null}
        <p className="insight__method">{t('insights.method')}</p>
      </div>
    </Page>
  );
}

function Insights({ view, voice }: { view: InsightsView; voice: Voice }) {
  return (
    <div className="stack">
      <ConflictCravingChart days={view.chart} voice={voice} partnerIncluded={view.partnerIncluded} />
      {view.insights.map((insight) => (
        <InsightCard key={insight.id} insight={insight} voice={voice} />
      ))}
    </div>
  );
}
