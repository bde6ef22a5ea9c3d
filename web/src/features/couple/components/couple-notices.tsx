import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { Notice } from '../../../components/ui/notice';
import { useDismissNotice } from '../api/use-couple';

/** Plain words about shared data that went away, with support and no blame. */
export function CoupleNotices({ notices, supportAction }: { notices: Couple['notices']; supportAction?: ReactNode }) {
  const { t } = useTranslation();
  const dismiss = useDismissNotice();
  if (notices.length === 0) {
    return null;
  }
  return (
    <div className="stack">
      {notices.map((notice) => (
        <Notice key={notice.id} tone="warm" live="status">
          <p>
            <strong>{t('couple.noticePartnerLeft')}</strong>
          </p>
          <p>{t('couple.noticeSupport')}</p>
          <div className="button-row">
            {supportAction}
            <button
              type="button"
              className="button button--secondary"
              disabled={dismiss.isPending}
              onClick={() => dismiss.mutate(notice.id)}
            >
              {t('couple.dismissNotice')}
            </button>
          </div>
        </Notice>
      ))}
    </div>
  );
}
