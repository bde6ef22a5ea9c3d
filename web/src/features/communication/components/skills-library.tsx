import { useTranslation } from 'react-i18next';
import '../communication.css';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useRecordPractice, useSkills } from '../api/use-skills';
import { contentLocale } from '../locale';

/** The skills library: each skill's steps and a short practice prompt, with my own practice count. */
export function SkillsLibrary() {
  const { t, i18n } = useTranslation();
  const skills = useSkills(contentLocale(i18n.language));
  const practice = useRecordPractice();
  const problemText = useProblemText();
  if (skills.isPending) {
    return <Loading />;
  }
  if (skills.isError) {
    return <LoadError error={skills.error} onRetry={() => void skills.refetch()} />;
  }
  return (
    <ul className="plain-list skill-list">
      {skills.data.skills.map((skill) => (
        <li key={skill.id}>
          <details className="disclosure">
            <summary>
              <span className="skill__title">{skill.title}</span>
              <span className="skill__summary">{skill.summary}</span>
            </summary>
            <ol className="skill__steps">
              {skill.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p className="skill__prompt">
              <strong>{t('talk.skills.practice')}</strong> {skill.practicePrompt}
            </p>
            <p className="muted">
              {skill.practice.count === 0 ? t('talk.skills.notYet') : t('talk.skills.practiced', { count: skill.practice.count })}
            </p>
            <button
              type="button"
              className="button button--secondary"
              disabled={practice.isPending}
              onClick={() => practice.mutate(skill.id)}
            >
              {t('talk.skills.markDone')}
            </button>
            {practice.isError && practice.variables === skill.id ? <Notice tone="error">{problemText(practice.error)}</Notice> : null}
            <p className="muted skill__source">{skill.sources.map((source) => source.citation).join(' · ')}</p>
          </details>
        </li>
      ))}
    </ul>
  );
}
