import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordChangeInputSchema } from '@twofold/core/auth/sign-in-security.schemas';
import { PasswordField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useChangePassword } from '../api/use-sign-in-security';

const fields = ['currentPassword', 'newPassword'];

/** Changing the password signs every other device out; this one stays signed in. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(passwordChangeInputSchema, values, {
      currentPassword: t('validation.passwordRequired'),
      newPassword: t('validation.passwordShort'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    try {
      await change.mutateAsync(checked.data);
      setValues({ currentPassword: '', newPassword: '' });
    } catch (error) {
      if (isApiProblem(error)) {
        const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)]));
        setErrors(fieldErrors);
        focusFirstError(form.current, fields, fieldErrors);
      }
    }
  };

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {change.isSuccess ? <Notice tone="success">{t('signInSecurity.passwordChanged')}</Notice> : null}
      {change.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(change.error)}</Notice> : null}
      <PasswordField
        showLabel={t('auth.showPassword')}
        showText={t('auth.show')}
        label={t('signInSecurity.currentPassword')}
        name="currentPassword"
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors['currentPassword']}
      />
      <PasswordField
        showLabel={t('auth.showPassword')}
        showText={t('auth.show')}
        label={t('signInSecurity.newPassword')}
        hint={t('signInSecurity.newPasswordHint')}
        name="newPassword"
        autoComplete="new-password"
        value={values.newPassword}
        onChange={set('newPassword')}
        error={errors['newPassword']}
      />
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {change.isPending ? t('app.saving') : t('signInSecurity.changePassword')}
      </button>
    </form>
  );
}
