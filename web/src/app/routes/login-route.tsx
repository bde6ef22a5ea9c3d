import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api/use-me';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { Page } from '../../components/ui/page';
import { LoginForm } from '../../features/auth/components/login-form';
import { safeNextPath } from '../next-path';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const sessionEnded = Boolean((location.state as { sessionEnded?: boolean } | null)?.sessionEnded);
  const me = useMe();
  if (me.data) {
    // Already logged in (another tab, the back button): go on to where the person was going.
    return <Navigate to={next ?? '/'} replace />;
  }
  return (
    <Page title={t('auth.loginTitle')} narrow>
      {sessionEnded ? <Notice tone="info">{t('auth.sessionEnded')}</Notice> : null}
      {next ? <p>{t('auth.afterLoginInvite')}</p> : null}
      <LoginForm onLoggedIn={() => void navigate(next ?? '/', { replace: true })} />
      <p className="aside">
        <Link to="/forgot-password">{t('signInSecurity.forgotPassword')}</Link>
      </p>
      <p className="aside">
        {t('auth.noAccount')} <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>{t('auth.createAccount')}</Link>
      </p>
    </Page>
  );
}
