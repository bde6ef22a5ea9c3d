import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/ui/page';
import { LoadError, Loading } from '../../../components/ui/loading';
import { useSessionNotes } from '../api/use-session-notes';
import { daysBefore, deviceToday } from '../dates';
import { ProgressReportForm } from './progress-report';
import { SessionNotes } from './session-notes';

/** A clinician's page for one couple: the progress report download, then the session notes. */
export function CoupleCare({ programId, coupleId }: { programId: string; coupleId: string }) {
  const { t } = useTranslation();
  const notes = useSessionNotes(programId, coupleId);
  const today = deviceToday();
  if (notes.isPending) {
    return <Loading />;
  }
  if (notes.isError) {
    return <LoadError error={notes.error} onRetry={() => void notes.refetch()} />;
  }
  return (
    <div className="stack">
      <p>{notes.data.partners.map((partner) => partner.displayName).join(' & ')}</p>
      <Section title={t('careNotes.report.title')} id="progress-report">
        <ProgressReportForm
          programId={programId}
          coupleId={coupleId}
          partners={notes.data.partners}
          today={today}
          defaultFrom={daysBefore(today, 29)}
        />
      </Section>
      <Section title={t('careNotes.title')} id="session-notes">
        <SessionNotes programId={programId} coupleId={coupleId} today={today} />
      </Section>
    </div>
  );
}
