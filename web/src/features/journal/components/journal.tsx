import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { journalEntryInputSchema, type JournalEntry } from '@twofold/core/recovery/journal.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useDeleteJournalEntry, useJournal, useShareJournalEntry, useWriteJournalEntry } from '../api/use-journal';

const bodyMax = 20_000;

/** Write a new entry, or edit one (when `entry` is given). */
export function JournalEditor({ entry, onDone }: { entry: JournalEntry | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const write = useWriteJournalEntry();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ title: entry?.title ?? '', body: entry?.body ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = validateWith(journalEntryInputSchema, values, {
      'body.too_small': t('journal.bodyRequired'),
      'body.too_big': t('validation.tooLong', { max: bodyMax }),
      'title.too_big': t('validation.tooLong', { max: 120 }),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['title', 'body'], checked.errors);
      return;
    }
    setErrors({});
    try {
      await write.mutateAsync({ id: entry?.id ?? null, input: checked.data });
      if (!entry) {
        setValues({ title: '', body: '' });
      }
      setSaved(true);
      onDone?.();
    } catch {
      // shown below
    }
  };
  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={t('journal.entryTitle')}
        name="title"
        maxLength={120}
        autoComplete="off"
        value={values.title}
        onChange={(event) => setValues({ ...values, title: event.target.value })}
        error={errors['title']}
      />
      <TextAreaField
        label={t('journal.body')}
        name="body"
        rows={6}
        maxLength={bodyMax}
        value={values.body}
        onChange={(event) => setValues({ ...values, body: event.target.value })}
        error={errors['body']}
      />
      {write.isError ? <Notice tone="error">{problemText(write.error)}</Notice> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {write.isPending ? t('app.saving') : entry ? t('journal.saveChanges') : t('journal.save')}
        </button>
        {entry && onDone ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('app.cancel')}
          </button>
        ) : null}
        <p role="status" className="form__status">
          {saved && !entry ? t('journal.saved') : ''}
        </p>
      </div>
    </form>
  );
}

function EntryItem({ entry, onDelete }: { entry: JournalEntry; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const share = useShareJournalEntry();
  const [editing, setEditing] = useState(false);
  const title = entry.title || t('journal.untitled');
  return (
    <li className="entry-list__item">
      <h3 className="entry-list__title">{title}</h3>
      <p className="muted">
        {formatDateTime(entry.createdAt, i18n.language)}
        {entry.sharedWithCareTeam ? ` · ${t('journal.sharedBadge')}` : ''}
      </p>
      {editing ? (
        <JournalEditor entry={entry} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className="prewrap">{entry.body}</p>
          {entry.can.edit ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setEditing(true)}
                aria-label={t('journal.editNamed', { title })}
              >
                {t('journal.edit')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={entry.sharedWithCareTeam}
                disabled={share.isPending}
                onClick={() => share.mutate({ id: entry.id, sharedWithCareTeam: !entry.sharedWithCareTeam })}
              >
                {entry.sharedWithCareTeam ? t('journal.unshare') : t('journal.share')}
              </button>
              <button type="button" className="button button--ghost" onClick={onDelete} aria-label={t('journal.deleteNamed', { title })}>
                {t('journal.delete')}
              </button>
            </div>
          ) : null}
          {share.isError ? <Notice tone="error">{problemText(share.error)}</Notice> : null}
        </>
      )}
    </li>
  );
}

/** My journal: search, entries, and delete with a confirmation. */
export function JournalList() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const journal = useJournal(debounced);
  const remove = useDeleteJournalEntry();
  const [confirming, setConfirming] = useState<JournalEntry | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query), 250);
    return () => window.clearTimeout(timer);
  }, [query]);
  const entries = journal.data?.entries ?? [];
  return (
    <div className="stack">
      <form role="search" className="form" onSubmit={(event) => (event.preventDefault(), setDebounced(query))}>
        <TextField
          label={t('journal.search')}
          name="q"
          type="search"
          maxLength={100}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </form>
      {journal.isPending ? <Loading /> : null}
      {journal.isError ? <LoadError error={journal.error} onRetry={() => void journal.refetch()} /> : null}
      <p role="status" className="muted">
        {journal.data
          ? debounced.trim()
            ? t('journal.found', { count: entries.length, query: debounced.trim() })
            : entries.length === 0
              ? t('journal.empty')
              : ''
          : ''}
      </p>
      {entries.length > 0 ? (
        <ul className="entry-list">
          {entries.map((entry) => (
            <EntryItem key={entry.id} entry={entry} onDelete={() => setConfirming(entry)} />
          ))}
        </ul>
      ) : null}
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} title={t('journal.deleteTitle')}>
        <p>{t('journal.deleteBody')}</p>
        {remove.isError ? <Notice tone="error">{problemText(remove.error)}</Notice> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => {
              if (confirming) {
                remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) });
              }
            }}
          >
            {t('journal.deleteConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
