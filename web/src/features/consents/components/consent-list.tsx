import '../consents.css';
import { useTranslation } from 'react-i18next';
import type { Consent, Consents } from '@twofold/core/programs/consent.schemas';
import { Notice } from '../../../components/ui/notice';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useRevokeConsent } from '../api/use-consents';

/** The last day a consent holds: the day before it stops, in the reader's own calendar. */
function lastDay(expiresAt: string): string {
  return new Date(new Date(expiresAt).getTime() - 1).toISOString();
}

function ConsentCard({ consent, kindLabel }: { consent: Consent; kindLabel: (kind: string) => string }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const revoke = useRevokeConsent();
  const headingId = `consent-${consent.id}`;
  return (
    <li className="card consent-card" aria-labelledby={headingId}>
      <div className="consent-card__head">
        <h3 className="card__title" id={headingId}>
          {kindLabel(consent.kind)}
        </h3>
        <span className={`badge badge--consent-${consent.status}`}>{t(`consents.status.${consent.status}`)}</span>
      </div>
      <dl className="consent-card__terms">
        <div>
          <dt>{t('consents.program')}</dt>
          <dd>{consent.program.name}</dd>
        </div>
        <div>
          <dt>{t('consents.purpose')}</dt>
          <dd>
            {t(`consents.purposes.${consent.purpose}`)}
            {consent.purposeNote ? <span className="consent-card__note"> — “{consent.purposeNote}”</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('consents.given')}</dt>
          <dd>
            <time dateTime={consent.grantedAt}>{formatDate(consent.grantedAt, i18n.language)}</time>
          </dd>
        </div>
        <div>
          <dt>{consent.endedAt ? t('consents.ended') : t('consents.until')}</dt>
          <dd>
            {consent.endedAt ? (
              <time dateTime={consent.endedAt}>{formatDate(consent.endedAt, i18n.language)}</time>
            ) : (
              <time dateTime={consent.expiresAt}>{formatDate(lastDay(consent.expiresAt), i18n.language)}</time>
            )}
          </dd>
        </div>
      </dl>
      <h4 className="consent-card__subtitle">{t('consents.accessesTitle')}</h4>
      {consent.accesses.length === 0 ? (
        <p className="muted">{t('consents.noAccesses')}</p>
      ) : (
        <ol className="plain-list access-log">
          {consent.accesses.map((access) => (
            <li key={`${access.at}-${access.viewer.id}-${access.kind}`} className="access-log__item">
              {t('consents.access', { name: access.viewer.displayName, kind: kindLabel(access.kind) })}{' '}
              <time className="muted" dateTime={access.at}>
                {formatDateTime(access.at, i18n.language)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {revoke.isError ? <Notice tone="error">{problemText(revoke.error)}</Notice> : null}
      {consent.can.revoke ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(consent.id)}>
            {t('consents.revoke', { kind: kindLabel(consent.kind) })}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Every consent I gave, newest first, each with the reads made under it; then reads of single entries I told. */
export function ConsentList({ data, kindLabel }: { data: Consents; kindLabel: (kind: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack">
      {data.consents.length === 0 ? (
        <p className="empty">{t('consents.empty')}</p>
      ) : (
        <ul className="plain-list stack consent-list">
          {data.consents.map((consent) => (
            <ConsentCard key={consent.id} consent={consent} kindLabel={kindLabel} />
          ))}
        </ul>
      )}
      <section className="card card--plain" aria-labelledby="entry-disclosures">
        <h2 className="card__title" id="entry-disclosures">
          {t('consents.entriesTitle')}
        </h2>
        <p className="muted">{t('consents.entriesIntro')}</p>
        {data.entryDisclosures.length === 0 ? (
          <p className="muted">{t('consents.noAccesses')}</p>
        ) : (
          <ol className="plain-list access-log">
            {data.entryDisclosures.map((access) => (
              <li key={`${access.at}-${access.viewer.id}-${access.kind}`} className="access-log__item">
                {t('consents.access', { name: access.viewer.displayName, kind: kindLabel(access.kind) })}
                {access.program ? ` · ${access.program.name}` : ''}{' '}
                <time className="muted" dateTime={access.at}>
                  {formatDateTime(access.at, i18n.language)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
