import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quickExit } from '../api/quick-exit';

/**
 * Always visible; one tap leaves. Pressing Escape three times quickly does the same (`listenForEscape`,
 * on for the one button in the header, off for the copies inside dialogs).
 */
export function QuickExitButton({ listenForEscape = true }: { listenForEscape?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = () => quickExit(() => queryClient.clear());

  useEffect(() => {
    if (!listenForEscape) {
      return;
    }
    let presses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') {
        return;
      }
      const now = Date.now();
      presses = [...presses.filter((at) => now - at < 1500), now];
      if (presses.length >= 3) {
        quickExit(() => queryClient.clear());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [queryClient, listenForEscape]);

  return (
    <button type="button" className="button quick-exit" onClick={leave} title={t('safety.quickExitHint')}>
      {t('safety.quickExit')}
    </button>
  );
}
