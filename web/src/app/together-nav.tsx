import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

export const togetherPaths = {
  overview: '/us',
  today: '/us/trust-discussion',
  contract: '/us/contract',
  plan: '/us/plan',
  talk: '/us/talk',
  trust: '/us/accountability',
  future: '/us/future',
} as const;

const items = ['overview', 'today', 'talk', 'contract', 'plan', 'trust', 'future'] as const;

/** The "Us" area's own navigation: a row of links under the page title that scrolls sideways on a phone. */
export function TogetherNav() {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const active = list.current?.querySelector<HTMLElement>('.active');
    if (list.current && active) {
      list.current.scrollLeft = Math.max(0, active.offsetLeft - list.current.offsetLeft - 16);
    }
  }, [pathname]);
  return (
    <nav aria-label={t('together.nav.label')} className="recovery-nav">
      <ul className="recovery-nav__list" ref={list}>
        {items.map((item) => (
          <li key={item}>
            <NavLink to={togetherPaths[item]} end className="recovery-nav__link">
              {t(`together.nav.${item}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
