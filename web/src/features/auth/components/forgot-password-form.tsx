import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordResetRequestSchema } from '@twofold/core/auth/sign-in-security.schemas';
import { TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useRequestPasswordReset } from '../api/use-sign-in-security';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const request = useRequestPasswordReset();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(passwordResetRequestSchema, { email: email.trim() }, { email: t('validation.email') });
    if (!checked.ok) {
      setError(checked.errors['email']);
      focusFirstError(form.current, ['email'], checked.errors);
      return;
    }
    setError(undefined);
    try {
      await request.mutateAsync(checked.data.email);
    } catch {
      // Shown below.
    }
  };

  if (request.isSuccess) {
    return (
      <Notice tone="success" focusOnMount>
        {t('signInSecurity.resetSent')}
      </Notice>
    );
  }
  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {request.isError ? <Notice tone="error">{problemText(request.error)}</Notice> : null}
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
      />
      <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
        {request.isPending ? t('signInSecurity.sending') : t('signInSecurity.sendResetLink')}
      </button>
    </form>
  );
}
