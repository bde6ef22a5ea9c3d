import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page } from '../../components/ui/page';
import { CreateProgramForm } from '../../features/programs/components/create-program-form';
import { ProgramOverview } from '../../features/programs/components/program-overview';
import { useProgram } from '../../features/programs/api/use-programs';
import { PartnerToldLapses } from '../../features/setbacks/struggling-cards';

export function NewProgramRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Page title={t('programs.newTitle')} intro={t('programs.newIntro')} narrow>
      <CreateProgramForm onCreated={(program) => void navigate(`/programs/${program.id}`)} />
    </Page>
  );
}

export function ProgramRoute() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  if (program.isPending) {
    return (
      <Page title={t('programs.yourPrograms')}>
        <Loading />
      </Page>
    );
  }
  if (program.isError) {
    return (
      <Page title={t('programs.yourPrograms')}>
        <LoadError error={program.error} onRetry={() => void program.refetch()} />
      </Page>
    );
  }
  return (
    <Page title={program.data.name}>
      <ProgramOverview
        program={program.data}
        personDetails={(person) => <PartnerToldLapses partnerId={person.id} partnerName={person.displayName} reader="care-team" />}
      />
    </Page>
  );
}
