import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { triggerEntryInputSchema } from '@twofold/core/recovery/triggers.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useDeleteTriggerEntry, useLogTrigger, useTriggerLog, useTriggers } from '../api/use-recovery';
import { ChoiceRow } from './choice-row';

type Outcome = 'helped' | 'partly' | 'did-not-help' | 'not-sure';
const outcomes: Outcome[] = ['helped', 'partly', 'did-not-help', 'not-sure'];
const fields = [
  'triggerLabel',
  'occurredAt',
  'situation',
  'people',
  'place',
  'feeling',
  'aboutRelationship',
  'intensity',
  'whatIDid',
  'outcome',
];

function nowForInput(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

const empty = () => ({
  triggerLabel: '',
  occurredAt: nowForInput(),
  situation: '',
  people: '',
  place: '',
  feeling: '',
  aboutRelationship: null as boolean | null,
  intensity: null as number | null,
  whatIDid: '',
  outcome: null as Outcome | null,
});

/** A new entry in my trigger log. The label joins my trigger list, so the check-in can offer it. */
export function TriggerLogForm() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const triggers = useTriggers();
  const log = useLogTrigger();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const text = (name: 'situation' | 'people' | 'place' | 'feeling' | 'whatIDid') => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const occurred = values.occurredAt ? new Date(values.occurredAt) : null;
    const required = t('recovery.checkin.required');
    const checked = validateWith(
      triggerEntryInputSchema,
      { ...values, occurredAt: occurred && !Number.isNaN(occurred.getTime()) ? occurred.toISOString() : '' },
      {
        triggerLabel: t('recovery.triggers.labelRequired'),
        occurredAt: required,
        aboutRelationship: required,
        intensity: required,
        outcome: required,
      },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      const first = fields.find((field) => checked.errors[field]);
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    try {
      await log.mutateAsync(checked.data);
      setValues(empty());
      setSaved(true);
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t('recovery.triggers.label')}
        hint={t('recovery.triggers.labelHint')}
        name="triggerLabel"
        list="my-triggers"
        maxLength={60}
        autoComplete="off"
        value={values.triggerLabel}
        onChange={(event) => setValues({ ...values, triggerLabel: event.target.value })}
        error={errors['triggerLabel']}
      />
      <datalist id="my-triggers">
        {(triggers.data?.triggers ?? []).map((trigger) => (
          <option key={trigger.id} value={trigger.label} />
        ))}
      </datalist>
      <TextField
        label={t('recovery.triggers.when')}
        name="occurredAt"
        type="datetime-local"
        value={values.occurredAt}
        onChange={(event) => setValues({ ...values, occurredAt: event.target.value })}
        error={errors['occurredAt']}
      />
      <TextAreaField label={t('recovery.triggers.situation')} rows={2} maxLength={1000} {...text('situation')} />
      <TextField label={t('recovery.triggers.people')} maxLength={200} autoComplete="off" {...text('people')} />
      <TextField label={t('recovery.triggers.place')} maxLength={200} autoComplete="off" {...text('place')} />
      <TextField label={t('recovery.triggers.feeling')} maxLength={200} autoComplete="off" {...text('feeling')} />
      <ChoiceRow
        name="aboutRelationship"
        legend={t('recovery.triggers.aboutRelationship')}
        options={[
          { value: true, label: t('recovery.triggers.yes') },
          { value: false, label: t('recovery.triggers.no') },
        ]}
        value={values.aboutRelationship}
        onChange={(value) => setValues({ ...values, aboutRelationship: value })}
        error={errors['aboutRelationship']}
      />
      <ChoiceRow
        name="intensity"
        legend={t('recovery.triggers.intensity')}
        hint={t('recovery.checkin.cravingHint')}
        compact
        options={Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) }))}
        value={values.intensity}
        onChange={(value) => setValues({ ...values, intensity: value })}
        error={errors['intensity']}
      />
      <TextAreaField label={t('recovery.triggers.whatIDid')} rows={2} maxLength={1000} {...text('whatIDid')} />
      <ChoiceRow
        name="outcome"
        legend={t('recovery.triggers.outcome')}
        options={outcomes.map((value) => ({ value, label: t(`recovery.triggers.outcomes.${value}`) }))}
        value={values.outcome}
        onChange={(value) => setValues({ ...values, outcome: value })}
        error={errors['outcome']}
      />
      {log.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(log.error)}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={log.isPending}>
          {log.isPending ? t('app.saving') : t('recovery.triggers.save')}
        </button>
        <p role="status" className="form__status">
          {saved ? t('recovery.triggers.saved') : ''}
        </p>
      </div>
    </form>
  );
}

/** My trigger log, newest first, each entry removable after a confirmation. */
export function TriggerLogList() {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const entries = useTriggerLog();
  const remove = useDeleteTriggerEntry();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (entries.isPending) {
    return <Loading />;
  }
  if (entries.isError) {
    return <LoadError error={entries.error} onRetry={() => void entries.refetch()} />;
  }
  if (entries.data.entries.length === 0) {
    return <p>{t('recovery.triggers.empty')}</p>;
  }
  return (
    <>
      <ul className="entry-list">
        {entries.data.entries.map((entry) => (
          <li key={entry.id} className="entry-list__item">
            <h3 className="entry-list__title">{entry.triggerLabel}</h3>
            <p className="muted">
              {formatDateTime(entry.occurredAt, i18n.language)} · {t('recovery.triggers.intensityValue', { value: entry.intensity })} ·{' '}
              {t(`recovery.triggers.outcomes.${entry.outcome}`)}
              {entry.aboutRelationship ? ` · ${t('recovery.triggers.aboutRelationshipShort')}` : ''}
            </p>
            {entry.situation ? <p className="prewrap">{entry.situation}</p> : null}
            {entry.feeling ? (
              <p>
                <span className="muted">{t('recovery.triggers.feeling')}:</span> {entry.feeling}
              </p>
            ) : null}
            {entry.whatIDid ? (
              <p className="prewrap">
                <span className="muted">{t('recovery.triggers.whatIDid')}:</span> {entry.whatIDid}
              </p>
            ) : null}
            {entry.can.edit ? (
              <button type="button" className="button button--ghost" onClick={() => setConfirming(entry.id)}>
                {t('recovery.triggers.delete')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} title={t('recovery.triggers.deleteTitle')}>
        <p>{t('recovery.triggers.deleteBody')}</p>
        {remove.isError ? <Notice tone="error">{problemText(remove.error)}</Notice> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => {
              if (confirming) {
                remove.mutate(confirming, { onSuccess: () => setConfirming(null) });
              }
            }}
          >
            {t('recovery.triggers.deleteConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
