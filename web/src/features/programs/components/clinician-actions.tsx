import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useOfferedInstruments, useReopenJointFeatures, useSetScheduleForPerson } from '../api/use-programs';

/**
 * After a positive safety screen, the person's joint features stay closed until they or their
 * clinician reopen them. Two steps, so a slip of the finger does not reopen them.
 */
export function ReopenJointFeatures({ programId, personId, personName }: { programId: string; personId: string; personName: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const reopen = useReopenJointFeatures(programId);
  const [confirming, setConfirming] = useState(false);
  if (reopen.isSuccess) {
    return <Notice tone="success">{t('programs.reopen.done', { name: personName })}</Notice>;
  }
  return (
    <div className="stack">
      {reopen.isError ? <Notice tone="error">{problemText(reopen.error)}</Notice> : null}
      {confirming ? (
        <>
          <p>{t('programs.reopen.confirmText', { name: personName })}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={reopen.isPending} onClick={() => reopen.mutate(personId)}>
              {t('programs.reopen.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('programs.reopen.cancel')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('programs.reopen.start')}
          <span className="visually-hidden"> {personName}</span>
        </button>
      )}
    </div>
  );
}

const intervals = [7, 14, 30, 90] as const;

/** A clinician sets how often a questionnaire is due for one enrolled person; the person sees "set by your clinician". */
export function ScheduleForPerson({ programId, personId, personName }: { programId: string; personId: string; personName: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const instruments = useOfferedInstruments(true);
  const save = useSetScheduleForPerson(programId);
  const [instrumentId, setInstrumentId] = useState('phq-9');
  const [everyDays, setEveryDays] = useState<number>(14);
  const id = useId();
  const offered = (instruments.data?.instruments ?? []).filter((instrument) => instrument.id !== 'hark');
  return (
    <details className="schedule-for-person">
      <summary>{t('programs.schedule.open', { name: personName })}</summary>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ personId, instrumentId, everyDays });
        }}
      >
        <label htmlFor={`${id}-instrument`}>{t('programs.schedule.instrument')}</label>
        <select id={`${id}-instrument`} value={instrumentId} onChange={(event) => setInstrumentId(event.target.value)}>
          {offered.map((instrument) => (
            <option key={instrument.id} value={instrument.id}>
              {instrument.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-every`}>{t('programs.schedule.every')}</label>
        <select id={`${id}-every`} value={everyDays} onChange={(event) => setEveryDays(Number(event.target.value))}>
          {intervals.map((days) => (
            <option key={days} value={days}>
              {t('programs.schedule.days', { count: days })}
            </option>
          ))}
        </select>
        {save.isError ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
        {save.isSuccess ? <Notice tone="success">{t('programs.schedule.saved', { name: personName })}</Notice> : null}
        <button type="submit" className="button button--primary" disabled={save.isPending || offered.length === 0}>
          {t('programs.schedule.save')}
        </button>
      </form>
    </details>
  );
}
