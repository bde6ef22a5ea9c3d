import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '@twofold/core/auth/auth.schemas';
import { PasswordField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useConfirmPasswordReset } from '../api/use-sign-in-security';
import { z } from 'zod';

const newPasswordSchema = z.object({ password: passwordSchema });

/** The page an e-mailed reset link opens: a new password, then log in again everywhere. */
export function ResetPasswordForm({ token, loginLink, forgotLink }: { token: string | null; loginLink: ReactNode; forgotLink: ReactNode }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const reset = useConfirmPasswordReset();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  if (!token) {
    return (
      <Notice tone="error">
        <p>{t('signInSecurity.resetLinkMissing')}</p>
        {forgotLink}
      </Notice>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(newPasswordSchema, { password }, { password: t('validation.passwordShort') });
    if (!checked.ok) {
      setError(checked.errors['password']);
      focusFirstError(form.current, ['password'], checked.errors);
      return;
    }
    setError(undefined);
    try {
      await reset.mutateAsync({ token, password: checked.data.password });
    } catch {
      // Shown below.
    }
  };

  if (reset.isSuccess) {
    return (
      <Notice tone="success" focusOnMount>
        <p>{t('signInSecurity.resetDone')}</p>
        {loginLink}
      </Notice>
    );
  }
  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {reset.isError ? (
        <Notice tone="error">
          <p>{problemText(reset.error)}</p>
          {forgotLink}
        </Notice>
      ) : null}
      <PasswordField
        showLabel={t('auth.showPassword')}
        showText={t('auth.show')}
        label={t('signInSecurity.newPassword')}
        hint={t('auth.passwordHint')}
        name="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
      />
      <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
        {reset.isPending ? t('app.saving') : t('signInSecurity.setNewPassword')}
      </button>
    </form>
  );
}
