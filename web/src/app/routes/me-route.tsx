import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/ui/page';
import { useMe } from '../../features/auth/api/use-me';
import { ProfileForm } from '../../features/auth/components/profile-form';
import { useSharingSettings } from '../../features/sharing/api/use-sharing';
import { SupportPreferencesForm } from '../../features/support-preferences/components/support-preferences-form';
import { TodayCheckinLink } from '../../features/recovery/components/today-checkin-link';
import { RecoveryNav, recoveryPaths } from '../recovery-nav';
import { lapsePaths, ReflectionPrompt } from '../../features/setbacks/lapse-reflection';
import { PartnerStrugglingNotes, WatchOffer } from '../../features/setbacks/struggling-cards';

/** The "me" view: my own space, profile, and my data boundary. */
export function MeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const sharing = useSharingSettings();
  const audience = sharing.data?.settings.find((setting) => setting.kind === 'support-preferences')?.audience;
  const sharingNote = audience ? (
    <p className="sharing-note">
      {audience === 'private' ? t('support.privateNow') : t('support.sharedNow', { audience: t(`sharing.audienceShort.${audience}`) })}{' '}
      <Link to="/sharing">{t('support.changeSharing')}</Link>
    </p>
  ) : null;
  if (!me.data) {
    return null;
  }
  return (
    <Page title={t('me.title')} intro={t('me.intro')}>
      <RecoveryNav />
      <ReflectionPrompt />
      <WatchOffer />
      <PartnerStrugglingNotes />
      <Section title={t('recovery.meLinks.title')} id="my-recovery">
        <TodayCheckinLink to={recoveryPaths.today} />
        <ul className="link-list">
          <li>
            <Link to={lapsePaths.struggling}>{t('setbacks.meLinks.struggling')}</Link>
          </li>
          <li>
            <Link to={lapsePaths.new}>{t('setbacks.meLinks.lapse')}</Link>
          </li>
          <li>
            <Link to="/care">{t('care.my.link')}</Link>
          </li>
        </ul>
      </Section>
      <div className="columns">
        <Section title={t('support.title')} id="support">
          <SupportPreferencesForm sharingNote={sharingNote} />
        </Section>
        <div className="stack">
          <Section title={t('me.privacyTitle')} id="privacy">
            <ul className="link-list">
              <li>
                <Link to="/sharing">{t('me.sharingLink')}</Link>
              </li>
              <li>
                <Link to="/access-log">{t('me.accessLogLink')}</Link>
              </li>
            </ul>
          </Section>
          <Section title={t('me.profileTitle')} id="profile">
            <ProfileForm me={me.data} />
          </Section>
        </div>
      </div>
    </Page>
  );
}
