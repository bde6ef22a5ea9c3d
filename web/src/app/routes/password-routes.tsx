import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';

/** "Forgot password?": asks for an e-mailed link. */
export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('signInSecurity.forgotTitle')} intro={t('signInSecurity.forgotIntro')} narrow>
      <ForgotPasswordForm />
      <p className="aside">
        <Link to="/login">{t('signInSecurity.backToLogin')}</Link>
      </p>
    </Page>
  );
}

/** The page the e-mailed link opens (/reset-password?token=…). */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Page title={t('signInSecurity.resetTitle')} intro={t('signInSecurity.resetIntro')} narrow>
      <ResetPasswordForm
        token={params.get('token')}
        loginLink={<Link to="/login">{t('auth.logIn')}</Link>}
        forgotLink={<Link to="/forgot-password">{t('signInSecurity.askNewLink')}</Link>}
      />
    </Page>
  );
}
