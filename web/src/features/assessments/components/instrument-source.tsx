import { useTranslation } from 'react-i18next';
import type { ServedInstrument } from '../api/use-assessments';

/** Where a questionnaire comes from: its citation and its copyright or licence line, as the authors ask. */
export function InstrumentSource({ instrument }: { instrument: ServedInstrument }) {
  const { t } = useTranslation();
  return (
    <footer className="instrument-source">
      <p>
        <strong>{t('assessments.source.citation')}</strong> <span lang="en">{instrument.citation}</span>
      </p>
      <p>
        <strong>{t('assessments.source.copyright')}</strong> <span lang="en">{instrument.copyright}</span>
      </p>
    </footer>
  );
}
