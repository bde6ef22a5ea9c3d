import { useEffect, useRef, type ReactNode } from 'react';

/**
 * An inline message. `alert` is announced at once (errors); `status` politely (confirmations).
 * `focusOnMount` moves focus to it, for messages that replace the control the person just used
 * (so keyboard and screen-reader users are not dropped at the top of the page).
 */
export function Notice({
  tone = 'info',
  children,
  live,
  focusOnMount = false,
}: {
  tone?: 'info' | 'error' | 'success' | 'warm';
  children: ReactNode;
  live?: 'alert' | 'status';
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const role = live ?? (tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined);
  useEffect(() => {
    if (focusOnMount) {
      ref.current?.focus();
    }
  }, [focusOnMount]);
  return (
    <div ref={ref} className={`notice notice--${tone}`} role={role} tabIndex={focusOnMount ? -1 : undefined}>
      {children}
    </div>
  );
}
