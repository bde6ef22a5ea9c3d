import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useLeaveCouple } from '../api/use-couple';

/** Leaving is one person's decision, takes effect at once, and is explained plainly before it happens. */
export function LeaveCouple({ couple, onLeft }: { couple: Couple; onLeft?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const leave = useLeaveCouple();
  const [open, setOpen] = useState(false);
  const partner = couple.partners.find((person) => !person.isMe);

  return (
    <div className="stack">
      <p>{t('couple.leaveIntro')}</p>
      <button type="button" className="button button--danger-outline" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('couple.leaveButton')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('couple.leaveConfirmTitle')}>
        <ul className="bullets">
          <li>{partner ? t('couple.leaveConfirmPartner', { name: partner.displayName }) : t('couple.leaveConfirmNoPartner')}</li>
          <li>{t('couple.leaveConfirmKeep')}</li>
          <li>{t('couple.leaveConfirmPrivate')}</li>
        </ul>
        {leave.isError ? <Notice tone="error">{problemText(leave.error)}</Notice> : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger"
            disabled={leave.isPending}
            onClick={() =>
              leave.mutate(undefined, {
                onSuccess: () => {
                  setOpen(false);
                  onLeft?.();
                },
              })
            }
          >
            {leave.isPending ? t('couple.leaving') : t('couple.leaveConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            {t('app.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
