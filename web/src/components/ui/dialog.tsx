import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Controls every dialog shows next to Close. A modal dialog makes the rest of the page inert,
 * header included, so the app puts its Quick exit here: it must stay one tap away (PRODUCT.md, principle 3).
 */
export const DialogActionsContext = createContext<ReactNode>(null);

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it, and the rest of the page is inert while it is open.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const actions = useContext(DialogActionsContext);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') {
        dialog.close();
      } else {
        dialog.removeAttribute('open');
      }
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) {
          onClose();
        }
      }}
    >
      {open ? (
        <div className="dialog__content">
          <div className="dialog__header">
            <div className="dialog__actions">
              {actions}
              <button type="button" className="button button--secondary dialog__close" onClick={onClose}>
                {t('app.close')}
              </button>
            </div>
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
