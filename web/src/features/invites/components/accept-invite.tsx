import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptedInvite, InvitePreview } from '@twofold/core/couples/couple.schemas';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAcceptInvite } from '../api/use-invite';

/** The Accept button for a logged-in person, with calm words for each refusal (already in a couple …). */
export function AcceptInvite({
  token,
  invite,
  displayName,
  renderDone,
}: {
  token: string;
  invite: InvitePreview;
  displayName: string;
  renderDone: (accepted: AcceptedInvite) => ReactNode;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const accept = useAcceptInvite(token);
  if (accept.isSuccess) {
    return (
      <Notice tone="success" live="status">
        <p>{invite.kind === 'partner' ? t('join.acceptedPartner') : t('join.acceptedProgram', { program: invite.programName ?? '' })}</p>
        {renderDone(accept.data)}
      </Notice>
    );
  }
  return (
    <div className="stack">
      <p className="muted">{t('join.loggedInAs', { name: displayName })}</p>
      {accept.isError ? <Notice tone="error">{problemText(accept.error)}</Notice> : null}
      <button type="button" className="button button--primary button--block" disabled={accept.isPending} onClick={() => accept.mutate()}>
        {accept.isPending ? t('join.accepting') : t('join.accept')}
      </button>
    </div>
  );
}
