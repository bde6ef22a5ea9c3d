import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lapseInputSchema, type Lapse } from '@twofold/core/setbacks/lapse.schemas';
import { substances, type Substance } from '@twofold/core/recovery/substances';
import { TextAreaField, TextField } from '../../components/ui/field';
import { Notice } from '../../components/ui/notice';
import { isApiProblem } from '../../lib/problem';
import { useProblemText } from '../../lib/use-problem-text';
import { validateWith } from '../../lib/validation';
import { useWriteLapse } from './lapse-api';
import './lapse.css';

/** Today and the time now on this phone, as the form's starting values (the server checks them in my time zone). */
function nowLocal(): { date: string; time: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

/** A group of plain checkboxes, large enough to tap. */
export function CheckList<V extends string>({
  legend,
  hint,
  options,
  values,
  onChange,
  error,
  name,
}: {
  legend: string;
  hint?: string;
  options: { value: V; label: string }[];
  values: V[];
  onChange: (values: V[]) => void;
  error?: string | undefined;
  name: string;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="setbacks-checks" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => {
        const checked = values.includes(option.value);
        return (
          <label key={option.value} className="setbacks-check">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={checked}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(checked ? values.filter((v) => v !== option.value) : [...values, option.value])}
            />
            <span className="setbacks-check__box" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
            <span>{option.label}</span>
          </label>
        );
      })}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The blame-free lapse report: what happened, when, what I used, what led to it (my own triggers,
 * the warning signs of my part of the plan), what I did afterwards, and whom I tell — nobody
 * unless I choose it. Written only about myself.
 */
export function LapseForm({
  triggers,
  warningSigns,
  partnerName,
  onSaved,
}: {
  /** My own trigger list. */
  triggers: { id: string; label: string }[];
  /** The warning signs of my part of the plan, when there is one. */
  warningSigns: string[];
  /** My partner, when there is one to tell. */
  partnerName: string | null;
  onSaved: (lapse: Lapse) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const write = useWriteLapse();
  const [when] = useState(nowLocal);
  const [values, setValues] = useState({
    date: when.date,
    time: when.time,
    substances: [] as Substance[],
    whatHappened: '',
    triggerIds: [] as string[],
    warningSigns: [] as string[],
    otherSigns: '',
    whatIDidAfter: '',
    tellPartner: false,
    tellCareTeam: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { otherSigns, ...rest } = values;
    const input = {
      ...rest,
      warningSigns: [
        ...values.warningSigns,
        ...otherSigns
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ],
      tellPartner: partnerName !== null && values.tellPartner,
    };
    const checked = validateWith(lapseInputSchema, input, {
      substances: t('setbacks.lapse.form.substancesRequired'),
      date: t('setbacks.lapse.form.dateInvalid'),
      time: t('setbacks.lapse.form.timeInvalid'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      onSaved(await write.mutateAsync(checked.data));
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(error.fieldErrors);
      }
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('setbacks.lapse.form.intro')}</p>
      <div className="setbacks-when">
        <TextField
          label={t('setbacks.lapse.form.date')}
          name="date"
          type="date"
          required
          value={values.date}
          max={when.date}
          onChange={(event) => set('date', event.target.value)}
          error={errors['date']}
        />
        <TextField
          label={t('setbacks.lapse.form.time')}
          name="time"
          type="time"
          required
          value={values.time}
          onChange={(event) => set('time', event.target.value)}
          error={errors['time']}
        />
      </div>
      <CheckList
        name="substances"
        legend={t('setbacks.lapse.form.substances')}
        options={substances.map((value) => ({ value, label: t(`recovery.substances.${value}`) }))}
        values={values.substances}
        onChange={(list) => set('substances', list)}
        error={errors['substances']}
      />
      <TextAreaField
        label={t('setbacks.lapse.form.whatHappened')}
        hint={t('setbacks.lapse.form.whatHappenedHint')}
        name="whatHappened"
        rows={4}
        maxLength={2000}
        value={values.whatHappened}
        onChange={(event) => set('whatHappened', event.target.value)}
        error={errors['whatHappened']}
      />
      {triggers.length > 0 ? (
        <CheckList
          name="triggerIds"
          legend={t('setbacks.lapse.form.triggers')}
          hint={t('setbacks.lapse.form.triggersHint')}
          options={triggers.map((trigger) => ({ value: trigger.id, label: trigger.label }))}
          values={values.triggerIds}
          onChange={(list) => set('triggerIds', list)}
          error={errors['triggerIds']}
        />
      ) : null}
      {warningSigns.length > 0 ? (
        <CheckList
          name="warningSigns"
          legend={t('setbacks.lapse.form.warningSigns')}
          hint={t('setbacks.lapse.form.warningSignsHint')}
          options={warningSigns.map((sign) => ({ value: sign, label: sign }))}
          values={values.warningSigns}
          onChange={(list) => set('warningSigns', list)}
        />
      ) : null}
      <TextAreaField
        label={warningSigns.length > 0 ? t('setbacks.lapse.form.otherSigns') : t('setbacks.lapse.form.signsOwnWords')}
        hint={t('setbacks.lapse.form.otherSignsHint')}
        name="otherSigns"
        rows={2}
        value={values.otherSigns}
        onChange={(event) => set('otherSigns', event.target.value)}
        error={errors['warningSigns']}
      />
      <TextAreaField
        label={t('setbacks.lapse.form.whatIDidAfter')}
        hint={t('setbacks.lapse.form.whatIDidAfterHint')}
        name="whatIDidAfter"
        rows={3}
        maxLength={2000}
        value={values.whatIDidAfter}
        onChange={(event) => set('whatIDidAfter', event.target.value)}
        error={errors['whatIDidAfter']}
      />
      <fieldset className="setbacks-checks">
        <legend>{t('setbacks.lapse.tell.title')}</legend>
        <p className="field__hint">{t('setbacks.lapse.tell.privateByDefault')}</p>
        {partnerName !== null ? (
          <label className="setbacks-check">
            <input type="checkbox" name="tellPartner" checked={values.tellPartner} onChange={(e) => set('tellPartner', e.target.checked)} />
            <span className="setbacks-check__box" aria-hidden="true">
              {values.tellPartner ? '✓' : ''}
            </span>
            <span>{t('setbacks.lapse.tell.partner', { name: partnerName })}</span>
          </label>
        ) : null}
        <label className="setbacks-check">
          <input
            type="checkbox"
            name="tellCareTeam"
            checked={values.tellCareTeam}
            onChange={(e) => set('tellCareTeam', e.target.checked)}
          />
          <span className="setbacks-check__box" aria-hidden="true">
            {values.tellCareTeam ? '✓' : ''}
          </span>
          <span>{t('setbacks.lapse.tell.careTeam')}</span>
        </label>
      </fieldset>
      {write.isError && !(isApiProblem(write.error) && Object.keys(write.error.fieldErrors).length > 0) ? (
        <Notice tone="error">{problemText(write.error)}</Notice>
      ) : null}
      <button type="submit" className="button button--primary button--block" disabled={write.isPending}>
        {t('setbacks.lapse.form.save')}
      </button>
    </form>
  );
}
