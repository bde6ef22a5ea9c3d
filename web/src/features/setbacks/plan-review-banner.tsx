import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { usePlan } from './plan-api';
import { planPath } from './plan-link';
import { formatLocalDate } from './plan-view';

/**
 * The in-app plan-review reminder for the "us" screen: shown to both partners on and after the
 * plan's review date, until a new version is under way. Only asked while joint features are open.
 */
export function PlanReviewBanner({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(enabled);
  const review = plan.data?.review;
  if (!enabled || review?.state !== 'due' || review.reviewDate === null) {
    return null;
  }
  return (
    <Notice tone="warm" live="status">
      <p className="notice__title">{t('plan.review.due', { date: formatLocalDate(review.reviewDate, i18n.language) })}</p>
      <Link to={planPath}>{t('plan.review.open')}</Link>
    </Notice>
  );
}
