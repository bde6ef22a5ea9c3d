import { IntakeQuestionnaires } from './intake-questionnaires';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  intakeInputSchema,
  reflectionInputSchema,
  relationshipPatterns,
  type Intake,
  type Reflection,
  type RelationshipPattern,
} from '@twofold/core/recovery/intake.schemas';
import { substances, type Substance } from '@twofold/core/recovery/substances';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useIntake, useReflection, useSaveIntake, useSaveReflection } from '../api/use-recovery';
import { ChipGroup, ChoiceRow } from './choice-row';

const intakeFields = ['inRecovery', 'substances', 'otherSubstance', 'recoveryStartDate', 'supportNote'];

function IntakeEditor({ intake, today, onSaved }: { intake: Intake; today: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const save = useSaveIntake();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({
    inRecovery: intake.updatedAt ? intake.inRecovery : (null as boolean | null),
    substances: intake.substances,
    otherSubstance: intake.otherSubstance,
    recoveryStartDate: intake.recoveryStartDate ?? '',
    supportNote: intake.supportNote,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      ...values,
      substances: values.inRecovery ? values.substances : [],
      otherSubstance: values.inRecovery && values.substances.includes('other') ? values.otherSubstance : '',
      recoveryStartDate: values.inRecovery && values.recoveryStartDate !== '' ? values.recoveryStartDate : null,
    };
    const checked = validateWith(intakeInputSchema, input, {
      inRecovery: t('recovery.intake.inRecoveryRequired'),
      recoveryStartDate: t('recovery.intake.dateInvalid'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, intakeFields, checked.errors);
      if (checked.errors['inRecovery']) {
        form.current?.querySelector<HTMLElement>('[name="inRecovery"]')?.focus();
      }
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(checked.data);
      setSaved(true);
      onSaved?.();
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ChoiceRow
        name="inRecovery"
        legend={t('recovery.intake.inRecovery')}
        hint={t('recovery.intake.inRecoveryHint')}
        options={[
          { value: true, label: t('recovery.intake.inRecoveryYes') },
          { value: false, label: t('recovery.intake.inRecoveryNo') },
        ]}
        value={values.inRecovery}
        onChange={(value) => setValues({ ...values, inRecovery: value })}
        error={errors['inRecovery']}
      />
      {values.inRecovery === false ? <Notice tone="info">{t('recovery.intake.supportingNote')}</Notice> : null}
      {values.inRecovery ? (
        <>
          <ChipGroup
            name="substances"
            legend={t('recovery.intake.substances')}
            hint={t('recovery.intake.substancesHint')}
            options={substances.map((code) => ({ value: code, label: t(`recovery.substances.${code}`) }))}
            values={values.substances}
            onChange={(list: Substance[]) => setValues({ ...values, substances: list })}
            error={errors['substances']}
          />
          {values.substances.includes('other') ? (
            <TextField
              label={t('recovery.intake.otherSubstance')}
              name="otherSubstance"
              maxLength={80}
              value={values.otherSubstance}
              onChange={(event) => setValues({ ...values, otherSubstance: event.target.value })}
              error={errors['otherSubstance']}
            />
          ) : null}
          <TextField
            label={t('recovery.intake.startDate')}
            hint={t('recovery.intake.startDateHint')}
            name="recoveryStartDate"
            type="date"
            max={today}
            value={values.recoveryStartDate}
            onChange={(event) => setValues({ ...values, recoveryStartDate: event.target.value })}
            error={errors['recoveryStartDate']}
          />
        </>
      ) : null}
      <TextAreaField
        label={t('recovery.intake.supportNote')}
        hint={t('recovery.intake.supportNoteHint')}
        name="supportNote"
        rows={3}
        maxLength={2000}
        value={values.supportNote}
        onChange={(event) => setValues({ ...values, supportNote: event.target.value })}
        error={errors['supportNote']}
      />
      {save.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('app.saving') : t('recovery.intake.save')}
        </button>
        <p role="status" className="form__status">
          {saved ? t('app.saved') : ''}
        </p>
      </div>
    </form>
  );
}

/** Intake: whether I am in recovery, from what, since when, and the support I already have. */
export function IntakeForm({ today, onSaved }: { today: string; onSaved?: () => void }) {
  const intake = useIntake();
  if (intake.isPending) {
    return <Loading />;
  }
  if (intake.isError) {
    return <LoadError error={intake.error} onRetry={() => void intake.refetch()} />;
  }
  return (
    <>
      <IntakeEditor intake={intake.data} today={today} {...(onSaved ? { onSaved } : {})} />
      <IntakeQuestionnaires />
    </>
  );
}

const answers = ['not-at-all', 'sometimes', 'often', 'unsure'] as const;

function ReflectionEditor({ reflection }: { reflection: Reflection }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const save = useSaveReflection();
  const [values, setValues] = useState({ patterns: reflection.patterns, note: reflection.note });
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validateWith(reflectionInputSchema, values);
    if (!checked.ok) {
      return;
    }
    try {
      await save.mutateAsync(checked.data);
      setSaved(true);
    } catch {
      // shown below
    }
  };
  const setPattern = (pattern: RelationshipPattern, answer: (typeof answers)[number]) =>
    setValues({ ...values, patterns: { ...values.patterns, [pattern]: answer } });
  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('recovery.reflection.intro')}</p>
      {relationshipPatterns.map((pattern) => (
        <ChoiceRow
          key={pattern}
          name={`pattern-${pattern}`}
          legend={t(`recovery.reflection.patterns.${pattern}.name`)}
          hint={t(`recovery.reflection.patterns.${pattern}.about`)}
          options={answers.map((answer) => ({ value: answer, label: t(`recovery.reflection.answers.${answer}`) }))}
          value={values.patterns[pattern]}
          onChange={(answer) => setPattern(pattern, answer)}
        />
      ))}
      <TextAreaField
        label={t('recovery.reflection.note')}
        hint={t('recovery.reflection.noteHint')}
        name="note"
        rows={4}
        maxLength={4000}
        value={values.note}
        onChange={(event) => setValues({ ...values, note: event.target.value })}
      />
      {save.isError ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('app.saving') : t('recovery.reflection.save')}
        </button>
        <p role="status" className="form__status">
          {saved ? t('app.saved') : ''}
        </p>
      </div>
    </form>
  );
}

/** The private reflection on the patterns around use in our relationship, each explained without blame. */
export function ReflectionForm() {
  const reflection = useReflection();
  if (reflection.isPending) {
    return <Loading />;
  }
  if (reflection.isError) {
    return <LoadError error={reflection.error} onRetry={() => void reflection.refetch()} />;
  }
  return <ReflectionEditor reflection={reflection.data} />;
}
