import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { goalInputSchema, type Goal } from '@twofold/core/recovery/goals.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDate } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useDeleteGoal, useGoals, useSaveGoal, useTickGoal } from '../api/use-goals';

interface StepDraft {
  title: string;
  dueDate: string;
}

/** A new goal with its steps, each with an optional due date; or, given `goal`, that goal to edit. */
export function GoalForm({ goal, onDone }: { goal?: Goal; onDone?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const save = useSaveGoal();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ title: goal?.title ?? '', why: goal?.why ?? '', dueDate: goal?.dueDate ?? '' });
  const [steps, setSteps] = useState<StepDraft[]>(
    goal && goal.steps.length > 0
      ? goal.steps.map((step) => ({ title: step.title, dueDate: step.dueDate ?? '' }))
      : [{ title: '', dueDate: '' }],
  );
  const prefix = goal ? `goal-${goal.id}-` : '';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      title: values.title,
      why: values.why,
      dueDate: values.dueDate || null,
      steps: steps.filter((step) => step.title.trim() !== '').map((step) => ({ title: step.title, dueDate: step.dueDate || null })),
    };
    const checked = validateWith(goalInputSchema, input, { 'title.too_small': t('goals.titleRequired') });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['title', 'why', 'dueDate'], checked.errors);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ id: goal?.id ?? null, input: checked.data });
      if (goal) {
        onDone?.();
        return;
      }
      setValues({ title: '', why: '', dueDate: '' });
      setSteps([{ title: '', dueDate: '' }]);
      setSaved(true);
    } catch {
      // shown below
    }
  };
  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t('goals.title')}
        name="title"
        maxLength={200}
        autoComplete="off"
        value={values.title}
        onChange={(e) => setValues({ ...values, title: e.target.value })}
        error={errors['title']}
      />
      <TextAreaField
        label={t('goals.why')}
        hint={t('goals.whyHint')}
        name="why"
        rows={2}
        maxLength={1000}
        value={values.why}
        onChange={(e) => setValues({ ...values, why: e.target.value })}
        error={errors['why']}
      />
      <TextField
        label={t('goals.dueDate')}
        name="dueDate"
        type="date"
        value={values.dueDate}
        onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
        error={errors['dueDate']}
      />
      <fieldset className="tap-question">
        <legend className="tap-question__legend">{t('goals.steps')}</legend>
        {steps.map((step, index) => (
          <div key={index} className="goal-step-draft">
            <TextField
              label={t('goals.stepTitle', { number: index + 1 })}
              name={`${prefix}step-${index}`}
              maxLength={200}
              autoComplete="off"
              value={step.title}
              onChange={(e) => setSteps(steps.map((item, i) => (i === index ? { ...item, title: e.target.value } : item)))}
            />
            <TextField
              label={t('goals.stepDue', { number: index + 1 })}
              name={`${prefix}step-${index}-due`}
              type="date"
              value={step.dueDate}
              onChange={(e) => setSteps(steps.map((item, i) => (i === index ? { ...item, dueDate: e.target.value } : item)))}
            />
          </div>
        ))}
        {steps.length < 20 ? (
          <button type="button" className="button button--secondary" onClick={() => setSteps([...steps, { title: '', dueDate: '' }])}>
            {t('goals.addStep')}
          </button>
        ) : null}
      </fieldset>
      {errors['steps'] ? <p className="field__error">{errors['steps']}</p> : null}
      {save.isError ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('app.saving') : goal ? t('goals.saveChanges') : t('goals.save')}
        </button>
        {goal && onDone ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('app.cancel')}
          </button>
        ) : null}
        <p role="status" className="form__status">
          {saved ? t('goals.saved') : ''}
        </p>
      </div>
    </form>
  );
}

function GoalItem({ goal, onDelete }: { goal: Goal; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const tick = useTickGoal();
  const [editing, setEditing] = useState(false);
  const done = goal.completedAt !== null;
  if (editing) {
    return (
      <li className="goal">
        <GoalForm goal={goal} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const stepsDone = goal.steps.filter((step) => step.doneAt !== null).length;
  return (
    <li className={done ? 'goal goal--done' : 'goal'}>
      <h3 className="goal__title">
        {goal.title}
        {done ? <span className="badge badge--accepted">{t('goals.doneBadge')}</span> : null}
      </h3>
      <p className="muted">
        {goal.dueDate ? t('goals.due', { date: formatDate(`${goal.dueDate}T12:00:00Z`, i18n.language) }) : t('goals.noDue')}
        {goal.steps.length > 0 ? ` · ${t('goals.progress', { done: stepsDone, total: goal.steps.length })}` : ''}
      </p>
      {goal.why ? <p className="prewrap">{goal.why}</p> : null}
      {goal.steps.length > 0 ? (
        <ul className="goal__steps">
          {goal.steps.map((step) => (
            <li key={step.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={step.doneAt !== null}
                  disabled={!goal.can.edit || tick.isPending}
                  onChange={() => tick.mutate({ goalId: goal.id, stepId: step.id, done: step.doneAt === null })}
                />
                <span>
                  {step.title}
                  {step.dueDate ? <span className="muted"> · {formatDate(`${step.dueDate}T12:00:00Z`, i18n.language)}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {goal.can.edit ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={tick.isPending}
            onClick={() => tick.mutate({ goalId: goal.id, done: !done })}
          >
            {done ? t('goals.markNotDone') : t('goals.markDone')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEditing(true)}
            aria-label={t('goals.editNamed', { title: goal.title })}
          >
            {t('goals.edit')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={onDelete}
            aria-label={t('goals.deleteNamed', { title: goal.title })}
          >
            {t('goals.delete')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** My goals, open ones first. */
export function GoalList() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const goals = useGoals();
  const remove = useDeleteGoal();
  const [confirming, setConfirming] = useState<Goal | null>(null);
  if (goals.isPending) {
    return <Loading />;
  }
  if (goals.isError) {
    return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  }
  if (goals.data.goals.length === 0) {
    return <p>{t('goals.empty')}</p>;
  }
  const sorted = [...goals.data.goals].sort((a, b) => Number(a.completedAt !== null) - Number(b.completedAt !== null));
  return (
    <>
      <ul className="goal-list">
        {sorted.map((goal) => (
          <GoalItem key={goal.id} goal={goal} onDelete={() => setConfirming(goal)} />
        ))}
      </ul>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} title={t('goals.deleteTitle')}>
        <p>{t('goals.deleteBody', { title: confirming?.title ?? '' })}</p>
        {remove.isError ? <Notice tone="error">{problemText(remove.error)}</Notice> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => confirming && remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          >
            {t('goals.deleteConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
