import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionNoteEditInputSchema, sessionNoteInputSchema, type SessionNote } from '@twofold/core/care-notes/session-note.schemas';
import { FieldFrame, TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useCoupleSessionsForNotes, useSessionNoteAction, useSessionNotes, useSessionNoteVersions } from '../api/use-session-notes';
import '../care-notes.css';

type Partner = { id: string; displayName: string };

/** "joint" or the id of the partner an individual note is about. */
type About = 'joint' | string;

function WriteNoteForm({
  programId,
  coupleId,
  partners,
  canWriteJoint,
  today,
}: {
  programId: string;
  coupleId: string;
  partners: Partner[];
  canWriteJoint: boolean;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const action = useSessionNoteAction(programId, coupleId);
  const form = useRef<HTMLFormElement>(null);
  const [about, setAbout] = useState<About>(canWriteJoint ? 'joint' : (partners[0]?.id ?? 'joint'));
  const [sessionDate, setSessionDate] = useState(today);
  const [sessionId, setSessionId] = useState('');
  const sessions = useCoupleSessionsForNotes(programId, coupleId);
  // Sessions of the same kind as the note: joint ones, or the chosen partner's individual ones.
  const matching = (sessions.data?.sessions ?? []).filter((session) =>
    about === 'joint'
      ? session.format === 'joint'
      : session.format === 'individual' && session.participants.some((person) => person.personId === about),
  );
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const linked = sessionId === '' ? {} : { sessionId };
    const input =
      about === 'joint'
        ? { scope: 'joint', sessionDate, body, ...linked }
        : { scope: 'individual', partnerId: about, sessionDate, body, ...linked };
    const result = validateWith(sessionNoteInputSchema, input, {
      body: t('careNotes.bodyRequired'),
      sessionDate: t('careNotes.dateRequired'),
    });
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(form.current, ['sessionDate', 'body'], result.errors);
      return;
    }
    setErrors({});
    action.mutate(
      { kind: 'write', input: result.data },
      {
        onSuccess: () => {
          setBody('');
          setSessionId('');
          setSaved(true);
        },
      },
    );
  }

  return (
    <form ref={form} className="stack" onSubmit={submit} noValidate>
      <FieldFrame label={t('careNotes.about')} hint={t('careNotes.aboutHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            name="about"
            className="input select"
            aria-describedby={describedBy}
            value={about}
            onChange={(event) => {
              setAbout(event.target.value);
              setSessionId('');
            }}
          >
            {canWriteJoint ? <option value="joint">{t('careNotes.joint')}</option> : null}
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {t('careNotes.individual', { name: partner.displayName })}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {matching.length > 0 ? (
        <FieldFrame label={t('careNotes.session')} hint={t('careNotes.sessionHint')}>
          {({ id, describedBy }) => (
            <select
              id={id}
              name="sessionId"
              className="input select"
              aria-describedby={describedBy}
              value={sessionId}
              onChange={(event) => {
                setSessionId(event.target.value);
                const chosen = matching.find((session) => session.id === event.target.value);
                if (chosen) {
                  setSessionDate(chosen.local.date);
                }
              }}
            >
              <option value="">{t('careNotes.noSession')}</option>
              {matching.map((session) => (
                <option key={session.id} value={session.id}>
                  {formatDay(session.local.date, i18n.language, { dateStyle: 'medium' })} {session.local.time}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      ) : null}
      <TextField
        label={t('careNotes.sessionDate')}
        name="sessionDate"
        type="date"
        value={sessionDate}
        max={today}
        onChange={(event) => setSessionDate(event.target.value)}
        error={errors['sessionDate']}
      />
      <TextAreaField
        label={t('careNotes.body')}
        name="body"
        rows={6}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={errors['body']}
      />
      {action.isError ? <Notice tone="error">{problemText(action.error)}</Notice> : null}
      {saved ? <Notice tone="success">{t('careNotes.saved')}</Notice> : null}
      <button type="submit" className="button button--primary" disabled={action.isPending}>
        {action.isPending ? t('careNotes.saving') : t('careNotes.save')}
      </button>
    </form>
  );
}

function Versions({ programId, coupleId, noteId }: { programId: string; coupleId: string; noteId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useSessionNoteVersions(programId, coupleId, noteId, true);
  if (versions.isPending) {
    return <Loading />;
  }
  if (versions.isError) {
    return <LoadError error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  return (
    <ol className="note-versions">
      {versions.data.versions.map((version) => (
        <li key={version.version}>
          <p className="muted">
            {t('careNotes.versionBy', {
              version: version.version,
              name: version.writtenBy.displayName,
              when: formatDateTime(version.writtenAt, i18n.language),
            })}
          </p>
          <p className="note__body">{version.body}</p>
        </li>
      ))}
    </ol>
  );
}

function NoteCard({ note, programId, coupleId }: { note: SessionNote; programId: string; coupleId: string }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const action = useSessionNoteAction(programId, coupleId);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [editError, setEditError] = useState<string | undefined>();
  const [showVersions, setShowVersions] = useState(false);
  const [addendum, setAddendum] = useState('');
  const [addendumOpen, setAddendumOpen] = useState(false);
  const heading =
    note.scope === 'joint'
      ? t('careNotes.jointTitle')
      : t('careNotes.individualTitle', { name: note.about.map((person) => person.displayName).join(', ') });

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    const result = validateWith(
      sessionNoteEditInputSchema,
      { body: draft, baseVersion: note.version },
      { body: t('careNotes.bodyRequired') },
    );
    if (!result.ok) {
      setEditError(result.errors['body']);
      return;
    }
    setEditError(undefined);
    action.mutate({ kind: 'edit', noteId: note.id, ...result.data }, { onSuccess: () => setEditing(false) });
  }

  return (
    <li className="card note">
      <h3 className="card__title">
        {heading} · {formatDay(note.sessionDate, i18n.language, { dateStyle: 'medium' })}
      </h3>
      <p className="muted">
        {t('careNotes.writtenBy', { name: note.author.displayName, version: note.version })}{' '}
        {note.signedAt ? (
          <span className="badge badge--accepted">{t('careNotes.signed', { when: formatDateTime(note.signedAt, i18n.language) })}</span>
        ) : (
          <span className="badge">{t('careNotes.draft')}</span>
        )}{' '}
        {note.sharedWithCoupleAt ? <span className="badge">{t('careNotes.sharedBadge')}</span> : null}
      </p>
      {editing ? (
        <form className="stack" onSubmit={saveEdit} noValidate>
          <TextAreaField
            label={t('careNotes.body')}
            name="body"
            rows={6}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            error={editError}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={action.isPending}>
              {t('careNotes.saveVersion')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
              {t('careNotes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="note__body">{note.body}</p>
      )}
      {note.addenda.length > 0 ? (
        <ul className="plain-list note-addenda" aria-label={t('careNotes.addenda')}>
          {note.addenda.map((item) => (
            <li key={item.id}>
              <p className="muted">
                {t('careNotes.addendumBy', { name: item.author.displayName, when: formatDateTime(item.createdAt, i18n.language) })}
              </p>
              <p className="note__body">{item.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {action.isError ? <Notice tone="error">{problemText(action.error)}</Notice> : null}
      <div className="button-row">
        {note.can.edit && !editing ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(note.body);
              setEditing(true);
            }}
          >
            {t('careNotes.edit')}
          </button>
        ) : null}
        {note.can.sign ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'sign', noteId: note.id })}
          >
            {t('careNotes.sign')}
          </button>
        ) : null}
        {note.can.share ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'share', noteId: note.id, shared: note.sharedWithCoupleAt === null })}
          >
            {note.sharedWithCoupleAt === null ? t('careNotes.share') : t('careNotes.unshare')}
          </button>
        ) : null}
        {note.can.addAddendum && !addendumOpen ? (
          <button type="button" className="button button--ghost" onClick={() => setAddendumOpen(true)}>
            {t('careNotes.addAddendum')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" aria-expanded={showVersions} onClick={() => setShowVersions(!showVersions)}>
          {showVersions ? t('careNotes.hideVersions') : t('careNotes.showVersions')}
        </button>
      </div>
      {note.can.sign ? <p className="field__hint">{t('careNotes.signHint')}</p> : null}
      {addendumOpen ? (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (addendum.trim() === '') {
              return;
            }
            action.mutate(
              { kind: 'addendum', noteId: note.id, body: addendum },
              {
                onSuccess: () => {
                  setAddendum('');
                  setAddendumOpen(false);
                },
              },
            );
          }}
        >
          <TextAreaField
            label={t('careNotes.addendum')}
            name="addendum"
            rows={3}
            value={addendum}
            onChange={(event) => setAddendum(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={action.isPending}>
            {t('careNotes.saveAddendum')}
          </button>
        </form>
      ) : null}
      {showVersions ? <Versions programId={programId} coupleId={coupleId} noteId={note.id} /> : null}
    </li>
  );
}

/** A clinician's session notes for one couple: write (joint or about one partner), edit into versions, sign, share joint notes. */
export function SessionNotes({ programId, coupleId, today }: { programId: string; coupleId: string; today: string }) {
  const { t } = useTranslation();
  const notes = useSessionNotes(programId, coupleId);
  if (notes.isPending) {
    return <Loading />;
  }
  if (notes.isError) {
    return <LoadError error={notes.error} onRetry={() => void notes.refetch()} />;
  }
  const { partners, can } = notes.data;
  return (
    <div className="stack">
      <div className="card">
        <h2 className="card__title">{t('careNotes.writeTitle')}</h2>
        <p className="field__hint">{t('careNotes.privacy')}</p>
        <WriteNoteForm programId={programId} coupleId={coupleId} partners={partners} canWriteJoint={can.writeJoint} today={today} />
      </div>
      <h2>{t('careNotes.listTitle')}</h2>
      {notes.data.notes.length === 0 ? (
        <p className="empty">{t('careNotes.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {notes.data.notes.map((note) => (
            <NoteCard key={`${note.id}-${note.version}-${note.signedAt ?? ''}`} note={note} programId={programId} coupleId={coupleId} />
          ))}
        </ul>
      )}
    </div>
  );
}
