import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.body')} narrow>
      <Link to="/" className="button button--secondary">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}
