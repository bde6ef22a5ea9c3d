import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCheckins } from '../api/use-recovery';
import { addDays, deviceToday } from '../dates';

/** The way into today's check-in, saying whether it is already done. */
export function TodayCheckinLink({ to }: { to: string }) {
  const { t } = useTranslation();
  const device = deviceToday();
  const checkins = useCheckins(addDays(device, -7), addDays(device, 1));
  const today = checkins.data?.today;
  const done = Boolean(today && checkins.data?.checkins.some((checkin) => checkin.date === today));
  return done ? (
    <p className="today-link">
      <span aria-hidden="true" className="today-link__tick">
        ✓
      </span>{' '}
      {t('recovery.todayLink.done')} <Link to={to}>{t('recovery.todayLink.change')}</Link>
    </p>
  ) : (
    <Link to={to} className="button button--primary button--block">
      {t('recovery.meLinks.checkIn')}
    </Link>
  );
}
