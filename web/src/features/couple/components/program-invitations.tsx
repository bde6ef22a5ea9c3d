import { useTranslation } from 'react-i18next';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useProgramEnrollment } from '../api/use-couple';

/** Programs the couple was invited to; each partner joins (or leaves) for themselves. */
export function ProgramInvitations({ programs }: { programs: Couple['programs'] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const enrollment = useProgramEnrollment();
  return (
    <div className="stack">
      {enrollment.isError ? <Notice tone="error">{problemText(enrollment.error)}</Notice> : null}
      <ul className="plain-list stack">
        {programs.map((program) => (
          <li key={program.id} className="program-item">
            {program.myEnrollment === 'invited' ? (
              <>
                <p>{t('couple.programInvited', { program: program.name })}</p>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={enrollment.isPending}
                  onClick={() => enrollment.mutate({ programId: program.id, join: true })}
                >
                  {t('couple.acceptProgram', { program: program.name })}
                </button>
              </>
            ) : (
              <>
                <p>{t('couple.programAccepted', { program: program.name })}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={enrollment.isPending}
                  onClick={() => enrollment.mutate({ programId: program.id, join: false })}
                >
                  {t('couple.leaveProgram', { program: program.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
