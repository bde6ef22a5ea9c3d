import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/page';
import { readPlanProposal } from '../../features/setbacks/plan-link';
import { ContinuingRecoveryPlan } from '../../features/setbacks/plan-view';
import { JointPage } from './together-routes';

/**
 * /us/plan: the Continuing Recovery Plan. Location state `{ proposeChange: { text } }` (from the
 * lapse reflection, planProposalLink) opens my own section with that line; it is then cleared.
 */
export function PlanRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const proposal = readPlanProposal(location.state);
  const clearProposal = useCallback(() => {
    void navigate(location.pathname, { replace: true, state: null });
  }, [navigate, location.pathname]);
  return (
    <JointPage title={t('plan.title')} intro={t('plan.intro')}>
      {(people) => (
        <Section title={t('plan.sectionTitle')} id="plan">
          <ContinuingRecoveryPlan people={people} proposal={proposal} onProposalUsed={clearProposal} />
        </Section>
      )}
    </JointPage>
  );
}
