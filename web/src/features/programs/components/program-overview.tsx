import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite } from '@twofold/core/couples/couple.schemas';
import type { Program } from '@twofold/core/programs/program.schemas';
import { Section } from '../../../components/ui/page';
import { Notice } from '../../../components/ui/notice';
import { ShareLink } from '../../../components/ui/share-link';
import { LoadError, Loading } from '../../../components/ui/loading';
import { useProblemText } from '../../../lib/use-problem-text';
import { useCaseload, useCreateProgramInvite } from '../api/use-programs';
import { SafetyAlerts } from './safety-alerts';
import { ScheduleForPerson } from './clinician-actions';

function ProgramInvite({ programId, kind }: { programId: string; kind: 'clinician' | 'couple' }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const create = useCreateProgramInvite(programId, kind);
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  return (
    <div className="stack">
      <p>{kind === 'clinician' ? t('programs.inviteClinicianIntro') : t('programs.inviteCoupleIntro')}</p>
      {create.isError ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
      {invite ? <ShareLink url={invite.url} expiresAt={invite.expiresAt} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={create.isPending}
        onClick={() => create.mutate(undefined, { onSuccess: setInvite })}
      >
        {create.isPending ? t('programs.making') : kind === 'clinician' ? t('programs.inviteClinician') : t('programs.inviteCouple')}
      </button>
    </div>
  );
}

/** What app/ shows under each person of the caseload who accepted enrollment (e.g. lapse reports told to the care team). */
export type PersonDetails = (person: { id: string; displayName: string }) => ReactNode;

function Caseload({ programId, isClinician, personDetails }: { programId: string; isClinician: boolean; personDetails?: PersonDetails }) {
  const { t } = useTranslation();
  const caseload = useCaseload(programId, true);
  if (caseload.isPending) {
    return <Loading />;
  }
  if (caseload.isError) {
    return <LoadError error={caseload.error} onRetry={() => void caseload.refetch()} />;
  }
  if (caseload.data.couples.length === 0) {
    return <p className="empty">{t('programs.caseloadEmpty')}</p>;
  }
  return (
    <ul className="plain-list caseload">
      {caseload.data.couples.map((couple, index) => (
        <li key={couple.coupleId} className="caseload__couple">
          <h3 className="caseload__title">
            {couple.partners.map((partner) => partner.displayName).join(' & ') || t('programs.couple', { n: index + 1 })}
          </h3>
          <ul className="plain-list">
            {couple.partners.map((partner) => (
              <li key={partner.id}>
                {partner.displayName}{' '}
                <span className={`badge badge--${partner.enrollment}`}>{t(`programs.enrollment.${partner.enrollment}`)}</span>
                {isClinician && partner.enrollment === 'accepted' ? (
                  <>
                    <ScheduleForPerson programId={programId} personId={partner.id} personName={partner.displayName} />
                    {personDetails?.(partner)}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {isClinician && couple.partners.some((partner) => partner.enrollment === 'accepted') ? (
            <>
              <p>
                <Link to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(couple.coupleId)}/care`}>
                  {t('programs.sessionsAndHomework', {
                    names: couple.partners
                      .filter((partner) => partner.enrollment === 'accepted')
                      .map((partner) => partner.displayName)
                      .join(' & '),
                  })}
                </Link>
              </p>
              <p>
                <Link to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(couple.coupleId)}/notes`}>
                  {t('programs.notesAndReport', { names: couple.partners.map((partner) => partner.displayName).join(' & ') })}
                </Link>
              </p>
            </>
          ) : null}
          {isClinician && couple.partners.length === 2 && couple.partners.every((partner) => partner.enrollment === 'accepted') ? (
            <Link to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(couple.coupleId)}/together`}>
              {t('programs.jointWork', { names: couple.partners.map((partner) => partner.displayName).join(' & ') })}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What the server allows me in this program: counts and staff (admin), invites, caseload (clinician). */
export function ProgramOverview({ program, personDetails }: { program: Program; personDetails?: PersonDetails }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="muted">{t('programs.yourRole', { role: t(`programs.roles.${program.myRole}`) })}</p>
      {program.myRole === 'clinician' ? (
        <Section title={t('programs.alerts.title')} id="safety-alerts">
          <SafetyAlerts programId={program.id} />
        </Section>
      ) : null}
      {program.can.inviteCouple ? (
        <Section title={t('programs.inviteCoupleTitle')} id="invite-couple">
          <ProgramInvite programId={program.id} kind="couple" />
        </Section>
      ) : null}
      {program.can.viewCaseload ? (
        <Section title={t('programs.caseloadTitle')} id="caseload">
          <Caseload programId={program.id} isClinician={program.myRole === 'clinician'} personDetails={personDetails} />
        </Section>
      ) : null}
      <Section title={t('programs.counts')} id="counts">
        <dl className="stats">
          <div>
            <dt>{t('programs.clinicians')}</dt>
            <dd>{program.counts.clinicians}</dd>
          </div>
          <div>
            <dt>{t('programs.enrolledPartners')}</dt>
            <dd>{program.counts.enrolledPartners}</dd>
          </div>
        </dl>
      </Section>
      {program.can.inviteClinician ? (
        <Section title={t('programs.inviteClinicianTitle')} id="invite-clinician">
          <ProgramInvite programId={program.id} kind="clinician" />
        </Section>
      ) : null}
      <Section title={t('programs.staffTitle')} id="staff">
        <ul className="plain-list staff-list">
          {program.staff.map((member) => (
            <li key={`${member.userId}-${member.role}`}>
              {member.displayName} · {t(`programs.roles.${member.role}`)}
              {member.active ? null : <span className="badge">{t('programs.inactive')}</span>}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
