import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/ui/page';
import { formatDay } from '../../../lib/format';
import { useSharedSessionNotes } from '../api/use-session-notes';
import '../care-notes.css';

/** Joint session notes our care team shared with us, read-only. Nothing at all when there are none. */
export function SharedSessionNotes() {
  const { t, i18n } = useTranslation();
  const notes = useSharedSessionNotes();
  if (!notes.data || notes.data.length === 0) {
    return null;
  }
  return (
    <Section title={t('careNotes.shared.title')} id="session-notes">
      <p className="field__hint">{t('careNotes.shared.intro')}</p>
      <ul className="plain-list stack">
        {notes.data.map((note) => (
          <li key={note.id} className="card note">
            <h3 className="card__title">{formatDay(note.sessionDate, i18n.language, { dateStyle: 'medium' })}</h3>
            <p className="muted">{t('careNotes.shared.from', { name: note.author.displayName, program: note.programName })}</p>
            <p className="note__body">{note.body}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
