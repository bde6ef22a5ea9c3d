import { useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@twofold/core/auth/auth.schemas';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { confirmSignupOnce } from '../api/use-auth-mutations';
import { meQueryKey } from '../api/use-me';

/** Sends the e-mailed token once; on success the session cookie is set and `onConfirmed` runs. */
export function ConfirmSignup({
  token,
  onConfirmed,
  signupLink,
}: {
  token: string | null;
  onConfirmed: (me: Me) => void;
  signupLink: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!token) {
      return;
    }
    let active = true;
    confirmSignupOnce(token).then(
      (me) => {
        if (active) {
          queryClient.clear();
          queryClient.setQueryData(meQueryKey, me);
          onConfirmed(me);
        }
      },
      () => {
        if (active) {
          setFailed(true);
        }
      },
    );
    return () => {
      active = false;
    };
  }, [token, queryClient, onConfirmed]);

  if (!token) {
    return <Notice tone="error">{t('auth.confirmMissing')}</Notice>;
  }
  if (failed) {
    return (
      <Notice tone="error">
        <p>{t('auth.confirmFailed')}</p>
        {signupLink}
      </Notice>
    );
  }
  return (
    <>
      <p>{t('auth.confirming')}</p>
      <Loading />
    </>
  );
}
