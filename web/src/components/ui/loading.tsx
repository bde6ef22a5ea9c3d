import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../lib/use-problem-text';
import { Notice } from './notice';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, in calm words, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <Notice tone="error">
      <p>{problemText(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </Notice>
  );
}
