import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { checkinInputSchema, type Checkin, type CheckinInput } from '@twofold/core/recovery/checkin.schemas';
import { substances as allSubstances, type Substance } from '@twofold/core/recovery/substances';
import type { Trigger } from '@twofold/core/recovery/triggers.schemas';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { validateWith } from '../../../lib/validation';
import { useAddTrigger, useSaveCheckin } from '../api/use-recovery';
import { ChipGroup, ChoiceRow, MoodFace } from './choice-row';

type Conflict = 'none' | 'some' | 'high';
interface Values {
  mood: number | null;
  craving: number | null;
  used: boolean | null;
  substancesUsed: Substance[];
  sleep: number | null;
  stress: number | null;
  closeness: number | null;
  conflict: Conflict | null;
  triggerIds: string[];
  note: string;
}

const fields = ['mood', 'craving', 'used', 'substancesUsed', 'sleep', 'stress', 'closeness', 'conflict', 'triggerIds', 'note'] as const;
const scale = [1, 2, 3, 4, 5] as const;
const noteMax = 1000;
/** From this craving up, the form offers the "craving now" steps right away. */
export const highCraving = 7;

function valuesFrom(checkin: Checkin | null): Values {
  if (!checkin) {
    return {
      mood: null,
      craving: null,
      used: null,
      substancesUsed: [],
      sleep: null,
      stress: null,
      closeness: null,
      conflict: null,
      triggerIds: [],
      note: '',
    };
  }
  return {
    mood: checkin.mood,
    craving: checkin.craving,
    used: checkin.used,
    substancesUsed: checkin.substancesUsed,
    sleep: checkin.sleep,
    stress: checkin.stress,
    closeness: checkin.closeness,
    conflict: checkin.conflict,
    triggerIds: checkin.triggerIds,
    note: checkin.note,
  };
}

/**
 * The daily check-in, made for a phone and about 30 seconds: one tap per question, nothing typed
 * unless the person wants to add a note. It validates with the same schema as the server, and a
 * problem the server points at (`/craving`) lands on that question.
 */
export function CheckinForm({
  date,
  checkin,
  mySubstances,
  triggers,
  cravingNowPath,
  onSaved,
  isPast = false,
}: {
  date: string;
  /** Filling in a missed day: the questions speak of "that day". */
  isPast?: boolean;
  checkin: Checkin | null;
  /** From my intake; when empty, every substance is offered. */
  mySubstances: Substance[];
  triggers: Trigger[];
  cravingNowPath: string;
  onSaved: (saved: Checkin) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const save = useSaveCheckin();
  const form = useRef<HTMLFormElement>(null);
  const legend = (question: 'craving' | 'used' | 'sleep' | 'stress' | 'closeness' | 'conflict' | 'triggers') =>
    t(isPast ? `recovery.checkin.past.${question}` : `recovery.checkin.${question}`);
  const queryClient = useQueryClient();
  // Unsaved answers survive a detour to "craving now": kept in memory only (the query cache),
  // never in browser storage, and dropped once saved or when the app is closed.
  const draftKey = ['recovery', 'checkin-draft', date];
  const [values, setValues] = useState<Values>(() => queryClient.getQueryData<Values>(draftKey) ?? valuesFrom(checkin));
  useEffect(() => {
    queryClient.setQueryData(draftKey, values);
  }, [queryClient, date, values]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const focusFirst = (found: Record<string, string>) => {
    const first = fields.find((field) => found[field] !== undefined);
    const element = first ? form.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
    element?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const required = t('recovery.checkin.required');
    const checked = validateWith(checkinInputSchema, values, {
      mood: required,
      craving: required,
      used: required,
      sleep: required,
      stress: required,
      closeness: required,
      conflict: required,
      substancesUsed: t('recovery.checkin.chooseSubstance'),
      'note.too_big': t('validation.tooLong', { max: noteMax }),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({ date, input: checked.data as CheckinInput });
      queryClient.removeQueries({ queryKey: draftKey });
      onSaved(saved);
    } catch (error) {
      if (!isApiProblem(error)) {
        setFormError(problemText(error));
        return;
      }
      const found = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)]));
      const onFields = Object.fromEntries(Object.entries(found).filter(([field]) => (fields as readonly string[]).includes(field)));
      if (error.code === 'conflict') {
        setFormError(t('recovery.checkin.tooLate'));
      } else if (Object.keys(onFields).length === 0) {
        setFormError(found['date'] ?? problemText(error));
      }
      setErrors(onFields);
      focusFirst(onFields);
    }
  };

  const substanceChoices = (mySubstances.length > 0 ? mySubstances : allSubstances).map((code) => ({
    value: code,
    label: t(`recovery.substances.${code}`),
  }));
  const scaleOptions = (question: 'sleep' | 'stress' | 'closeness') =>
    scale.map((value) => ({ value, label: t(`recovery.checkin.${question}Levels.${value}`) }));

  return (
    <form ref={form} className="form checkin-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ChoiceRow
        name="mood"
        legend={t('recovery.checkin.mood')}
        options={scale.map((value) => ({ value, label: t(`recovery.checkin.moodLevels.${value}`), visual: <MoodFace level={value} /> }))}
        value={values.mood}
        onChange={(value) => set('mood', value)}
        error={errors['mood']}
      />
      <ChoiceRow
        name="craving"
        legend={legend('craving')}
        hint={t('recovery.checkin.cravingHint')}
        compact
        options={Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) }))}
        value={values.craving}
        onChange={(value) => set('craving', value)}
        error={errors['craving']}
      />
      {values.craving !== null && values.craving >= highCraving ? (
        <Notice tone="warm">
          <p>{t('recovery.checkin.highCraving')}</p>
          <Link to={cravingNowPath} className="button button--secondary">
            {t('recovery.cravingNow.start')}
          </Link>
        </Notice>
      ) : null}
      <ChoiceRow
        name="used"
        legend={legend('used')}
        hint={t('recovery.checkin.usedHint')}
        options={[
          { value: false, label: t('recovery.checkin.usedNo') },
          { value: true, label: t('recovery.checkin.usedYes') },
        ]}
        value={values.used}
        onChange={(value) => {
          setValues((current) => ({ ...current, used: value, substancesUsed: value ? current.substancesUsed : [] }));
          setErrors(({ used: _u, substancesUsed: _s, ...rest }) => rest);
        }}
        error={errors['used']}
      />
      {values.used ? (
        <>
          <ChipGroup
            name="substancesUsed"
            legend={t('recovery.checkin.whatUsed')}
            options={substanceChoices}
            values={values.substancesUsed}
            onChange={(list) => set('substancesUsed', list)}
            error={errors['substancesUsed']}
          />
          <p className="muted">{t('recovery.checkin.usedWarmth')}</p>
        </>
      ) : null}
      <ChoiceRow
        name="sleep"
        legend={legend('sleep')}
        options={scaleOptions('sleep')}
        value={values.sleep}
        onChange={(value) => set('sleep', value)}
        error={errors['sleep']}
      />
      <ChoiceRow
        name="stress"
        legend={legend('stress')}
        options={scaleOptions('stress')}
        value={values.stress}
        onChange={(value) => set('stress', value)}
        error={errors['stress']}
      />
      <ChoiceRow
        name="closeness"
        legend={legend('closeness')}
        options={scaleOptions('closeness')}
        value={values.closeness}
        onChange={(value) => set('closeness', value)}
        error={errors['closeness']}
      />
      <ChoiceRow
        name="conflict"
        legend={legend('conflict')}
        options={(['none', 'some', 'high'] as const).map((value) => ({ value, label: t(`recovery.checkin.conflictLevels.${value}`) }))}
        value={values.conflict}
        onChange={(value) => set('conflict', value)}
        error={errors['conflict']}
      />
      {triggers.length > 0 ? (
        <ChipGroup
          name="triggerIds"
          legend={legend('triggers')}
          hint={t('recovery.checkin.triggersHint')}
          options={triggers.map((trigger) => ({ value: trigger.id, label: trigger.label }))}
          values={values.triggerIds}
          onChange={(list) => set('triggerIds', list)}
          error={errors['triggerIds']}
        />
      ) : null}
      <AddTrigger onAdded={(id) => set('triggerIds', [...values.triggerIds, id])} />
      <details className="checkin-note" open={values.note !== '' || errors['note'] !== undefined}>
        <summary>{t('recovery.checkin.addNote')}</summary>
        <div className={errors['note'] ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor="checkin-note">
            {t('recovery.checkin.note')}
          </label>
          <p className="field__hint" id="checkin-note-hint">
            {t('recovery.checkin.noteHint')}
          </p>
          <textarea
            id="checkin-note"
            name="note"
            className="input input--area"
            rows={3}
            maxLength={noteMax}
            value={values.note}
            aria-invalid={errors['note'] ? true : undefined}
            aria-describedby={errors['note'] ? 'checkin-note-hint checkin-note-error' : 'checkin-note-hint'}
            onChange={(event) => set('note', event.target.value)}
          />
          {errors['note'] ? (
            <p className="field__error" id="checkin-note-error">
              {errors['note']}
            </p>
          ) : null}
        </div>
      </details>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      {Object.keys(errors).length > 0 ? (
        <p className="field__error" role="alert">
          {t('recovery.checkin.someMissing')}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--block checkin-form__save" disabled={save.isPending}>
        {save.isPending ? t('app.saving') : checkin ? t('recovery.checkin.update') : t('recovery.checkin.save')}
      </button>
    </form>
  );
}

/** A trigger that is not on my list yet: added to the list and ticked for today. */
function AddTrigger({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const add = useAddTrigger();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const input = useRef<HTMLInputElement>(null);
  if (!open) {
    return (
      <button
        type="button"
        className="button button--ghost checkin-form__add-trigger"
        onClick={() => {
          setOpen(true);
          window.setTimeout(() => input.current?.focus(), 0);
        }}
      >
        {t('recovery.checkin.addTrigger')}
      </button>
    );
  }
  const submit = async () => {
    const trimmed = label.trim();
    if (trimmed === '') {
      return;
    }
    try {
      const created = await add.mutateAsync(trimmed);
      onAdded(created.id);
      setLabel('');
      setOpen(false);
    } catch {
      // shown below
    }
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor="new-trigger">
        {t('recovery.checkin.newTrigger')}
      </label>
      <div className="button-row">
        <input
          ref={input}
          id="new-trigger"
          className="input checkin-form__trigger-input"
          maxLength={60}
          autoComplete="off"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the trigger here; it must not send the whole check-in.
            if (event.key === 'Enter') {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <button type="button" className="button button--secondary" disabled={add.isPending} onClick={() => void submit()}>
          {t('recovery.checkin.addTriggerButton')}
        </button>
      </div>
      {add.isError ? <p className="field__error">{problemText(add.error)}</p> : null}
    </div>
  );
}
