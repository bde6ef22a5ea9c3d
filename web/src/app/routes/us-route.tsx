import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { Page, Section } from '../../components/ui/page';
import { useCouple } from '../../features/couple/api/use-couple';
import { CoupleNotices } from '../../features/couple/components/couple-notices';
import { JointFeaturesStatus } from '../../features/couple/components/joint-features-status';
import { CreateCouple } from '../../features/couple/components/create-couple';
import { LeaveCouple } from '../../features/couple/components/leave-couple';
import { PartnerInvite } from '../../features/couple/components/partner-invite';
import { PartnerList } from '../../features/couple/components/partner-list';
import { ProgramInvitations } from '../../features/couple/components/program-invitations';
import { ConsentForm } from '../../features/consents/components/consent-form';
import { includesCareTeam, includesPartner } from '@twofold/core/sharing/data-kinds';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { useSharingSettings } from '../../features/sharing/api/use-sharing';
import { useKindText } from '../../features/sharing/components/sharing-settings';
import { CrisisHelpButton } from '../../features/safety/components/crisis-help';
import { PartnerSupportPreferences } from '../../features/support-preferences/components/partner-support-preferences';
import { PartnerMilestones } from '../../features/recovery/components/partner-milestones';
import { PartnerRecovery } from '../../features/recovery/components/partner-recovery';
import { TodayCheckinLink } from '../../features/recovery/components/today-checkin-link';
import { PartnerGoals } from '../../features/goals/components/partner-goals';
import '../../features/recovery/recovery.css';
import { TogetherNav, togetherPaths } from '../together-nav';
import { PlanReviewBanner } from '../../features/setbacks/plan-review-banner';
import { ReflectionPrompt } from '../../features/setbacks/lapse-reflection';
import { PartnerStrugglingNotes, PartnerToldLapses } from '../../features/setbacks/struggling-cards';
import { useJointFeatures } from '../../features/couple/api/use-joint-features';
import { SharedSessionNotes } from '../../features/care-notes/components/shared-notes';

/** The couple's shared work, one tap each (the area's own navigation also sits under the title). */
function TogetherLinks() {
  const { t } = useTranslation();
  const items = ['today', 'talk', 'contract', 'plan', 'trust', 'future'] as const;
  return (
    <Section title={t('together.hub.title')} id="together">
      <ul className="link-list">
        {items.map((item) => (
          <li key={item}>
            <Link to={togetherPaths[item]}>{t(`together.hub.${item}`)}</Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The plan-review reminder, asked only once joint features are open. */
function PlanReviewReminder() {
  const joint = useJointFeatures(true);
  return <PlanReviewBanner enabled={joint.data?.status === 'open'} />;
}

/** Program invitations; accepting shows the consent form, ticked with what I already share with the care team. */
function ProgramsWithConsent({ programs }: { programs: Couple['programs'] }) {
  const { t } = useTranslation();
  const sharing = useSharingSettings();
  const kindText = useKindText();
  const careTeamKinds = (sharing.data?.settings ?? [])
    .filter((setting) => includesCareTeam(setting.audience))
    .map((setting) => setting.kind);
  return (
    <ProgramInvitations
      programs={programs}
      consentForm={({ program, pending, error, onSubmit }) => (
        <ConsentForm
          programs={[program]}
          initialKinds={careTeamKinds}
          kindLabel={(kind) => kindText(kind).label}
          submitLabel={t('consents.form.acceptWithConsent', { program: program.name })}
          allowNone
          pending={pending}
          error={error}
          onSubmit={({ kinds, purpose, purposeNote, until }) =>
            onSubmit({ kinds, purpose, ...(purposeNote ? { purposeNote } : {}), ...(until ? { until } : {}) })
          }
        />
      )}
    />
  );
}

/** My side of the boundary, next to what my partner shares: what my partner can see of mine. */
function WhatIShare({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  const sharing = useSharingSettings();
  const kindText = useKindText();
  if (!sharing.data) {
    return null;
  }
  const shared = sharing.data.settings.filter((setting) => includesPartner(setting.audience));
  return (
    <Section title={t('couple.youShareTitle')} id="you-share">
      {shared.length === 0 ? (
        <p>{t('couple.youShareNone', { name: partnerName })}</p>
      ) : (
        <>
          <p>{t('couple.youShareSome', { name: partnerName })}</p>
          <ul className="bullets">
            {shared.map((setting) => (
              <li key={setting.kind}>{kindText(setting.kind).label}</li>
            ))}
          </ul>
        </>
      )}
      <Link to="/sharing">{t('couple.changeSharing')}</Link>
    </Section>
  );
}

/** The "us" view: the couple space, or how to start one. */
export function UsRoute() {
  const { t } = useTranslation();
  const couple = useCouple();
  const [left, setLeft] = useState(false);

  if (couple.isPending) {
    return (
      <Page title={t('couple.title')}>
        <Loading />
      </Page>
    );
  }
  if (couple.isError) {
    return (
      <Page title={t('couple.title')}>
        <LoadError error={couple.error} onRetry={() => void couple.refetch()} />
      </Page>
    );
  }
  const space = couple.data;
  if (!space) {
    return (
      <Page title={t('couple.title')} focusKey="none">
        {left ? (
          <Notice tone="success" focusOnMount>
            {t('couple.left')}
          </Notice>
        ) : null}
        <TodayCheckinLink to="/me/today" />
        <Section title={t('couple.noneTitle')} id="start">
          <CreateCouple />
        </Section>
        <p className="aside">
          {t('couple.staffHint')} <Link to="/programs/new">{t('couple.createProgram')}</Link>
        </p>
      </Page>
    );
  }
  const partner = space.partners.find((person) => !person.isMe);
  return (
    <Page title={t('couple.title')} intro={t('couple.intro')} focusKey="couple">
      {partner ? <TogetherNav /> : null}
      <CoupleNotices
        notices={space.notices}
        supportAction={<CrisisHelpButton label={t('couple.talkToSomeone')} className="button button--secondary" />}
      />
      <TodayCheckinLink to="/me/today" />
      {partner ? <PlanReviewReminder /> : null}
      <ReflectionPrompt />
      {partner ? <PartnerStrugglingNotes /> : null}
      <div className="columns">
        <div className="stack">
          <Section title={t('couple.partnersTitle')} id="partners">
            <PartnerList couple={space} />
            {partner ? <JointFeaturesStatus /> : null}
          </Section>
          {partner ? <TogetherLinks /> : null}
          {partner ? (
            <Section title={t('support.partnerTitle', { name: partner.displayName })} id="partner-support">
              <PartnerSupportPreferences partnerId={partner.id} partnerName={partner.displayName} />
            </Section>
          ) : null}
          {partner ? (
            <Section title={t('recovery.partner.title', { name: partner.displayName })} id="partner-milestones">
              <PartnerMilestones partnerId={partner.id} partnerName={partner.displayName} />
            </Section>
          ) : null}
          {partner ? (
            <Section title={t('recovery.partnerView.title', { name: partner.displayName })} id="partner-recovery">
              <PartnerRecovery partnerId={partner.id} partnerName={partner.displayName} />
              <PartnerGoals partnerId={partner.id} partnerName={partner.displayName} />
            </Section>
          ) : null}
          {partner ? <PartnerToldLapses partnerId={partner.id} partnerName={partner.displayName} /> : null}
          {!partner && (space.can.invite || space.pendingInvite) ? (
            <Section title={t('couple.inviteTitle')} id="invite">
              <PartnerInvite couple={space} />
            </Section>
          ) : null}
        </div>
        <div className="stack">
          {space.programs.length > 0 ? (
            <Section title={t('couple.programsTitle')} id="programs">
              <ProgramsWithConsent programs={space.programs} />
            </Section>
          ) : null}
          {partner ? <SharedSessionNotes /> : null}
          {partner ? <WhatIShare partnerName={partner.displayName} /> : null}
          {space.can.leave ? (
            <Section title={t('couple.leaveTitle')} id="leave" tone="plain">
              <LeaveCouple couple={space} onLeft={() => setLeft(true)} />
            </Section>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
