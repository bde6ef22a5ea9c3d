import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quickExit } from '../api/quick-exit';

/** Always visible; one tap leaves. Pressing Escape three times quickly does the same. */
export function QuickExitButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = () => quickExit(() => queryClient.clear());

  useEffect(() => {
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
  }, [queryClient]);

  return (
    <button type="button" className="button quick-exit" onClick={leave} title={t('safety.quickExitHint')}>
      {t('safety.quickExit')}
    </button>
  );
}
