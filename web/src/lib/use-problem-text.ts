import { useTranslation } from 'react-i18next';
import { isApiProblem } from './problem';

/**
 * Calm, translated words for a failed request. The server's own `title` is English, so we show
 * our translation of its stable `code`, and add the server's `detail` when reading English.
 */
export function useProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    if (!isApiProblem(error)) {
      return t('problems.internal-error');
    }
    if (error.offline) {
      return t('problems.offline');
    }
    const base = t(`problems.${error.code}`);
    const detail = error.problem.detail;
    const showDetail =
      i18n.resolvedLanguage === 'en' && detail && detail !== base && error.code !== 'validation-failed' && error.code !== 'internal-error';
    return showDetail ? `${base} ${detail}` : base;
  };
}

/** A server field message is English; other languages get a generic, translated hint. */
export function useFieldMessage(): (message: string) => string {
  const { t, i18n } = useTranslation();
  return (message: string) => (i18n.resolvedLanguage === 'en' ? message : t('validation.generic'));
}
