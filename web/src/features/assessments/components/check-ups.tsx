import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '@twofold/core/assessments/assessment.schemas';
import type { InstrumentId } from '@twofold/core/assessments/instruments';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useSetSchedule, type Schedule, type ServedInstrument } from '../api/use-assessments';
import { formatDay } from '../dates';
import { useBandLabel } from './result-view';
import '../assessments.css';

export const checkUpFamilies = ['mood-anxiety', 'substance-use', 'attachment', 'relationship'] as const;
const everyDaysChoices = [7, 14, 30, 90] as const;

export const checkUpPath = (id: InstrumentId) => `/me/assessments/${id}`;
export const resultsPath = (id: InstrumentId) => `/me/assessments/${id}/results`;

/** The questionnaires due now, from my own schedules only. */
export function DueNow({ instruments, schedules }: { instruments: ServedInstrument[]; schedules: Schedule[] }) {
  const { t } = useTranslation();
  const due = schedules.filter((schedule) => schedule.isDue && instruments.some((instrument) => instrument.id === schedule.instrumentId));
  if (due.length === 0) {
    return <p className="empty">{t('assessments.list.nothingDue')}</p>;
  }
  return (
    <ul className="plain-list due-list">
      {due.map((schedule) => {
        const instrument = instruments.find((candidate) => candidate.id === schedule.instrumentId);
        return instrument ? (
          <li key={schedule.instrumentId}>
            <Link to={checkUpPath(instrument.id)} className="button button--primary button--block">
              {t('assessments.list.start', { name: instrument.shortName })}
            </Link>
          </li>
        ) : null;
      })}
    </ul>
  );
}

function ScheduleEditor({ instrument, schedule }: { instrument: ServedInstrument; schedule: Schedule | undefined }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const save = useSetSchedule();
  const current = schedule ? String(schedule.everyDays) : 'none';
  const [choice, setChoice] = useState(current);
  const [saved, setSaved] = useState(false);
  const selectId = `schedule-${instrument.id}`;
  const options = new Set<string>(['none', ...everyDaysChoices.map(String), current]);
  return (
    <details className="schedule-editor" open={save.isPending || save.isError || saved || undefined}>
      <summary>{t('assessments.schedule.change', { name: instrument.shortName })}</summary>
      <form
        className="schedule-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(
            { instrumentId: instrument.id, everyDays: choice === 'none' ? null : Number(choice) },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <label htmlFor={selectId} className="field__label">
          {t('assessments.schedule.label', { name: instrument.shortName })}
        </label>
        <div className="schedule-editor__row">
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            {[...options].map((value) => (
              <option key={value} value={value}>
                {value === 'none' ? t('assessments.schedule.none') : t('assessments.schedule.every', { count: Number(value) })}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary" disabled={save.isPending || (choice === current && !save.isError)}>
            {save.isPending ? t('app.saving') : t('app.save')}
          </button>
        </div>
        {save.isError ? <Notice tone="error">{problemText(save.error)}</Notice> : null}
        {saved && !save.isPending ? <Notice tone="success">{t('app.saved')}</Notice> : null}
      </form>
    </details>
  );
}

/** One questionnaire: what it measures, when it is due, my last result, and how often I want it. */
function CheckUpCard({
  instrument,
  schedule,
  last,
}: {
  instrument: ServedInstrument;
  schedule: Schedule | undefined;
  last: Assessment | undefined;
}) {
  const { t, i18n } = useTranslation();
  const bandLabel = useBandLabel(instrument.id);
  const headingId = `check-up-${instrument.id}`;
  return (
    <li className="check-up" aria-labelledby={headingId}>
      <h3 className="check-up__title" id={headingId}>
        {t(`assessments.about.${instrument.id}.title`)}
      </h3>
      <p>{t(`assessments.about.${instrument.id}.measures`)}</p>
      <p className="check-up__meta">
        {schedule
          ? schedule.isDue
            ? t('assessments.list.dueNow')
            : t('assessments.list.nextDue', { date: formatDay(schedule.dueDate, i18n.language) })
          : t('assessments.list.notScheduled')}
        {schedule?.setBy === 'clinician' ? <span className="badge">{t('assessments.list.setByClinician')}</span> : null}
      </p>
      {last ? (
        <p className="check-up__meta">
          {t('assessments.list.last', { date: formatDay(last.date, i18n.language) })}{' '}
          {last.band ? bandLabel(last.band.id, last.band.label) : instrument.id === 'ecr-s' ? t('assessments.list.ecrDone') : ''}
        </p>
      ) : null}
      <div className="button-row">
        <Link to={checkUpPath(instrument.id)} className={schedule?.isDue ? 'button button--primary' : 'button button--secondary'}>
          {last ? t('assessments.list.again') : t('assessments.list.fillIn')}
          <span className="visually-hidden"> {instrument.shortName}</span>
        </Link>
        {last ? (
          <Link to={resultsPath(instrument.id)} className="button button--ghost">
            {t('assessments.list.results')}
            <span className="visually-hidden"> {instrument.shortName}</span>
          </Link>
        ) : null}
      </div>
      <ScheduleEditor instrument={instrument} schedule={schedule} />
    </li>
  );
}

/** Every offered questionnaire (the safety screen has its own page), grouped by family. */
export function CheckUpList({
  instruments,
  schedules,
  assessments,
}: {
  instruments: ServedInstrument[];
  schedules: Schedule[];
  /** Newest first. */
  assessments: Assessment[];
}) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {checkUpFamilies.map((family) => {
        const inFamily = instruments.filter((instrument) => instrument.family === family);
        if (inFamily.length === 0) {
          return null;
        }
        return (
          <section key={family} className="card" aria-labelledby={`family-${family}`}>
            <h2 className="card__title" id={`family-${family}`}>
              {t(`assessments.families.${family}`)}
            </h2>
            <ul className="plain-list check-up-list">
              {inFamily.map((instrument) => (
                <CheckUpCard
                  key={instrument.id}
                  instrument={instrument}
                  schedule={schedules.find((schedule) => schedule.instrumentId === instrument.id)}
                  last={assessments.find((assessment) => assessment.instrumentId === instrument.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
