import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

export const recoveryPaths = {
  today: '/me/today',
  calendar: '/me/calendar',
  coping: '/me/coping',
  cravingNow: '/me/craving-now',
  triggers: '/me/triggers',
  journal: '/me/journal',
  goals: '/me/goals',
  insights: '/me/insights',
  week: '/me/week',
  intake: '/me/intake',
  checkUps: '/me/assessments',
  profile: '/me',
} as const;

const items = ['today', 'calendar', 'week', 'insights', 'checkUps', 'coping', 'triggers', 'journal', 'goals', 'intake', 'profile'] as const;

/**
 * The "Me" area's own navigation: a row of links under the page title (the phone's bottom bar
 * keeps its four places), with "Craving now" one tap away on every screen of the area.
 */
export function RecoveryNav() {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On a phone the row scrolls sideways: bring the current page's link into view.
  useEffect(() => {
    const active = list.current?.querySelector<HTMLElement>('.active');
    if (list.current && active) {
      list.current.scrollLeft = Math.max(0, active.offsetLeft - list.current.offsetLeft - 16);
    }
  }, [pathname]);
  return (
    <div className="recovery-nav">
      <NavLink to={recoveryPaths.cravingNow} className="button button--craving recovery-nav__craving">
        {t('recovery.nav.cravingNow')}
      </NavLink>
      <nav aria-label={t('recovery.nav.label')}>
        <ul className="recovery-nav__list" ref={list}>
          {items.map((item) => (
            <li key={item}>
              <NavLink to={recoveryPaths[item]} end className="recovery-nav__link">
                {t(`recovery.nav.${item}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
