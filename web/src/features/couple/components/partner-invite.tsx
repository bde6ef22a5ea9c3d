import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Couple, CreatedInvite } from '@twofold/core/couples/couple.schemas';
import { Notice } from '../../../components/ui/notice';
import { ShareLink } from '../../../components/ui/share-link';
import { formatDate } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useCreateInvite, useWithdrawInvite } from '../api/use-couple';

/** Make a single-use partner invite link, see the open one, withdraw it. */
export function PartnerInvite({ couple }: { couple: Couple }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const create = useCreateInvite();
  const withdraw = useWithdrawInvite();
  const [fresh, setFresh] = useState<CreatedInvite | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const pending = couple.pendingInvite;

  return (
    <div className="stack">
      <p>{t('couple.inviteIntro')}</p>
      {create.isError ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
      {withdraw.isError ? <Notice tone="error">{problemText(withdraw.error)}</Notice> : null}
      {withdrawn && !pending ? (
        <Notice tone="success" focusOnMount>
          {t('couple.inviteWithdrawn')}
        </Notice>
      ) : null}
      {fresh && pending?.id === fresh.id ? <ShareLink url={fresh.url} expiresAt={fresh.expiresAt} /> : null}
      {pending && pending.id !== fresh?.id ? (
        <p>
          {t('couple.pendingInvite', { date: formatDate(pending.expiresAt, i18n.language) })} {t('couple.pendingInviteLost')}
        </p>
      ) : null}
      {pending ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={withdraw.isPending}
          onClick={() =>
            withdraw.mutate(pending.id, {
              onSuccess: () => {
                setFresh(null);
                setWithdrawn(true);
              },
            })
          }
        >
          {withdraw.isPending ? t('couple.withdrawing') : t('couple.withdrawInvite')}
        </button>
      ) : couple.can.invite ? (
        <button
          type="button"
          className="button button--primary"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (invite) => {
                setWithdrawn(false);
                setFresh(invite);
              },
            })
          }
        >
          {create.isPending ? t('couple.creatingInvite') : t('couple.createInvite')}
        </button>
      ) : null}
    </div>
  );
}
