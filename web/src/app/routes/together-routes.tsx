import type { ReactNode } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { useMe } from '../../features/auth/api/use-me';
import { useCouple } from '../../features/couple/api/use-couple';
import { useCoupleEvents } from '../../features/couple/api/use-couple-events';
import { useJointFeatures } from '../../features/couple/api/use-joint-features';
import { JointFeaturesStatus } from '../../features/couple/components/joint-features-status';
import { ConnectionQuestion } from '../../features/communication/components/connection-question';
import { IStatementHelper } from '../../features/communication/components/i-statement-helper';
import { CallPause, PauseScreen, usePauseView } from '../../features/communication/components/pause';
import { SkillsLibrary } from '../../features/communication/components/skills-library';
import { SpeakerListener } from '../../features/communication/components/speaker-listener';
import { Appreciations, Commitments } from '../../features/together/components/accountability';
import { Boundaries } from '../../features/together/components/boundaries';
import { CareTeamJointWorkView } from '../../features/together/components/care-team-view';
import { EnablingGuide } from '../../features/together/components/enabling-guide';
import { RecoveryContract } from '../../features/together/components/contract';
import { ActivitiesPlanner, Celebrations, SharedGoals } from '../../features/together/components/shared-future';
import { TrustDiscussion } from '../../features/together/components/trust-discussion';
import type { CouplePeople } from '../../features/together/people';
import '../../features/recovery/recovery.css';
import { TogetherNav } from '../together-nav';

/** The two partners of my couple space, when it has two. */
function useCouplePeople(): { isPending: boolean; error: unknown; people: CouplePeople | null; refetch: () => void } {
  const couple = useCouple();
  const me = couple.data?.partners.find((person) => person.isMe);
  const partner = couple.data?.partners.find((person) => !person.isMe);
  return {
    isPending: couple.isPending,
    error: couple.error,
    refetch: () => void couple.refetch(),
    people: me && partner ? { me: { id: me.id, name: me.displayName }, partner: { id: partner.id, name: partner.displayName } } : null,
  };
}

/**
 * Every page of the "Us" area: the live couple events while one is open, and the conflict pause,
 * which takes over the area on both phones at once while it runs.
 */
export function UsLayout() {
  const me = useMe();
  const { people } = useCouplePeople();
  const joint = useJointFeatures(people !== null);
  const isOpen = joint.data?.status === 'open';
  useCoupleEvents(Boolean(me.data) && people !== null);
  const pause = usePauseView(people !== null && isOpen);
  if (pause.phase !== 'none') {
    return (
      <div className="page page--narrow">
        <PauseScreen view={pause} />
      </div>
    );
  }
  return <Outlet />;
}

/** A joint page: its title and the area's navigation, then the content once joint features are open. */
export function JointPage({ title, intro, children }: { title: string; intro?: string; children: (people: CouplePeople) => ReactNode }) {
  const { t } = useTranslation();
  const couple = useCouplePeople();
  const joint = useJointFeatures(couple.people !== null);
  let body: ReactNode;
  if (couple.isPending || (couple.people && joint.isPending)) {
    body = <Loading />;
  } else if (couple.error) {
    body = <LoadError error={couple.error} onRetry={couple.refetch} />;
  } else if (!couple.people) {
    body = (
      <Section title={t('together.needPartnerTitle')} id="need-partner">
        <p>{t('together.needPartner')}</p>
        <Link to="/us">{t('together.toCoupleSpace')}</Link>
      </Section>
    );
  } else if (joint.data?.status !== 'open') {
    body = (
      <Section title={t('together.closedTitle')} id="joint-closed">
        <JointFeaturesStatus />
      </Section>
    );
  } else {
    body = children(couple.people);
  }
  return (
    <Page title={title} intro={intro} focusKey={title}>
      <TogetherNav />
      {body}
    </Page>
  );
}

export function ContractRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('together.contract.title')} intro={t('together.contract.intro')}>
      {(people) => (
        <Section title={t('together.contract.sectionTitle')} id="contract">
          <RecoveryContract people={people} />
        </Section>
      )}
    </JointPage>
  );
}

export function TrustDiscussionRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('together.trust.title')} intro={t('together.trust.intro')}>
      {(people) => (
        <div className="card">
          <TrustDiscussion people={people} />
        </div>
      )}
    </JointPage>
  );
}

export function TalkRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('talk.title')} intro={t('talk.intro')}>
      {(people) => (
        <div className="stack">
          <Section title={t('talk.pause.sectionTitle')} id="pause">
            <CallPause />
          </Section>
          <Section title={t('talk.exercise.title')} id="speaker-listener">
            <SpeakerListener partnerName={people.partner.name} />
          </Section>
          <Section title={t('talk.connection.title')} id="connection">
            <ConnectionQuestion partnerName={people.partner.name} />
          </Section>
          <Section title={t('talk.helper.title')} id="i-statements">
            <IStatementHelper />
          </Section>
          <Section title={t('talk.skills.title')} id="skills">
            <SkillsLibrary />
          </Section>
        </div>
      )}
    </JointPage>
  );
}

export function AccountabilityRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('together.accountability.title')} intro={t('together.accountability.intro')}>
      {(people) => (
        <div className="stack">
          <Section title={t('together.commitments.title')} id="commitments">
            <Commitments people={people} />
          </Section>
          <Section title={t('together.appreciations.title')} id="appreciations">
            <Appreciations people={people} />
          </Section>
          <Section title={t('together.boundaries.title')} id="boundaries">
            <Boundaries people={people} />
          </Section>
        </div>
      )}
    </JointPage>
  );
}

export function FutureRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('together.future.title')} intro={t('together.future.intro')}>
      {(people) => (
        <div className="stack">
          <Section title={t('together.celebrations.title')} id="celebrations">
            <Celebrations />
          </Section>
          <Section title={t('together.goals.title')} id="goals">
            <SharedGoals people={people} />
          </Section>
          <Section title={t('together.activities.title')} id="activities">
            <ActivitiesPlanner people={people} />
          </Section>
        </div>
      )}
    </JointPage>
  );
}

export function GuideRoute() {
  const { t } = useTranslation();
  return (
    <JointPage title={t('together.guide.title')} intro={t('together.guide.pageIntro')}>
      {(people) => (
        <div className="card">
          <EnablingGuide people={people} />
          <p>
            <Link to="/us/accountability#boundaries">{t('together.guide.toBoundaries')}</Link>
          </p>
        </div>
      )}
    </JointPage>
  );
}

/** A clinician's read-only view of one couple's joint work (only when both partners share it with the care team). */
export function CareTeamTogetherRoute() {
  const { t } = useTranslation();
  const { programId = '', coupleId = '' } = useParams();
  return (
    <Page title={t('together.careTeam.title')} intro={t('together.careTeam.intro')} focusKey={coupleId}>
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>{t('together.careTeam.back')}</Link>
      </p>
      <CareTeamJointWorkView programId={programId} coupleId={coupleId} />
    </Page>
  );
}
