import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/ui/language-select';
import { Notice } from '../../components/ui/notice';
import { Page, Section } from '../../components/ui/page';
import { useProblemText } from '../../lib/use-problem-text';
import { useMe } from '../../features/auth/api/use-me';
import { useLogout, useUpdateProfile } from '../../features/auth/api/use-auth-mutations';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { TwoFactorSettings } from '../../features/auth/components/two-factor-settings';

/** "More": links, programs, language, and logging out. */
export function SettingsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const me = useMe();
  const logout = useLogout(false);
  const logoutEverywhere = useLogout(true);
  const updateProfile = useUpdateProfile();
  if (!me.data) {
    return null;
  }
  const afterLogout = { onSuccess: () => void navigate('/login', { replace: true }) };
  const failed = logout.error ?? logoutEverywhere.error;
  return (
    <Page title={t('settings.title')}>
      <div className="columns">
        <div className="stack">
          <Section title={t('settings.links')} id="links">
            <ul className="link-list">
              <li>
                <Link to="/me">{t('settings.profile')}</Link>
              </li>
              <li>
                <Link to="/us">{t('settings.coupleSpace')}</Link>
              </li>
              <li>
                <Link to="/sharing">{t('me.sharingLink')}</Link>
              </li>
              <li>
                <Link to="/access-log">{t('me.accessLogLink')}</Link>
              </li>
              <li>
                <Link to="/settings/reminders">{t('reminders.settingsTitle')}</Link>
              </li>
              <li>
                <Link to="/settings/consents">{t('consents.title')}</Link>
              </li>
            </ul>
          </Section>
          <Section title={t('settings.programs')} id="programs">
            <ul className="link-list">
              {me.data.staff.map((staff) => (
                <li key={`${staff.programId}-${staff.role}`}>
                  <Link to={`/programs/${staff.programId}`}>
                    {staff.programName} <span className="muted">· {t(`programs.roles.${staff.role}`)}</span>
                  </Link>
                </li>
              ))}
              <li>
                <Link to="/programs/new">{t('settings.newProgram')}</Link>
              </li>
            </ul>
          </Section>
        </div>
        <div className="stack">
          <Section title={t('settings.account')} id="account">
            <p className="muted">{t('settings.loggedInAs', { email: me.data.user.email })}</p>
            <LanguageSelect onChanged={(locale) => updateProfile.mutate({ locale })} />
            {failed ? <Notice tone="error">{problemText(failed)}</Notice> : null}
            <div className="button-column account-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, afterLogout)}
              >
                {logout.isPending ? t('settings.loggingOut') : t('settings.logOut')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-describedby="logout-everywhere-hint"
                disabled={logoutEverywhere.isPending}
                onClick={() => logoutEverywhere.mutate(undefined, afterLogout)}
              >
                {t('settings.logOutEverywhere')}
              </button>
              <p className="field__hint" id="logout-everywhere-hint">
                {t('settings.logOutEverywhereHint')}
              </p>
            </div>
          </Section>
          <Section title={t('signInSecurity.twoFactorTitle')} id="two-factor">
            <TwoFactorSettings />
          </Section>
          <Section title={t('signInSecurity.changePasswordTitle')} id="password">
            <ChangePasswordForm />
          </Section>
        </div>
      </div>
    </Page>
  );
}
