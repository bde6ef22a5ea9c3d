import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { useSupportContacts, useTriggers } from '../../features/recovery/api/use-recovery';
import { ToolList } from '../../features/recovery/components/coping-toolbox';
import { CrisisHelpButton } from '../../features/safety/components/crisis-help';
import { useLapse, useStruggling } from '../../features/setbacks/lapse-api';
import { LapseForm } from '../../features/setbacks/lapse-form';
import { lapsePaths, ReflectionForm } from '../../features/setbacks/lapse-reflection';
import { LapseNextSteps, LapseTelling } from '../../features/setbacks/lapse-steps';
import { StrugglingFlow } from '../../features/setbacks/struggling-flow';
import { recoveryPaths } from '../recovery-nav';

/** The coping toolbox, one tap from a lapse's next steps and from "I'm struggling". */
function Toolbox() {
  const { t } = useTranslation();
  return (
    <Section title={t('setbacks.toolbox.title')} id="toolbox">
      <p>
        <Link to={recoveryPaths.cravingNow} className="button button--craving">
          {t('setbacks.toolbox.cravingNow')}
        </Link>
      </p>
      <ToolList startPath={(tool) => `${recoveryPaths.cravingNow}?tool=${tool}`} />
    </Section>
  );
}

/** /me/lapse: write a lapse report, then go on to the plan's next steps. */
export function LapseRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const triggers = useTriggers();
  const struggling = useStruggling();
  const ready = triggers.data && struggling.data;
  return (
    <Page title={t('setbacks.lapse.title')} intro={t('setbacks.lapse.intro')} narrow>
      {triggers.isError ? <LoadError error={triggers.error} onRetry={() => void triggers.refetch()} /> : null}
      {struggling.isError ? <LoadError error={struggling.error} onRetry={() => void struggling.refetch()} /> : null}
      {!ready && !triggers.isError && !struggling.isError ? <Loading /> : null}
      {ready ? (
        <Section title={t('setbacks.lapse.formTitle')} id="lapse-form">
          <LapseForm
            triggers={triggers.data.triggers}
            warningSigns={struggling.data.plan?.mySection?.warningSigns.map((sign) => sign.text) ?? []}
            partnerName={struggling.data.partner?.name ?? null}
            onSaved={(lapse) => void navigate(lapsePaths.steps(lapse.id))}
          />
        </Section>
      ) : null}
    </Page>
  );
}

/** /me/lapse/:id: after saving, what to do now (the plan's lapse steps), and whom I told. */
export function LapseStepsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lapse = useLapse(id);
  const struggling = useStruggling();
  return (
    <Page title={t('setbacks.lapse.stepsTitle')} intro={t('setbacks.lapse.stepsIntro')} narrow>
      {lapse.isPending || struggling.isPending ? <Loading /> : null}
      {lapse.isError ? <LoadError error={lapse.error} onRetry={() => void lapse.refetch()} /> : null}
      {struggling.data ? <LapseNextSteps plan={struggling.data.plan} toolbox={<Toolbox />} /> : null}
      {lapse.data && struggling.data ? <LapseTelling lapse={lapse.data} partnerName={struggling.data.partner?.name ?? null} /> : null}
      <p>
        <Link to="/me">{t('setbacks.lapse.backToMe')}</Link>
      </p>
    </Page>
  );
}

/** /me/lapse/:id/reflect: the next-day reflection. */
export function LapseReflectRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lapse = useLapse(id);
  return (
    <Page title={t('setbacks.reflection.title')} narrow>
      {lapse.isPending ? <Loading /> : null}
      {lapse.isError ? <LoadError error={lapse.error} onRetry={() => void lapse.refetch()} /> : null}
      {lapse.data ? (
        <Section title={t('setbacks.reflection.formTitle')} id="reflection">
          <ReflectionForm lapse={lapse.data} />
        </Section>
      ) : null}
    </Page>
  );
}

/** /me/struggling: my part of the plan step by step, reaching out if I choose, the toolbox, the crisis lines. */
export function StrugglingRoute() {
  const { t } = useTranslation();
  const struggling = useStruggling();
  const contacts = useSupportContacts();
  return (
    <Page title={t('setbacks.struggling.title')} narrow>
      {struggling.isPending ? <Loading /> : null}
      {struggling.isError ? <LoadError error={struggling.error} onRetry={() => void struggling.refetch()} /> : null}
      {struggling.data ? (
        <StrugglingFlow
          data={struggling.data}
          contacts={(contacts.data?.contacts ?? []).map((contact) => ({
            key: contact.id,
            name: contact.name,
            role: contact.relation,
            phone: contact.phone,
            email: '',
          }))}
          toolbox={<Toolbox />}
          crisis={<CrisisHelpButton label={t('setbacks.struggling.crisisButton')} className="button button--secondary" />}
        />
      ) : null}
      <p>
        <Link to={lapsePaths.new}>{t('setbacks.struggling.lapseLink')}</Link>
      </p>
    </Page>
  );
}
