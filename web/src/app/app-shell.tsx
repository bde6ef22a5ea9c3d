import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DialogActionsContext } from '../components/ui/dialog';
import { LanguageSelect } from '../components/ui/language-select';
import { onUnauthenticated } from '../lib/api-client';
import { changeLocale, currentLocale, hasStoredLocale } from '../lib/i18n';
import { useMe } from '../features/auth/api/use-me';
import { meQueryKey } from '../features/auth/api/use-me';
import { CrisisHelpButton } from '../features/safety/components/crisis-help';
import { QuickExitButton } from '../features/safety/components/quick-exit-button';
import { StrugglingButton } from '../features/setbacks/struggling-cards';
import { safeNextPath } from './next-path';
import { RemindersBadge } from '../features/reminders/components/reminder-list';

function MainNav({ variant, programId, staffOnly }: { variant: 'top' | 'bottom'; programId?: string | undefined; staffOnly: boolean }) {
  const { t } = useTranslation();
  const program = programId ? { to: `/programs/${programId}`, label: t('nav.program'), icon: '▤' } : null;
  const us = { to: '/us', label: t('nav.us'), icon: '◎' };
  // Staff with no couple space of their own get their program where "Us" would be (the couple
  // space stays reachable from More); others with a program get it as a fifth item on wide screens.
  const second = staffOnly && program ? [program] : [us];
  const extra = !staffOnly && program && variant === 'top' ? [program] : [];
  const items = [
    { to: '/me', label: t('nav.me'), icon: '○' },
    ...second,
    { to: '/sharing', label: t('nav.sharing'), icon: '◐' },
    ...extra,
    { to: '/settings', label: t('nav.more'), icon: '⋯' },
  ];
  return (
    <nav aria-label={t('nav.label')} className={`main-nav main-nav--${variant}`}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="main-nav__link">
              {variant === 'bottom' ? (
                <span className="main-nav__icon" aria-hidden="true">
                  {item.icon}
                </span>
              ) : null}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Header (name, crisis help, quick exit) on every page, navigation once logged in, and session handling. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const loggedIn = Boolean(me.data);
  const dialogActions = <QuickExitButton listenForEscape={false} />;
  const programId = me.data?.staff[0]?.programId;
  const staffOnly = Boolean(me.data && !me.data.coupleId && me.data.staff.length > 0);

  // A 401 from any call: the session ended. Forget what we had and go to log in,
  // keeping where the person was going only when it is an invite link.
  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.clear();
        queryClient.setQueryData(meQueryKey, null);
        const next = safeNextPath(window.location.pathname);
        void navigate(next ? `/login?next=${encodeURIComponent(next)}` : '/login', { state: { sessionEnded: true } });
      }),
    [navigate, queryClient],
  );

  // Follow the language saved in the profile, unless this device has its own choice.
  const profileLocale = me.data?.user.locale;
  useEffect(() => {
    if (profileLocale && !hasStoredLocale() && profileLocale !== currentLocale()) {
      void changeLocale(profileLocale, { remember: false });
    }
  }, [profileLocale]);

  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [location.pathname]);

  return (
    <DialogActionsContext.Provider value={dialogActions}>
      <div className={loggedIn ? 'shell shell--nav' : 'shell'}>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <div className={loggedIn ? 'app-header__bar app-header__bar--three-controls' : 'app-header__bar'}>
            <NavLink to="/" className="brand" aria-label={`${t('app.name')}, ${t('nav.home')}`}>
              <img src="/icon.svg" alt="" width="28" height="28" className="brand__mark" />
              <span className="brand__name">{t('app.name')}</span>
            </NavLink>
            {loggedIn ? <MainNav variant="top" programId={programId} staffOnly={staffOnly} /> : null}
            <div className="app-header__actions">
              {loggedIn ? <StrugglingButton /> : null}
              <CrisisHelpButton />
              <QuickExitButton />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="main">
          {loggedIn ? <RemindersBadge /> : null}
          <Outlet />
        </main>
        <footer className="app-footer">
          {/* Logged in, the language lives in the profile and on the More page. */}
          {loggedIn ? null : <LanguageSelect compact />}
          <p className="muted">{t('app.footer')}</p>
        </footer>
        {loggedIn ? <MainNav variant="bottom" programId={programId} staffOnly={staffOnly} /> : null}
      </div>
    </DialogActionsContext.Provider>
  );
}
