import { useState, type ReactNode } from 'react';
import type { EnrollmentConsentInput } from '@twofold/core/programs/consent.schemas';
import { useTranslation } from 'react-i18next';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useProgramEnrollment } from '../api/use-couple';

type Program = Couple['programs'][number];

/** What app/ puts in place of the plain "accept" button: the consent form, sending the consent with the acceptance. */
export type ConsentFormSlot = (args: {
  program: { id: string; name: string };
  pending: boolean;
  error: unknown;
  onSubmit: (consent: EnrollmentConsentInput) => void;
}) => ReactNode;

/**
 * Programs the couple was invited to; each partner joins, declines or leaves for themselves.
 * With `consentForm`, accepting opens the consent form first (what the program may see, why,
 * until when): joining and consenting happen in one request.
 */
export function ProgramInvitations({ programs, consentForm }: { programs: Couple['programs']; consentForm?: ConsentFormSlot }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const enrollment = useProgramEnrollment();
  const [accepting, setAccepting] = useState<Program | null>(null);
  // Declining or leaving cannot be undone without a new invitation: ask once, plainly.
  const [confirming, setConfirming] = useState<Program | null>(null);
  const declining = confirming?.myEnrollment === 'invited';

  return (
    <div className="stack">
      {enrollment.isError && !confirming && !accepting ? <Notice tone="error">{problemText(enrollment.error)}</Notice> : null}
      <ul className="plain-list stack">
        {programs.map((program) => (
          <li key={program.id} className="program-item">
            <p>
              {program.myEnrollment === 'invited'
                ? t('couple.programInvited', { program: program.name })
                : t('couple.programAccepted', { program: program.name })}
            </p>
            <div className="button-row">
              {program.myEnrollment === 'invited' ? (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={enrollment.isPending}
                  aria-expanded={consentForm ? accepting?.id === program.id : undefined}
                  onClick={() => (consentForm ? setAccepting(program) : enrollment.mutate({ programId: program.id, join: true }))}
                >
                  {t('couple.acceptProgram', { program: program.name })}
                </button>
              ) : null}
              <button type="button" className="button button--secondary" aria-haspopup="dialog" onClick={() => setConfirming(program)}>
                {program.myEnrollment === 'invited' ? t('couple.declineProgram') : t('couple.leaveProgram', { program: program.name })}
              </button>
            </div>
            {consentForm && accepting?.id === program.id && program.myEnrollment === 'invited' ? (
              <div className="card card--plain stack">
                <p>{t('consents.form.acceptIntro', { program: program.name })}</p>
                {consentForm({
                  program: { id: program.id, name: program.name },
                  pending: enrollment.isPending,
                  error: enrollment.error,
                  onSubmit: (consent) =>
                    enrollment.mutate({ programId: program.id, join: true, consent }, { onSuccess: () => setAccepting(null) }),
                })}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          declining
            ? t('couple.declineProgramTitle', { program: confirming?.name ?? '' })
            : t('couple.leaveProgramTitle', { program: confirming?.name ?? '' })
        }
      >
        <p>{declining ? t('couple.declineProgramBody') : t('couple.leaveProgramBody')}</p>
        {enrollment.isError ? <Notice tone="error">{problemText(enrollment.error)}</Notice> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger"
            disabled={enrollment.isPending}
            onClick={() =>
              confirming && enrollment.mutate({ programId: confirming.id, join: false }, { onSuccess: () => setConfirming(null) })
            }
          >
            {declining ? t('couple.confirmDeclineProgram') : t('couple.confirmLeaveProgram')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
