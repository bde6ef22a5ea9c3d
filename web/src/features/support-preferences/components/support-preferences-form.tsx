import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { supportPreferencesInputSchema, type SupportPreferences } from '@twofold/core/support/support-preferences.schemas';
import { TextAreaField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useMySupportPreferences, useSaveSupportPreferences } from '../api/use-support-preferences';

const maxLength = 2000;
const fields = ['helps', 'doesNotHelp'];

function Editor({ preferences, sharingNote }: { preferences: SupportPreferences; sharingNote?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const save = useSaveSupportPreferences();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ helps: preferences.helps, doesNotHelp: preferences.doesNotHelp });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => setSaved(false), [values]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(supportPreferencesInputSchema, values, {
      'helps.too_big': t('validation.tooLong', { max: maxLength }),
      'doesNotHelp.too_big': t('validation.tooLong', { max: maxLength }),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(checked.data);
      setSaved(true);
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  const readOnly = !preferences.can.edit;
  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('support.intro')}</p>
      {sharingNote}
      {save.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
      <TextAreaField
        label={t('support.helps')}
        hint={`${t('support.helpsHint')} ${t('support.charactersLeft', { count: maxLength - values.helps.length })}`}
        name="helps"
        rows={4}
        maxLength={maxLength}
        readOnly={readOnly}
        value={values.helps}
        onChange={(event) => setValues({ ...values, helps: event.target.value })}
        error={errors['helps']}
      />
      <TextAreaField
        label={t('support.doesNotHelp')}
        hint={`${t('support.doesNotHelpHint')} ${t('support.charactersLeft', { count: maxLength - values.doesNotHelp.length })}`}
        name="doesNotHelp"
        rows={4}
        maxLength={maxLength}
        readOnly={readOnly}
        value={values.doesNotHelp}
        onChange={(event) => setValues({ ...values, doesNotHelp: event.target.value })}
        error={errors['doesNotHelp']}
      />
      {readOnly ? null : (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('app.saving') : t('support.save')}
          </button>
          <p role="status" className="form__status">
            {saved ? t('app.saved') : ''}
          </p>
        </div>
      )}
      <p className="muted">
        {(save.data ?? preferences).updatedAt
          ? t('support.savedAt', { when: formatDateTime((save.data ?? preferences).updatedAt ?? '', i18n.language) })
          : t('support.neverSaved')}
      </p>
    </form>
  );
}

/** My own "what helps me / what does not", with who can see it right now (from the route). */
export function SupportPreferencesForm({ sharingNote }: { sharingNote?: ReactNode }) {
  const preferences = useMySupportPreferences();
  if (preferences.isPending) {
    return <Loading />;
  }
  if (preferences.isError) {
    return <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />;
  }
  return <Editor preferences={preferences.data} sharingNote={sharingNote} />;
}
