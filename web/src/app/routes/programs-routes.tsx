import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { CreateProgramForm } from '../../features/programs/components/create-program-form';
import { ProgramOverview } from '../../features/programs/components/program-overview';
import { ProgramAdminView } from '../../features/programs/components/program-admin';
import { useProgram } from '../../features/programs/api/use-programs';
import { PartnerToldLapses } from '../../features/setbacks/struggling-cards';
import { FlaggedCaseload } from '../../features/caseload/components/flagged-caseload';
import { CoupleOverviewView } from '../../features/caseload/components/couple-overview';
import { CalendarFeedPanel } from '../../features/care/components/my-care';

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
      {program.data.can.administer ? (
        <p className="aside">
          <Link to={`/programs/${program.data.id}/admin`}>{t('programAdmin.link')}</Link>
        </p>
      ) : null}
      {program.data.can.viewCaseload ? (
        <Section title={t('caseload.title')} id="caseload-flags">
          <FlaggedCaseload programId={program.data.id} />
        </Section>
      ) : null}
      <ProgramOverview
        program={program.data}
        personDetails={(person) => (
          <>
            <PartnerToldLapses partnerId={person.id} partnerName={person.displayName} reader="care-team" />
            <p>
              <Link to={`/programs/${encodeURIComponent(program.data.id)}/people/${encodeURIComponent(person.id)}/insights`}>
                {t('insights.careTeam.link', { name: person.displayName })}
              </Link>
            </p>
          </>
        )}
      />
      {program.data.can.viewCaseload ? (
        <Section title={t('care.feed.clinicianTitle')} id="calendar-feed">
          <CalendarFeedPanel />
        </Section>
      ) : null}
    </Page>
  );
}

/** A couple side by side for their clinician, or one partner (`?person=`: the individual view). */
export function CoupleOverviewRoute() {
  const { t } = useTranslation();
  const { programId = '', coupleId = '' } = useParams();
  const [search] = useSearchParams();
  const personId = search.get('person') ?? undefined;
  const base = `/programs/${encodeURIComponent(programId)}`;
  return (
    <Page
      title={personId ? t('caseload.overview.individualTitle') : t('caseload.overview.title')}
      intro={t('caseload.overview.intro')}
      focusKey={`${coupleId}-${personId ?? ''}`}
    >
      <p>
        {personId ? (
          <Link to={`${base}/couples/${encodeURIComponent(coupleId)}/overview`}>{t('caseload.overview.backToCouple')}</Link>
        ) : (
          <Link to={base}>{t('caseload.overview.back')}</Link>
        )}
      </p>
      <CoupleOverviewView programId={programId} coupleId={coupleId} {...(personId ? { personId } : {})} />
    </Page>
  );
}

/** The program admin's page (staff, couples and their clinicians, counts); nothing clinical. */
export function ProgramAdminRoute() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  return (
    <Page title={program.data ? t('programAdmin.title', { program: program.data.name }) : t('programs.yourPrograms')}>
      <p className="aside">
        <Link to={`/programs/${programId}`}>{program.data?.name ?? t('programs.yourPrograms')}</Link>
      </p>
      <ProgramAdminView programId={programId} />
    </Page>
  );
}
