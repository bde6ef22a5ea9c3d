import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, updateProfileInputSchema, type Locale, type Me } from '@twofold/core/auth/auth.schemas';
import { FieldFrame, TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { changeLocale } from '../../../lib/i18n';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useUpdateProfile } from '../api/use-auth-mutations';

const fields = ['displayName', 'locale', 'timeZone'];

function knownTimeZones(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return supported.includes(current) ? supported : [current, ...supported];
}

/** My name, language and time zone (PATCH /api/me). */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const update = useUpdateProfile();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: me.user.displayName, locale: me.user.locale, timeZone: me.user.timeZone });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => knownTimeZones(values.timeZone), [values.timeZone]);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validateWith(updateProfileInputSchema, values, {
      displayName: t('validation.displayName'),
      'displayName.too_big': t('validation.tooLong', { max: 60 }),
      timeZone: t('validation.timeZone'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync(checked.data);
      await changeLocale(values.locale);
      setSaved(true);
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {update.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(update.error)}</Notice> : null}
      <TextField
        label={t('me.displayName')}
        hint={t('me.displayNameHint')}
        name="displayName"
        autoComplete="nickname"
        maxLength={60}
        value={values.displayName}
        onChange={(event) => setValues({ ...values, displayName: event.target.value })}
        error={errors['displayName']}
      />
      <FieldFrame label={t('me.language')} error={errors['locale']}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            name="locale"
            className="input select"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={values.locale}
            onChange={(event) => setValues({ ...values, locale: event.target.value as Locale })}
          >
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`app.languages.${locale}`)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame label={t('me.timeZone')} hint={t('me.timeZoneHint')} error={errors['timeZone']}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            name="timeZone"
            className="input select"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={values.timeZone}
            onChange={(event) => setValues({ ...values, timeZone: event.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {deviceZone && deviceZone !== values.timeZone ? (
        <button type="button" className="button button--ghost" onClick={() => setValues({ ...values, timeZone: deviceZone })}>
          {t('me.useDeviceTimeZone', { zone: deviceZone.replaceAll('_', ' ') })}
        </button>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('app.saving') : t('me.saveProfile')}
        </button>
        <p role="status" className="form__status">
          {saved ? t('app.saved') : ''}
        </p>
      </div>
    </form>
  );
}
