import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { Section } from '../../components/ui/page';
import { formatDateTime } from '../../lib/format';
import { useMarkNoteRead, usePartnerLapses, useStrugglingNotes, useWarningSignWatch } from './lapse-api';
import { lapsePaths } from './lapse-reflection';
import { formatLocalDate } from './plan-view';
import './lapse.css';

/** "I'm struggling", one tap from every screen (in the header, beside crisis help and quick exit). */
export function StrugglingButton() {
  const { t } = useTranslation();
  return (
    <Link to={lapsePaths.struggling} className="button struggling-button">
      {t('setbacks.struggling.button')}
    </Link>
  );
}

/**
 * The warning-sign watch, gently, to me only: when my own check-ins match warning signs I wrote
 * in my part of the plan, an offer to look at my plan. "Not now" hides it on this screen.
 */
export function WatchOffer() {
  const { t } = useTranslation();
  const watch = useWarningSignWatch();
  const [hidden, setHidden] = useState(false);
  const matches = watch.data?.matches ?? [];
  if (hidden || matches.length === 0) {
    return null;
  }
  return (
    <Notice tone="warm" live="status">
      <p className="notice__title">{t('setbacks.watch.title')}</p>
      <ul className="bullets">
        {matches.map((match) => (
          <li key={match.index}>
            {match.text} <span className="muted">({t(`setbacks.watch.signals.${match.signal}`, { count: match.days })})</span>
          </li>
        ))}
      </ul>
      <p>{t('setbacks.watch.offer')}</p>
      <div className="button-row">
        <Link to={lapsePaths.struggling} className="button button--secondary">
          {t('setbacks.watch.open')}
        </Link>
        <button type="button" className="button button--ghost" onClick={() => setHidden(true)}>
          {t('setbacks.watch.notNow')}
        </button>
      </div>
    </Notice>
  );
}

/** Notes my partner chose to send me when struggling (last 7 days), with "seen". */
export function PartnerStrugglingNotes() {
  const { t, i18n } = useTranslation();
  const notes = useStrugglingNotes();
  const markRead = useMarkNoteRead();
  const list = notes.data?.notes ?? [];
  if (list.length === 0) {
    return null;
  }
  return (
    <Section title={t('setbacks.notes.title', { name: list[0]!.fromName })} id="struggling-notes">
      <p>{t('setbacks.notes.intro')}</p>
      <ul className="link-list">
        {list.map((note) => (
          <li key={note.id} className="setbacks-support">
            <blockquote>{note.message}</blockquote>
            <p className="muted">{formatDateTime(note.at, i18n.language)}</p>
            {note.read ? (
              <p className="muted">{t('setbacks.notes.seen')}</p>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(note.id)}
              >
                {t('setbacks.notes.markSeen')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t('setbacks.notes.guide')}</p>
    </Section>
  );
}

/**
 * Lapse reports a person chose to tell me about, as their partner or their care team: their words,
 * met with care (never shown unless told).
 */
export function PartnerToldLapses({
  partnerId,
  partnerName,
  reader = 'partner',
}: {
  partnerId: string;
  partnerName: string;
  reader?: 'partner' | 'care-team';
}) {
  const { t, i18n } = useTranslation();
  const lapses = usePartnerLapses(partnerId);
  const list = lapses.data ?? [];
  if (list.length === 0) {
    return null;
  }
  return (
    <Section title={t('setbacks.told.title', { name: partnerName })} id={reader === 'partner' ? 'told-lapses' : `told-lapses-${partnerId}`}>
      <p>{t('setbacks.told.intro', { name: partnerName })}</p>
      <ul className="link-list">
        {list.map((lapse) => (
          <li key={lapse.id} className="setbacks-support">
            <p>
              <strong>{t('setbacks.told.when', { date: formatLocalDate(lapse.date, i18n.language), time: lapse.time })}</strong>
            </p>
            {lapse.whatHappened ? <p>{lapse.whatHappened}</p> : null}
            {lapse.whatIDidAfter ? <p>{t('setbacks.told.after', { text: lapse.whatIDidAfter })}</p> : null}
          </li>
        ))}
      </ul>
      <p className="muted">{reader === 'partner' ? t('setbacks.told.guide') : t('setbacks.told.guideCareTeam', { name: partnerName })}</p>
    </Section>
  );
}
