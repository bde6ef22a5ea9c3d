import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadFlag } from '@twofold/core/caseload/caseload.schemas';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/field';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAcknowledgeFlag } from '../api/use-caseload';

/** "Since …": a calendar day or an instant, in the reader's language. */
function sinceText(since: string, locale: string): string {
  return since.length === 10 ? formatDay(since, locale, { dateStyle: 'medium' }) : formatDateTime(since, locale);
}

/** One sentence with the numbers behind a flag. */
export function useFlagExplanation() {
  const { t } = useTranslation();
  return (flag: CaseloadFlag): string => {
    const facts = flag.facts;
    switch (facts.kind) {
      case 'safety-alert':
        return (
          t('caseload.explain.safety-alert', { count: facts.alerts }) + (facts.higherRisk ? ` ${t('caseload.explain.higherRisk')}` : '')
        );
      case 'lapse-told':
        return t('caseload.explain.lapse-told', { count: facts.reports, days: facts.days });
      case 'missed-checkins':
        return t('caseload.explain.missed-checkins', { count: facts.days });
      case 'rising-craving':
        return (
          t('caseload.explain.rising-craving', {
            slope: facts.slopePerDay,
            mean: facts.recentMean,
            n: facts.checkins,
            days: facts.windowDays,
          }) + (facts.previousMean === null ? '' : ` ${t('caseload.explain.cravingBefore', { mean: facts.previousMean })}`)
        );
      case 'worsening-score':
        return t('caseload.explain.worsening-score', {
          instrument: facts.instrumentId.toUpperCase(),
          from: facts.from,
          to: facts.to,
          change: facts.change,
          threshold: facts.threshold,
        });
      case 'adherence-falling':
        return t('caseload.explain.adherence-falling', {
          recent: facts.recentPercent,
          previous: facts.previousPercent,
          days: facts.windowDays,
        });
    }
  };
}

/** A flag: what, since when, the numbers; its acknowledgement, or a form to acknowledge it with a note. */
export function FlagItem({
  flag,
  programId,
  coupleId,
  whoName,
}: {
  flag: CaseloadFlag;
  programId: string;
  coupleId: string;
  whoName: string;
}) {
  const { t, i18n } = useTranslation();
  const explain = useFlagExplanation();
  const problemText = useProblemText();
  const acknowledge = useAcknowledgeFlag(programId);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const source = flag.facts.kind === 'worsening-score' ? flag.facts.source : null;
  return (
    <li className={`flag flag--${flag.severity}${flag.isDimmed ? ' flag--dimmed' : ''}`}>
      <p className="flag__title">
        <span className={`badge flag__badge flag__badge--${flag.severity}`}>{t(`caseload.severity.${flag.severity}`)}</span>{' '}
        <strong>{t(`caseload.kind.${flag.kind}`)}</strong> · {whoName}
        {flag.isDimmed ? <span className="badge">{t('caseload.acknowledgedBadge')}</span> : null}
      </p>
      <p>{explain(flag)}</p>
      <p className="muted">
        {t('caseload.since', { when: sinceText(flag.since, i18n.language) })}
        {source ? ` · ${t('caseload.source', { source })}` : null}
      </p>
      {flag.acknowledgement ? (
        <p className="flag__ack">
          {t('caseload.acknowledgedBy', {
            name: flag.acknowledgement.byName,
            when: formatDateTime(flag.acknowledgement.at, i18n.language),
          })}{' '}
          “{flag.acknowledgement.note}”{flag.isDimmed ? null : <span className="muted"> {t('caseload.newEvidence')}</span>}
        </p>
      ) : null}
      {open ? (
        <form
          className="stack flag__form"
          onSubmit={(event) => {
            event.preventDefault();
            acknowledge.mutate(
              { coupleId, personId: flag.personId, kind: flag.kind, note },
              {
                onSuccess: () => {
                  setOpen(false);
                  setNote('');
                },
              },
            );
          }}
        >
          <TextAreaField
            label={t('caseload.noteLabel')}
            hint={t('caseload.noteHint')}
            name="note"
            value={note}
            required
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
          {acknowledge.isError ? <Notice tone="error">{problemText(acknowledge.error)}</Notice> : null}
          <div className="row">
            <button type="submit" className="button button--primary" disabled={acknowledge.isPending || note.trim() === ''}>
              {t('caseload.acknowledge')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('caseload.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {flag.acknowledgement ? t('caseload.acknowledgeAgain') : t('caseload.acknowledge')}
          <span className="visually-hidden">
            {' '}
            {t(`caseload.kind.${flag.kind}`)} · {whoName}
          </span>
        </button>
      )}
    </li>
  );
}
