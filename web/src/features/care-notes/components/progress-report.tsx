import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressReportQuerySchema } from '@twofold/core/care-notes/progress-report.schemas';
import { FieldFrame, TextField } from '../../../components/ui/field';
import { validateWith } from '../../../lib/validation';
import { progressReportUrl } from '../api/use-session-notes';

/**
 * "Download progress report": a date range and whom it covers (the couple or one partner). The
 * server makes the PDF with only what each person shares with the care team.
 */
export function ProgressReportForm({
  programId,
  coupleId,
  partners,
  today,
  defaultFrom,
}: {
  programId: string;
  coupleId: string;
  partners: { id: string; displayName: string }[];
  today: string;
  defaultFrom: string;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(today);
  const [who, setWho] = useState('couple');
  const query = { from, to, ...(who === 'couple' ? {} : { partnerId: who }) };
  const check = validateWith(progressReportQuerySchema, query, {
    from: t('careNotes.report.rangeError'),
    to: t('careNotes.report.rangeError'),
  });
  const errors = check.ok ? {} : check.errors;
  return (
    <div className="stack">
      <p className="field__hint">{t('careNotes.report.intro')}</p>
      <div className="report-range">
        <TextField
          label={t('careNotes.report.from')}
          name="from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          error={errors['from']}
        />
        <TextField
          label={t('careNotes.report.to')}
          name="to"
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          error={errors['to']}
        />
      </div>
      <FieldFrame label={t('careNotes.report.who')}>
        {({ id }) => (
          <select id={id} name="who" className="input select" value={who} onChange={(event) => setWho(event.target.value)}>
            {partners.length > 1 ? <option value="couple">{t('careNotes.report.couple')}</option> : null}
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.displayName}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {check.ok ? (
        <a className="button button--primary" href={progressReportUrl(programId, coupleId, query)} download>
          {t('careNotes.report.download')}
        </a>
      ) : (
        <button type="button" className="button button--primary" disabled>
          {t('careNotes.report.download')}
        </button>
      )}
    </div>
  );
}
