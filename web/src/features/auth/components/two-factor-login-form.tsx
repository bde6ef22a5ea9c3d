import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@twofold/core/auth/auth.schemas';
import { twoFactorLoginInputSchema } from '@twofold/core/auth/sign-in-security.schemas';
import { TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { hasCode } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useTwoFactorLogin } from '../api/use-sign-in-security';

/** The second step of a two-step login: a 6-digit code from the app, or a recovery code. */
export function TwoFactorLoginForm({ onLoggedIn, onRestart }: { onLoggedIn: (me: Me) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const login = useTwoFactorLogin();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(twoFactorLoginInputSchema, { code }, { code: t('signInSecurity.codeInvalid') });
    if (!checked.ok) {
      setError(checked.errors['code']);
      focusFirstError(form.current, ['code'], checked.errors);
      return;
    }
    setError(undefined);
    try {
      onLoggedIn(await login.mutateAsync(checked.data.code));
    } catch {
      // Shown below.
    }
  };

  if (login.isError && hasCode(login.error, 'unauthenticated')) {
    return (
      <Notice tone="error" focusOnMount>
        <p>{t('signInSecurity.loginExpired')}</p>
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {t('signInSecurity.startOver')}
        </button>
      </Notice>
    );
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="two-factor-step-title">
      <h2 id="two-factor-step-title">{t('signInSecurity.loginStepTitle')}</h2>
      <p>{t('signInSecurity.loginStepIntro')}</p>
      {login.isError ? <Notice tone="error">{problemText(login.error)}</Notice> : null}
      <TextField
        label={t('signInSecurity.code')}
        hint={t('signInSecurity.codeOrRecoveryHint')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
        autoFocus
      />
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {login.isPending ? t('signInSecurity.checking') : t('signInSecurity.continue')}
      </button>
    </form>
  );
}
