import type { ReactNode } from 'react';

/** An inline message. `alert` is announced at once (errors); `status` politely (confirmations). */
export function Notice({
  tone = 'info',
  children,
  live,
}: {
  tone?: 'info' | 'error' | 'success' | 'warm';
  children: ReactNode;
  live?: 'alert' | 'status';
}) {
  const role = live ?? (tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined);
  return (
    <div className={`notice notice--${tone}`} role={role}>
      {children}
    </div>
  );
}
