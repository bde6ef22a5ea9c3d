import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@twofold/core/auth/auth.schemas';
import { loginInputSchema } from '@twofold/core/auth/auth.schemas';
import { PasswordField, TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { isTwoFactorChallenge, useLogin } from '../api/use-auth-mutations';
import { TwoFactorLoginForm } from './two-factor-login-form';

const fields = ['email', 'password'];

export function LoginForm({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const login = useLogin();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The password was right and the account uses two-step sign-in: the code is asked next.
  const [codeStep, setCodeStep] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Phones often add a space after an autofilled address; the shared schema checks before it trims.
    const checked = validateWith(
      loginInputSchema,
      { ...values, email: values.email.trim() },
      { email: t('validation.email'), password: t('validation.passwordRequired') },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    try {
      const answer = await login.mutateAsync(checked.data);
      if (isTwoFactorChallenge(answer)) {
        setCodeStep(true);
        return;
      }
      onLoggedIn(answer);
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  if (codeStep) {
    return (
      <TwoFactorLoginForm
        onLoggedIn={onLoggedIn}
        onRestart={() => {
          setCodeStep(false);
          setValues((current) => ({ ...current, password: '' }));
          login.reset();
        }}
      />
    );
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {login.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(login.error)}</Notice> : null}
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        value={values.email}
        onChange={set('email')}
        error={errors['email']}
      />
      <PasswordField
        showLabel={t('auth.showPassword')}
        showText={t('auth.show')}
        label={t('auth.password')}
        name="password"
        autoComplete="current-password"
        value={values.password}
        onChange={set('password')}
        error={errors['password']}
      />
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {login.isPending ? t('auth.loggingIn') : t('auth.logIn')}
      </button>
    </form>
  );
}
