import '../programs.css';
import { useTranslation } from 'react-i18next';
import type { ProgramAdmin } from '@twofold/core/programs/program-admin.schemas';
import { Section } from '../../../components/ui/page';
import { Notice } from '../../../components/ui/notice';
import { LoadError, Loading } from '../../../components/ui/loading';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAssignClinicians, useProgramAdmin, useUpdateClinician } from '../api/use-program-admin';

type Staff = ProgramAdmin['staff'][number];
type Couple = ProgramAdmin['couples'][number];

function Counts({ counts }: { counts: ProgramAdmin['counts'] }) {
  const { t } = useTranslation();
  return (
    <dl className="admin-counts">
      {(Object.keys(counts) as (keyof ProgramAdmin['counts'])[]).map((name) => (
        <div key={name}>
          <dt>{t(`programAdmin.counts.${name}`)}</dt>
          <dd>{counts[name]}</dd>
        </div>
      ))}
    </dl>
  );
}

function StaffList({ programId, staff }: { programId: string; staff: Staff[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const update = useUpdateClinician(programId);
  return (
    <div className="stack">
      {update.isError ? <Notice tone="error">{problemText(update.error)}</Notice> : null}
      <ul className="plain-list admin-list">
        {staff.map((member) => (
          <li key={member.userId} className="admin-item">
            <p className="admin-item__name">
              {member.displayName}
              {member.isMe ? <span className="muted"> {t('programAdmin.you')}</span> : null}
            </p>
            <p className="muted">
              {member.roles.map((role) => t(`programs.roles.${role}`)).join(' · ')}
              {member.clinicianActive !== null ? ` · ${t('programAdmin.assignedCouples', { count: member.assignedCouples })}` : ''}
              {member.clinicianActive === false ? (
                <>
                  {' '}
                  <span className="badge">{t('programAdmin.deactivated')}</span>
                </>
              ) : null}
            </p>
            <div className="button-row">
              {member.clinicianActive === true ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ userId: member.userId, active: false })}
                >
                  {t('programAdmin.deactivate', { name: member.displayName })}
                </button>
              ) : null}
              {member.clinicianActive === false ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ userId: member.userId, active: true })}
                >
                  {t('programAdmin.reactivate', { name: member.displayName })}
                </button>
              ) : null}
              {member.clinicianActive === null && member.isMe ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ userId: member.userId, active: true })}
                >
                  {t('programAdmin.becomeClinician')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">{t('programAdmin.deactivateNote')}</p>
    </div>
  );
}

function CoupleAssignment({ programId, couple, clinicians }: { programId: string; couple: Couple; clinicians: Staff[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const assign = useAssignClinicians(programId);
  const names = couple.partners.map((partner) => partner.displayName).join(' & ');
  // While a change is on its way, show the choice just made.
  const assigned = assign.isPending && assign.variables ? assign.variables.clinicianIds : couple.clinicianIds;
  // Clinicians to choose from: the active ones, and any deactivated one still assigned (to take off).
  const choices = clinicians.filter((member) => member.clinicianActive === true || assigned.includes(member.userId));
  const toggle = (clinicianId: string, on: boolean) =>
    assign.mutate({
      coupleId: couple.coupleId,
      clinicianIds: on ? [...assigned, clinicianId] : assigned.filter((id) => id !== clinicianId),
    });
  return (
    <li className="admin-item">
      <fieldset className="choice-group">
        <legend className="admin-item__name">{names}</legend>
        <p className="muted">
          {couple.partners.map((partner) => `${partner.displayName}: ${t(`programs.enrollment.${partner.enrollment}`)}`).join(' · ')}
        </p>
        {assigned.length === 0 ? <p className="badge badge--urgent">{t('programAdmin.unassigned')}</p> : null}
        {choices.length === 0 ? <p className="muted">{t('programAdmin.noClinicians')}</p> : null}
        {choices.map((member) => (
          <label key={member.userId} className="check">
            <input
              type="checkbox"
              checked={assigned.includes(member.userId)}
              disabled={assign.isPending}
              onChange={(event) => toggle(member.userId, event.target.checked)}
            />{' '}
            {t('programAdmin.caresFor', { name: member.displayName })}
          </label>
        ))}
      </fieldset>
      {assign.isError ? <Notice tone="error">{problemText(assign.error)}</Notice> : null}
    </li>
  );
}

/** The program admin's page: counts, staff (deactivate, reactivate), couples with their clinicians. Names only, nothing clinical. */
export function ProgramAdminView({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const view = useProgramAdmin(programId);
  if (view.isPending) {
    return <Loading />;
  }
  if (view.isError) {
    return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  }
  const clinicians = view.data.staff.filter((member) => member.clinicianActive !== null);
  return (
    <div className="stack">
      <Notice tone="info">{t('programAdmin.noClinicalContent')}</Notice>
      <Section title={t('programs.counts')} id="admin-counts">
        <Counts counts={view.data.counts} />
      </Section>
      <Section title={t('programs.staffTitle')} id="admin-staff">
        <StaffList programId={programId} staff={view.data.staff} />
      </Section>
      <Section title={t('programAdmin.couplesTitle')} id="admin-couples">
        {view.data.couples.length === 0 ? (
          <p className="empty">{t('programAdmin.noCouples')}</p>
        ) : (
          <ul className="plain-list admin-list">
            {view.data.couples.map((couple) => (
              <CoupleAssignment key={couple.coupleId} programId={programId} couple={couple} clinicians={clinicians} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
