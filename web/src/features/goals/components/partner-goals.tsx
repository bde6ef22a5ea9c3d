import { useTranslation } from 'react-i18next';
import type { Goal } from '@twofold/core/recovery/goals.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { usePartnerGoals } from '../api/use-goals';

/** My partner's own goals, read-only (only they tick them off), when they share them. */
export function PartnerGoals({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t } = useTranslation();
  const goals = usePartnerGoals(partnerId);
  if (goals.isPending) {
    return <Loading />;
  }
  if (goals.isError) {
    return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  }
  if (!goals.data) {
    return <p className="muted">{t('goals.partnerNotShared', { name: partnerName })}</p>;
  }
  const list: Goal[] = goals.data.goals;
  return (
    <div>
      <h3 className="counters__subtitle">{t('goals.partnerTitle', { name: partnerName })}</h3>
      {list.length === 0 ? (
        <p>{t('goals.partnerEmpty', { name: partnerName })}</p>
      ) : (
        <ul className="plain-list">
          {list.map((goal) => (
            <li key={goal.id}>
              {goal.title}{' '}
              <span className="muted">
                ·{' '}
                {goal.completedAt
                  ? t('goals.doneBadge')
                  : t('goals.progress', { done: goal.steps.filter((step) => step.doneAt).length, total: goal.steps.length })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
