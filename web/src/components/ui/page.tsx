import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One page: its single h1, the document title, and focus on the heading after navigation so
 * screen-reader and keyboard users start at the top of the new page.
 */
export function Page({
  title,
  intro,
  children,
  narrow = false,
  focusKey,
}: {
  /** When this changes and focus was lost (the control used went away), focus returns to the heading. */
  focusKey?: string;
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
  useEffect(() => {
    // Only move focus when the page changed through navigation, not on the very first load.
    if (document.activeElement && document.activeElement !== document.body) {
      heading.current?.focus();
    }
  }, []);
  useEffect(() => {
    if (focusKey !== undefined && (document.activeElement === null || document.activeElement === document.body)) {
      heading.current?.focus();
    }
  }, [focusKey]);
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <h1 className="page__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="page__intro">{intro}</p> : null}
      {children}
    </div>
  );
}

export function Section({ title, children, id, tone }: { title: string; children: ReactNode; id?: string; tone?: 'danger' | 'plain' }) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section className={tone ? `card card--${tone}` : 'card'} aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
