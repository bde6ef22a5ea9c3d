import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Boundary } from '@twofold/core/together/boundaries.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useBoundaries, useRespondToBoundary, useSaveBoundary } from '../api/use-together';
import { deviceToday, formatDay } from '../dates';
import type { CouplePeople } from '../people';
import { EditFormEnd } from './item-edit';
import '../together.css';

function BoundaryForm({ boundary, onDone }: { boundary: Boundary | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBoundary();
  const [kind, setKind] = useState<'need' | 'will-if'>(boundary?.kind ?? 'need');
  const [text, setText] = useState(boundary?.text ?? '');
  const [reviewDate, setReviewDate] = useState(boundary?.reviewDate ?? '');
  const prefix = boundary ? `edit-${boundary.id}` : 'new';
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { id: boundary?.id ?? null, input: { kind, text: text.trim(), reviewDate: reviewDate === '' ? null : reviewDate } },
          {
            onSuccess: () => {
              setText('');
              onDone();
            },
          },
        );
      }}
    >
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('together.boundaries.kindLegend')}</legend>
        {(['need', 'will-if'] as const).map((value) => (
          <div key={value} className="field field--check">
            <input
              id={`${prefix}-${value}`}
              type="radio"
              name={`${prefix}-kind`}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            <label htmlFor={`${prefix}-${value}`}>{t(`together.boundaries.kind.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        label={t('together.boundaries.textField')}
        hint={kind === 'need' ? t('together.boundaries.needExample') : t('together.boundaries.willIfExample')}
        name="text"
        required
        maxLength={500}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <TextField
        label={t('together.boundaries.reviewField')}
        hint={t('together.boundaries.reviewHint')}
        name="reviewDate"
        type="date"
        value={reviewDate}
        onChange={(event) => setReviewDate(event.target.value)}
      />
      {boundary ? <p className="muted">{t('together.boundaries.changeAsksAgain')}</p> : null}
      <EditFormEnd
        isPending={save.isPending}
        error={save.error}
        onCancel={boundary ? onDone : undefined}
        saveLabel={boundary ? t('together.boundaries.saveChange') : t('together.boundaries.state')}
      />
    </form>
  );
}

function BoundaryItem({ boundary, people }: { boundary: Boundary; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const respond = useRespondToBoundary();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  const mine = boundary.authorId === people.me.id;
  if (editing) {
    return (
      <li className="item">
        <BoundaryForm boundary={boundary} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const responseText = boundary.response
    ? mine
      ? t(`together.boundaries.response.${boundary.response}`, { name: people.partner.name })
      : t(`together.boundaries.myResponse.${boundary.response}`)
    : mine
      ? t('together.boundaries.waiting', { name: people.partner.name })
      : null;
  return (
    <li className="item">
      <p className="item__text prewrap">{boundary.text}</p>
      <p className="muted">
        {boundary.reviewDate
          ? t('together.boundaries.reviewOn', {
              day: formatDay(boundary.reviewDate, i18n.language, { day: 'numeric', month: 'long', year: 'numeric' }),
            })
          : t('together.boundaries.noReview')}
        {responseText ? ` · ${responseText}` : ''}
      </p>
      {boundary.reviewDate !== null && boundary.reviewDate <= deviceToday() ? (
        <Notice tone="info">{t('together.boundaries.reviewDue')}</Notice>
      ) : null}
      {boundary.can.respond ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={boundary.response === 'acknowledged'}
            disabled={respond.isPending}
            onClick={() => respond.mutate({ id: boundary.id, response: 'acknowledged' })}
          >
            {t('together.boundaries.acknowledge')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={boundary.response === 'talk'}
            disabled={respond.isPending}
            onClick={() => respond.mutate({ id: boundary.id, response: 'talk' })}
          >
            {t('together.boundaries.askToTalk')}
          </button>
        </div>
      ) : null}
      {boundary.can.edit ? (
        <button type="button" className="button button--ghost" onClick={() => setEditing(true)}>
          {t('together.boundaries.change')}
        </button>
      ) : null}
      {respond.isError ? <Notice tone="error">{problemText(respond.error)}</Notice> : null}
    </li>
  );
}

/** Boundaries each partner states for themselves; the other acknowledges or asks to talk. */
export function Boundaries({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const list = useBoundaries();
  if (list.isPending) {
    return <Loading />;
  }
  if (list.isError) {
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const mine = list.data.boundaries.filter((b) => b.authorId === people.me.id);
  const theirs = list.data.boundaries.filter((b) => b.authorId === people.partner.id);
  return (
    <div className="stack">
      <p>{t('together.boundaries.intro')}</p>
      <h3>{t('together.boundaries.mineTitle')}</h3>
      {mine.length === 0 ? <p className="empty">{t('together.boundaries.noneMine')}</p> : null}
      <ul className="plain-list item-list">
        {mine.map((boundary) => (
          <BoundaryItem key={boundary.id} boundary={boundary} people={people} />
        ))}
      </ul>
      <BoundaryForm boundary={null} onDone={() => undefined} />
      <h3>{t('together.boundaries.partnerTitle', { name: people.partner.name })}</h3>
      {theirs.length === 0 ? <p className="empty">{t('together.boundaries.nonePartner', { name: people.partner.name })}</p> : null}
      <ul className="plain-list item-list">
        {theirs.map((boundary) => (
          <BoundaryItem key={boundary.id} boundary={boundary} people={people} />
        ))}
      </ul>
      <p>
        <Link to="/us/guide">{t('together.boundaries.guideLink')}</Link>
      </p>
    </div>
  );
}
