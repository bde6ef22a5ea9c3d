import { useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { ConfirmSignup } from '../../features/auth/components/confirm-signup';
import { safeNextPath } from '../next-path';

/** /confirm?token=…&next=/join/…: finishes sign-up, then goes to the invite (if any) or home. */
export function ConfirmRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const next = safeNextPath(params.get('next'));
  const onConfirmed = useCallback(() => void navigate(next ?? '/', { replace: true }), [navigate, next]);
  return (
    <Page title={t('auth.confirmTitle')} narrow>
      <ConfirmSignup
        token={token}
        onConfirmed={onConfirmed}
        signupLink={
          <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'} className="button button--secondary">
            {t('auth.signupAgain')}
          </Link>
        }
      />
    </Page>
  );
}
