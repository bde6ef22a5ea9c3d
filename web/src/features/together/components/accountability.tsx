import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appreciation, Commitment } from '@twofold/core/together/accountability.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  useAcknowledgeCommitment,
  useAppreciations,
  useChangeAppreciation,
  useChangeCommitment,
  useCommitments,
  useDeleteAppreciation,
  useDeleteCommitment,
  useMakeCommitment,
  useRecordAppreciation,
  useReportCommitment,
  useTellAppreciation,
} from '../api/use-together';
import { addDays, deviceToday, formatDay } from '../dates';
import type { CouplePeople } from '../people';
import { ItemActions } from './item-actions';
import { EditFormEnd } from './item-edit';
import '../together.css';

function CommitmentForm({ commitment, onDone }: { commitment: Commitment | null; onDone: () => void }) {
  const { t } = useTranslation();
  const make = useMakeCommitment();
  const change = useChangeCommitment();
  const save = commitment ? change : make;
  const [text, setText] = useState(commitment?.text ?? '');
  const [dueDate, setDueDate] = useState(() => commitment?.dueDate ?? addDays(deviceToday(), 7));
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { text: text.trim(), dueDate };
        if (commitment) {
          change.mutate({ id: commitment.id, input }, { onSuccess: onDone });
        } else {
          make.mutate(input, { onSuccess: () => setText('') });
        }
      }}
    >
      <TextField
        label={t('together.commitments.textField')}
        hint={t('together.commitments.textHint')}
        name="text"
        required
        maxLength={300}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <TextField
        label={t('together.commitments.dueField')}
        name="dueDate"
        type="date"
        required
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
      />
      <EditFormEnd
        isPending={save.isPending}
        error={save.error}
        onCancel={commitment ? onDone : undefined}
        saveLabel={commitment ? undefined : t('together.commitments.make')}
      />
    </form>
  );
}

function CommitmentItem({ commitment, people }: { commitment: Commitment; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const report = useReportCommitment();
  const acknowledge = useAcknowledgeCommitment();
  const remove = useDeleteCommitment();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  const mine = commitment.authorId === people.me.id;
  const due = formatDay(commitment.dueDate, i18n.language, { day: 'numeric', month: 'long' });
  if (editing) {
    return (
      <li className="item">
        <CommitmentForm commitment={commitment} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="item">
      <p className="item__text prewrap">{commitment.text}</p>
      <p className="muted">
        {t('together.commitments.by', { day: due })}
        {' · '}
        {commitment.outcome ? t(`together.commitments.outcome.${commitment.outcome}`) : t('together.commitments.open')}
        {commitment.acknowledgedAt
          ? ` · ${mine ? t('together.commitments.acknowledgedBy', { name: people.partner.name }) : t('together.commitments.youAcknowledged')}`
          : ''}
      </p>
      {commitment.can.report ? (
        <div className="button-row" role="group" aria-label={t('together.commitments.howWent', { text: commitment.text })}>
          {(['kept', 'missed'] as const).map((outcome) => (
            <button
              key={outcome}
              type="button"
              className="button button--secondary"
              aria-pressed={commitment.outcome === outcome}
              disabled={report.isPending}
              onClick={() => report.mutate({ id: commitment.id, outcome: commitment.outcome === outcome ? null : outcome })}
            >
              {t(`together.commitments.mark.${outcome}`)}
            </button>
          ))}
        </div>
      ) : null}
      {commitment.can.acknowledge ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate(commitment.id)}
        >
          {t('together.commitments.acknowledge')}
        </button>
      ) : null}
      {commitment.can.edit ? (
        <ItemActions
          what={commitment.text}
          onChange={() => setEditing(true)}
          onDelete={() => remove.mutate(commitment.id)}
          isPending={remove.isPending}
        />
      ) : null}
      {report.isError ? <Notice tone="error">{problemText(report.error)}</Notice> : null}
      {acknowledge.isError ? <Notice tone="error">{problemText(acknowledge.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{problemText(remove.error)}</Notice> : null}
    </li>
  );
}

/** My commitments (kept or missed, as I report them) and my partner's, which I can acknowledge. */
export function Commitments({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const list = useCommitments();
  if (list.isPending) {
    return <Loading />;
  }
  if (list.isError) {
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const mine = list.data.commitments.filter((c) => c.authorId === people.me.id);
  const theirs = list.data.commitments.filter((c) => c.authorId === people.partner.id);
  const followThrough = (id: string) => list.data.followThrough.find((f) => f.partnerId === id);
  const summary = (id: string) => {
    const f = followThrough(id);
    return f ? t('together.commitments.followThrough', { kept: f.kept, missed: f.missed, open: f.open }) : '';
  };
  return (
    <div className="stack">
      <p>{t('together.commitments.intro', { name: people.partner.name })}</p>
      <h3>{t('together.commitments.mineTitle')}</h3>
      <p className="muted">{summary(people.me.id)}</p>
      {mine.length === 0 ? <p className="empty">{t('together.commitments.noneMine')}</p> : null}
      <ul className="plain-list item-list">
        {mine.map((commitment) => (
          <CommitmentItem key={commitment.id} commitment={commitment} people={people} />
        ))}
      </ul>
      <CommitmentForm commitment={null} onDone={() => undefined} />
      <h3>{t('together.commitments.partnerTitle', { name: people.partner.name })}</h3>
      <p className="muted">{summary(people.partner.id)}</p>
      {theirs.length === 0 ? <p className="empty">{t('together.commitments.nonePartner', { name: people.partner.name })}</p> : null}
      <ul className="plain-list item-list">
        {theirs.map((commitment) => (
          <CommitmentItem key={commitment.id} commitment={commitment} people={people} />
        ))}
      </ul>
    </div>
  );
}

function AppreciationForm({ people, today }: { people: CouplePeople; today: string }) {
  const { t } = useTranslation();
  const record = useRecordAppreciation();
  const problemText = useProblemText();
  const [kind, setKind] = useState<'appreciation' | 'caring-day'>('appreciation');
  const [text, setText] = useState('');
  const [told, setTold] = useState(false);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate(
          { kind, date: today, text: text.trim(), told },
          {
            onSuccess: () => {
              setText('');
              setTold(false);
            },
          },
        );
      }}
    >
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('together.appreciations.kindLegend')}</legend>
        {(['appreciation', 'caring-day'] as const).map((value) => (
          <div key={value} className="field field--check">
            <input id={`kind-${value}`} type="radio" name="kind" checked={kind === value} onChange={() => setKind(value)} />
            <label htmlFor={`kind-${value}`}>{t(`together.appreciations.kind.${value}`, { name: people.partner.name })}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        label={
          kind === 'appreciation'
            ? t('together.appreciations.textNice', { name: people.partner.name })
            : t('together.appreciations.textCaring')
        }
        name="text"
        required
        maxLength={500}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="field field--check">
        <input id="told" type="checkbox" checked={told} onChange={(event) => setTold(event.target.checked)} />
        <label htmlFor="told">{t('together.appreciations.told', { name: people.partner.name })}</label>
      </div>
      <p className="muted">{t('together.appreciations.untoldPrivate', { name: people.partner.name })}</p>
      <button type="submit" className="button button--primary" disabled={record.isPending}>
        {t('together.appreciations.save')}
      </button>
      {record.isError ? <Notice tone="error">{problemText(record.error)}</Notice> : null}
    </form>
  );
}

function AppreciationEdit({ item, people, onDone }: { item: Appreciation; people: CouplePeople; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeAppreciation();
  const [kind, setKind] = useState(item.kind);
  const [text, setText] = useState(item.text);
  const prefix = `appreciation-${item.id}`;
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ id: item.id, input: { kind, date: item.date, text: text.trim() } }, { onSuccess: onDone });
      }}
    >
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('together.appreciations.kindLegend')}</legend>
        {(['appreciation', 'caring-day'] as const).map((value) => (
          <div key={value} className="field field--check">
            <input
              id={`${prefix}-${value}`}
              type="radio"
              name={`${prefix}-kind`}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            <label htmlFor={`${prefix}-${value}`}>{t(`together.appreciations.kind.${value}`, { name: people.partner.name })}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        label={t('together.appreciations.editText')}
        name="text"
        required
        maxLength={500}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <EditFormEnd isPending={change.isPending} error={change.error} onCancel={onDone} />
    </form>
  );
}

function AppreciationItem({ item, people }: { item: Appreciation; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const tell = useTellAppreciation();
  const remove = useDeleteAppreciation();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  const mine = item.authorId === people.me.id;
  const who = mine ? t('together.appreciations.you') : people.partner.name;
  if (editing) {
    return (
      <li className="item">
        <AppreciationEdit item={item} people={people} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="item">
      <p className="muted">
        {formatDay(item.date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' })} ·{' '}
        {t(`together.appreciations.line.${item.kind}`, { name: who })}
        {mine
          ? ` · ${item.toldAt ? t('together.appreciations.toldYes', { name: people.partner.name }) : t('together.appreciations.toldNo')}`
          : ''}
      </p>
      <p className="item__text prewrap">{item.text}</p>
      {item.can.tell ? (
        <button type="button" className="button button--secondary" disabled={tell.isPending} onClick={() => tell.mutate(item.id)}>
          {t('together.appreciations.tell', { name: people.partner.name })}
        </button>
      ) : null}
      {item.can.edit ? (
        <ItemActions
          what={item.text}
          onChange={() => setEditing(true)}
          onDelete={() => remove.mutate(item.id)}
          isPending={remove.isPending}
        />
      ) : null}
      {remove.isError ? <Notice tone="error">{problemText(remove.error)}</Notice> : null}
    </li>
  );
}

/** Catch Your Partner Doing Something Nice, and Caring Days: mine, and what my partner told me. */
export function Appreciations({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const today = deviceToday();
  const from = addDays(today, -30);
  const list = useAppreciations(from, today);
  return (
    <div className="stack">
      <p>{t('together.appreciations.intro', { name: people.partner.name })}</p>
      <AppreciationForm people={people} today={today} />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.appreciations.length === 0 ? (
          <p className="empty">{t('together.appreciations.none')}</p>
        ) : (
          <ul className="plain-list item-list">
            {list.data.appreciations.map((item) => (
              <AppreciationItem key={item.id} item={item} people={people} />
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
