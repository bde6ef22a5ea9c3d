import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';

const intakeInstruments = ['audit-c', 'dast-10'] as const;

/**
 * AUDIT-C and DAST-10 are part of the intake: links to them, only for those this Twofold offers
 * (a deployment without a licence switches one off, and then it is simply not mentioned).
 */
export function IntakeQuestionnaires() {
  const { t } = useTranslation();
  const offered = useQuery({
    queryKey: ['assessments', 'instruments'],
    queryFn: () => api.get<{ instruments: { id: string; shortName: string }[] }>('/api/assessments/instruments'),
    staleTime: Infinity,
  });
  const links = (offered.data?.instruments ?? []).filter((instrument) => (intakeInstruments as readonly string[]).includes(instrument.id));
  if (links.length === 0) {
    return null;
  }
  return (
    <div className="intake-questionnaires">
      <p>
        <strong>{t('recovery.intake.questionnairesTitle')}</strong>
      </p>
      <p className="muted">{t('recovery.intake.questionnairesIntro')}</p>
      <ul className="bullets">
        {links.map((instrument) => (
          <li key={instrument.id}>
            <Link to={`/me/assessments/${instrument.id}`}>{t(`recovery.intake.questionnaire.${instrument.id}`)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
