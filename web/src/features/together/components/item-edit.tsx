import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';

/** The end of every form that changes one of the couple's items: save, cancel, and what went wrong. */
export function EditFormEnd({
  isPending,
  error,
  onCancel,
  saveLabel,
}: {
  isPending: boolean;
  error: unknown;
  /** Absent on a form that creates an item (nothing to go back to). */
  onCancel?: (() => void) | undefined;
  saveLabel?: string | undefined;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {saveLabel ?? t('together.items.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('together.items.cancel')}
          </button>
        ) : null}
      </div>
      {error ? <Notice tone="error">{problemText(error)}</Notice> : null}
    </>
  );
}

/** Changing an item that is a title and an optional date (a shared goal, a planned activity). */
export function TitleAndDateEdit({
  title: initialTitle,
  date: initialDate,
  titleLabel,
  dateLabel,
  dateName,
  isPending,
  error,
  onSave,
  onDone,
}: {
  title: string;
  date: string | null;
  titleLabel: string;
  dateLabel: string;
  dateName: string;
  isPending: boolean;
  error: unknown;
  onSave: (title: string, date: string | null) => void;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(initialTitle);
  const [date, setDate] = useState(initialDate ?? '');
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(title.trim(), date === '' ? null : date);
      }}
    >
      <TextField label={titleLabel} name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextField label={dateLabel} name={dateName} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <EditFormEnd isPending={isPending} error={error} onCancel={onDone} />
    </form>
  );
}
