import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lapseReflectionInputSchema, type Lapse } from '@twofold/core/setbacks/lapse.schemas';
import { TextAreaField } from '../../components/ui/field';
import { Notice } from '../../components/ui/notice';
import { useProblemText } from '../../lib/use-problem-text';
import { validateWith } from '../../lib/validation';
import { useLapseReflection, useMyLapses } from './lapse-api';
import { planProposalLink } from './plan-link';
import './lapse.css';

export const lapsePaths = {
  new: '/me/lapse',
  steps: (id: string) => `/me/lapse/${id}`,
  reflect: (id: string) => `/me/lapse/${id}/reflect`,
  struggling: '/me/struggling',
};

/**
 * The next-day prompt: from a day after a lapse report until I reflect (or two weeks pass), a
 * gentle invitation on my own screens. Only mine: nobody else is ever asked or told.
 */
export function ReflectionPrompt() {
  const { t } = useTranslation();
  const lapses = useMyLapses();
  const due = lapses.data?.lapses.find((lapse) => lapse.reflectionDue);
  if (!due) {
    return null;
  }
  return (
    <Notice tone="warm" live="status">
      <p className="notice__title">{t('setbacks.reflection.promptTitle')}</p>
      <p>{t('setbacks.reflection.promptText')}</p>
      <Link to={lapsePaths.reflect(due.id)} className="button button--secondary">
        {t('setbacks.reflection.promptAction')}
      </Link>
    </Notice>
  );
}

/** What I learned and what I would change in our plan; then, if I want, propose that change. */
export function ReflectionForm({ lapse }: { lapse: Lapse }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const reflect = useLapseReflection(lapse.id);
  const [values, setValues] = useState({ learned: lapse.reflection?.learned ?? '', change: lapse.reflection?.change ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saved = reflect.data?.reflection ?? null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(lapseReflectionInputSchema, values, { learned: t('setbacks.reflection.learnedRequired') });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      await reflect.mutateAsync(checked.data);
    } catch {
      // shown below
    }
  };

  if (saved) {
    const proposal = saved.change.trim();
    return (
      <div className="stack">
        <Notice tone="success" focusOnMount>
          <p>{t('setbacks.reflection.saved')}</p>
        </Notice>
        {proposal !== '' ? (
          <div className="stack">
            <p>{t('setbacks.reflection.proposeExplain')}</p>
            <blockquote>{proposal}</blockquote>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const link = planProposalLink(proposal);
                void navigate(link.to, { state: link.state });
              }}
            >
              {t('setbacks.reflection.propose')}
            </button>
          </div>
        ) : null}
        <Link to="/me">{t('setbacks.reflection.done')}</Link>
      </div>
    );
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('setbacks.reflection.intro')}</p>
      <TextAreaField
        label={t('setbacks.reflection.learned')}
        hint={t('setbacks.reflection.learnedHint')}
        name="learned"
        rows={4}
        maxLength={1000}
        value={values.learned}
        onChange={(event) => setValues({ ...values, learned: event.target.value })}
        error={errors['learned']}
      />
      <TextAreaField
        label={t('setbacks.reflection.change')}
        hint={t('setbacks.reflection.changeHint')}
        name="change"
        rows={2}
        maxLength={300}
        value={values.change}
        onChange={(event) => setValues({ ...values, change: event.target.value })}
        error={errors['change']}
      />
      <p className="muted">{t('setbacks.reflection.private')}</p>
      {reflect.isError ? <Notice tone="error">{problemText(reflect.error)}</Notice> : null}
      <button type="submit" className="button button--primary button--block" disabled={reflect.isPending}>
        {t('setbacks.reflection.save')}
      </button>
    </form>
  );
}
