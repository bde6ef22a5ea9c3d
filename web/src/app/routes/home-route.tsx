import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { LoadError, Loading } from '../../components/ui/loading';
import { useMe } from '../../features/auth/api/use-me';

/** "/": a welcome when logged out; otherwise the place that fits the person. */
export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return <Loading />;
  }
  if (me.isError) {
    return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data) {
    const firstProgram = me.data.staff[0];
    // Staff without a couple space of their own start in their program.
    if (!me.data.coupleId && firstProgram) {
      return <Navigate to={`/programs/${firstProgram.programId}`} replace />;
    }
    return <Navigate to="/us" replace />;
  }
  return (
    <Page title={t('home.welcomeTitle')} intro={t('home.welcomeIntro')} narrow>
      <ul className="bullets welcome-points">
        <li>{t('home.points.own')}</li>
        <li>{t('home.points.support')}</li>
        <li>{t('home.points.leave')}</li>
      </ul>
      <div className="button-column">
        <Link to="/signup" className="button button--primary button--block">
          {t('home.getStarted')}
        </Link>
        <Link to="/login" className="button button--secondary button--block">
          {t('auth.logIn')}
        </Link>
      </div>
    </Page>
  );
}
