import { useTranslation } from 'react-i18next';
import { DialogActionsContext } from '../components/ui/dialog';
import { CrisisHelpButton } from '../features/safety/components/crisis-help';
import { QuickExitButton } from '../features/safety/components/quick-exit-button';

/**
 * When a page fails to render, the safety controls must survive it: this replaces the whole shell
 * with a minimal one that still has crisis help and quick exit.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <DialogActionsContext.Provider value={<QuickExitButton listenForEscape={false} />}>
      <div className="shell">
        <header className="app-header">
          <div className="app-header__bar">
            <a href="/" className="brand">
              <img src="/icon.svg" alt="" width="28" height="28" className="brand__mark" />
              <span className="brand__name">{t('app.name')}</span>
            </a>
            <div className="app-header__actions">
              <CrisisHelpButton />
              <QuickExitButton />
            </div>
          </div>
        </header>
        <main id="main" className="main">
          <div className="page page--narrow">
            <h1 className="page__title">{t('crash.title')}</h1>
            <p>{t('crash.body')}</p>
            <a href={window.location.pathname} className="button button--secondary">
              {t('crash.reload')}
            </a>
          </div>
        </main>
      </div>
    </DialogActionsContext.Provider>
  );
}
