import { Link, Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api/use-me';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { SignupForm } from '../../features/auth/components/signup-form';
import { safeNextPath } from '../next-path';

export function SignupRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  if (me.data) {
    return <Navigate to={next ?? '/'} replace />;
  }
  return (
    <Page title={t('auth.signupTitle')} intro={t('auth.signupIntro')} narrow>
      <SignupForm {...(next ? { next } : {})} />
      <p className="aside">
        {t('auth.haveAccount')} <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>{t('auth.logIn')}</Link>
      </p>
    </Page>
  );
}
