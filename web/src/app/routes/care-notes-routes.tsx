import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page';
import { CoupleCare } from '../../features/care-notes/components/couple-care';

/** A clinician's notes and progress report for one couple of their caseload. */
export function CoupleNotesRoute() {
  const { t } = useTranslation();
  const { programId = '', coupleId = '' } = useParams();
  return (
    <Page title={t('careNotes.pageTitle')} intro={t('careNotes.pageIntro')} focusKey={coupleId}>
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>{t('careNotes.back')}</Link>
      </p>
      <CoupleCare programId={programId} coupleId={coupleId} />
    </Page>
  );
}
