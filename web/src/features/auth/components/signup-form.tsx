import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signupRequestSchema } from '@twofold/core/auth/auth.schemas';
import { PasswordField, TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { currentLocale } from '../../../lib/i18n';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useSignup } from '../api/use-auth-mutations';

const fields = ['displayName', 'email', 'password'];

function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Sign-up. The server always answers 202 "check your e-mail", whether or not the address has an account. */
export function SignupForm({ next }: { next?: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const signup = useSignup();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Phones often add a space after an autofilled address; the shared schema checks before it trims.
    const input = { ...values, email: values.email.trim(), locale: currentLocale(), timeZone: deviceTimeZone(), ...(next ? { next } : {}) };
    const checked = validateWith(signupRequestSchema, input, {
      displayName: t('validation.displayName'),
      'displayName.too_big': t('validation.tooLong', { max: 60 }),
      email: t('validation.email'),
      password: t('validation.passwordShort'),
      'password.too_big': t('validation.tooLong', { max: 256 }),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    try {
      await signup.mutateAsync(input);
      setSentTo(values.email.trim());
    } catch (error) {
      if (isApiProblem(error)) {
        const fromServer = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)]));
        setErrors(fromServer);
        focusFirstError(form.current, fields, fromServer);
      }
    }
  };

  if (sentTo !== null) {
    return (
      <Notice tone="success" live="status" focusOnMount>
        <h2 className="notice__title">{t('auth.checkEmailTitle')}</h2>
        <p>{t('auth.checkEmail', { email: sentTo })}</p>
        {next ? <p>{t('auth.afterSignupInvite')}</p> : null}
        <p className="muted">{t('auth.checkEmailSpam')}</p>
      </Notice>
    );
  }

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {signup.isError && !hasFieldErrors ? <Notice tone="error">{problemText(signup.error)}</Notice> : null}
      <TextField
        label={t('auth.displayName')}
        hint={t('auth.displayNameHint')}
        name="displayName"
        autoComplete="nickname"
        value={values.displayName}
        onChange={set('displayName')}
        error={errors['displayName']}
        maxLength={60}
      />
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set('email')}
        error={errors['email']}
      />
      <PasswordField
        showLabel={t('auth.showPassword')}
        showText={t('auth.show')}
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        name="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors['password']}
      />
      <button type="submit" className="button button--primary button--block" disabled={signup.isPending}>
        {signup.isPending ? t('auth.creating') : t('auth.createAccount')}
      </button>
    </form>
  );
}
