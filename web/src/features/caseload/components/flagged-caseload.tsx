import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseloadSort } from '@twofold/core/caseload/caseload.schemas';
import '../caseload.css';
import { LoadError, Loading } from '../../../components/ui/loading';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useFlaggedCaseload } from '../api/use-caseload';
import { FlagItem } from './flag-item';

function activityText(value: string, locale: string): string {
  return value.length === 10 ? formatDay(value, locale, { dateStyle: 'medium' }) : formatDateTime(value, locale);
}

/** The clinician's couples with their flags, sortable; each flag explains itself and can be acknowledged. */
export function FlaggedCaseload({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<CaseloadSort>('severity');
  const caseload = useFlaggedCaseload(programId, sort);
  return (
    <div className="stack">
      <p className="muted">{t('caseload.intro')}</p>
      <label className="caseload-sort">
        {t('caseload.sortLabel')}{' '}
        <select className="input" value={sort} onChange={(event) => setSort(event.target.value as CaseloadSort)}>
          {(['severity', 'name', 'activity'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`caseload.sort.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {caseload.isPending ? (
        <Loading />
      ) : caseload.isError ? (
        <LoadError error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : caseload.data.couples.length === 0 ? (
        <p className="empty">{t('caseload.empty')}</p>
      ) : (
        <ul className="plain-list flagged-caseload">
          {caseload.data.couples.map((couple) => {
            const names = couple.partners.map((partner) => partner.displayName).join(' & ');
            const nameOf = (personId: string | null) =>
              personId === null ? t('caseload.theCouple') : (couple.partners.find((partner) => partner.id === personId)?.displayName ?? '');
            return (
              <li key={couple.coupleId} className="flagged-couple">
                <h3 className="flagged-couple__title">{names}</h3>
                <p className="muted">
                  {couple.lastActivity
                    ? t('caseload.lastActivity', { when: activityText(couple.lastActivity, i18n.language) })
                    : t('caseload.noActivity')}
                </p>
                {couple.flags.length === 0 ? (
                  <p>{t('caseload.noFlags')}</p>
                ) : (
                  <ul className="plain-list flag-list" aria-label={t('caseload.flagsOf', { names })}>
                    {couple.flags.map((flag) => (
                      <FlagItem
                        key={`${flag.kind}-${flag.personId ?? 'couple'}-${flag.facts.kind === 'worsening-score' ? flag.facts.instrumentId : ''}`}
                        flag={flag}
                        programId={programId}
                        coupleId={couple.coupleId}
                        whoName={nameOf(flag.personId)}
                      />
                    ))}
                  </ul>
                )}
                <Link to={`/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(couple.coupleId)}/overview`}>
                  {t('caseload.openOverview', { names })}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
