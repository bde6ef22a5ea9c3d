import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Change" and "Delete" for an item of mine. Deleting asks once more in place (no browser dialog),
 * so a stray tap on a phone deletes nothing.
 */
export function ItemActions({
  what,
  onChange,
  onDelete,
  isPending,
}: {
  /** The item's words, for the buttons' accessible names. */
  what: string;
  onChange: () => void;
  onDelete: () => void;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="button-row" role="group" aria-label={t('together.items.confirmLabel', { what })}>
        <span>{t('together.items.confirm')}</span>
        <button
          type="button"
          className="button button--danger"
          disabled={isPending}
          onClick={() => {
            onDelete();
            setConfirming(false);
          }}
        >
          {t('together.items.deleteYes')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('together.items.keep')}
        </button>
      </div>
    );
  }
  return (
    <div className="button-row">
      <button type="button" className="button button--ghost" aria-label={t('together.items.changeLabel', { what })} onClick={onChange}>
        {t('together.items.change')}
      </button>
      <button
        type="button"
        className="button button--ghost"
        aria-label={t('together.items.deleteLabel', { what })}
        onClick={() => setConfirming(true)}
      >
        {t('together.items.delete')}
      </button>
    </div>
  );
}
