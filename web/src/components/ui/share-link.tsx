import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/**
 * A freshly made single-use link: shown once, with Copy and (where the device offers it) Share.
 * It says plainly that the link works once and when it expires.
 */
export function ShareLink({ url, expiresAt }: { url: string; expiresAt: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  // The link replaces the button that made it: take focus there, with the link selected, ready to copy.
  useEffect(() => input.current?.focus(), []);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: t('share.shareTitle'), text: t('share.shareText'), url });
    } catch {
      // The person closed the share sheet; nothing to do.
    }
  };

  return (
    <div className="share-link">
      <label className="field__label" htmlFor={id}>
        {t('share.linkLabel')}
      </label>
      <input
        ref={input}
        id={id}
        className="input share-link__url"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        aria-describedby={`${id}-note`}
      />
      <p className="field__hint" id={`${id}-note`}>
        {t('share.onceNote', { date: formatDate(expiresAt, i18n.language) })} {t('share.shownOnce')}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        {canShare ? (
          <button type="button" className="button button--secondary" onClick={() => void share()}>
            {t('share.share')}
          </button>
        ) : null}
      </div>
      <p role="status" className="share-link__status">
        {copyState === 'copied' ? t('share.copied') : copyState === 'failed' ? t('share.copyFailed') : ''}
      </p>
    </div>
  );
}
