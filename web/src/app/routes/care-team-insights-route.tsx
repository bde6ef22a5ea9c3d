import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { useCaseload } from '../../features/programs/api/use-programs';
import { ConflictCravingChart } from '../../features/insights/conflict-craving-chart';
import { InsightCard } from '../../features/insights/insight-card';
import { usePartnerInsights } from '../../features/insights/use-insights';
import '../../features/insights/insights.css';

/**
 * A person's insights for their clinician (issue 9: "for the couple, and the care team when
 * shared"): shown only while the person shares `insights` with the care team (the server decides
 * and audits each read; anything else answers 404, shown here as "not shared"). Their partner's
 * days are in it only when the partner agreed as well.
 */
export function CareTeamInsightsRoute() {
  const { t } = useTranslation();
  const { programId = '', personId = '' } = useParams();
  const caseload = useCaseload(programId, true);
  const couple = caseload.data?.couples.find((c) => c.partners.some((partner) => partner.id === personId));
  const name = couple?.partners.find((partner) => partner.id === personId)?.displayName ?? t('insights.careTeam.thisPerson');
  const partnerName = couple?.partners.find((partner) => partner.id !== personId)?.displayName ?? t('insights.careTeam.theirPartner');
  const insights = usePartnerInsights(personId);
  const voice = { self: false, subject: name, partner: partnerName };
  return (
    <Page title={t('insights.careTeam.title', { name })} intro={t('insights.careTeam.intro', { name })}>
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>{t('insights.careTeam.back')}</Link>
      </p>
      {insights.isPending ? (
        <Loading />
      ) : insights.isError ? (
        <LoadError error={insights.error} onRetry={() => void insights.refetch()} />
      ) : insights.data === null ? (
        <p className="card">{t('insights.careTeam.notShared', { name })}</p>
      ) : (
        <Section title={t('insights.careTeam.sectionTitle', { name })} id="person-insights">
          <div className="stack">
            <ConflictCravingChart days={insights.data.chart} voice={voice} partnerIncluded={insights.data.partnerIncluded} />
            {insights.data.insights.map((insight) => (
              <InsightCard key={insight.id} insight={insight} voice={voice} />
            ))}
            <p className="insight__method">{t('insights.method')}</p>
          </div>
        </Section>
      )}
    </Page>
  );
}
