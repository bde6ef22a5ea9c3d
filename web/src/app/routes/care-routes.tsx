import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Page, Section } from '../../components/ui/page';
import { useMe } from '../../features/auth/api/use-me';
import { useCaseload } from '../../features/programs/api/use-programs';
import { CalendarFeedPanel, MyHomework, MySessions } from '../../features/care/components/my-care';
import { AssignHomeworkForm, CoupleHomework, CoupleSessions, ScheduleSessionForm } from '../../features/care/components/couple-care';

/** A partner's care: "from your care team" homework, my sessions on my own clock, and my calendar feed. */
export function MyCareRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) {
    return null;
  }
  return (
    <Page title={t('care.my.title')} intro={t('care.my.intro')}>
      <Section title={t('care.homework.fromCareTeam')} id="homework">
        <MyHomework />
      </Section>
      <Section title={t('care.sessions.mine')} id="sessions">
        <MySessions viewerId={me.data.user.id} />
      </Section>
      <Section title={t('care.feed.title')} id="calendar-feed">
        <CalendarFeedPanel />
      </Section>
    </Page>
  );
}

/** A clinician's page for one couple: schedule and follow sessions, assign and follow homework. */
export function CoupleCareRoute() {
  const { t } = useTranslation();
  const { programId = '', coupleId = '' } = useParams();
  const caseload = useCaseload(programId, true);
  const couple = caseload.data?.couples.find((entry) => entry.coupleId === coupleId);
  const partners = (couple?.partners ?? []).filter((partner) => partner.enrollment === 'accepted');
  const names = partners.map((partner) => partner.displayName).join(' & ');
  return (
    <Page
      title={t('care.couple.title', { names: names || t('care.couple.thisCouple') })}
      intro={t('care.couple.intro')}
      focusKey={coupleId}
    >
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>{t('care.couple.back')}</Link>
      </p>
      {caseload.isPending ? <Loading /> : null}
      {caseload.isError ? <LoadError error={caseload.error} onRetry={() => void caseload.refetch()} /> : null}
      {caseload.isSuccess && partners.length === 0 ? <p className="empty">{t('care.couple.notInCare')}</p> : null}
      {partners.length > 0 ? (
        <>
          <Section title={t('care.sessions.title')} id="sessions">
            <CoupleSessions programId={programId} coupleId={coupleId} />
          </Section>
          <Section title={t('care.sessions.scheduleTitle')} id="schedule">
            <ScheduleSessionForm programId={programId} coupleId={coupleId} partners={partners} />
          </Section>
          <Section title={t('care.homework.title')} id="homework">
            <CoupleHomework programId={programId} coupleId={coupleId} />
          </Section>
          <Section title={t('care.homework.assignTitle')} id="assign">
            <AssignHomeworkForm programId={programId} coupleId={coupleId} partners={partners} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
