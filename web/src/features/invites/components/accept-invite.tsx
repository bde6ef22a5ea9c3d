import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptedInvite, InvitePreview } from '@twofold/core/couples/couple.schemas';
import { Notice } from '../../../components/ui/notice';
import { hasCode } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';
import { useAcceptInvite } from '../api/use-invite';

interface AcceptInviteProps {
  token: string;
  invite: InvitePreview;
  displayName: string;
  /** A program's couple invite needs a couple space; the route links to where to start one. */
  needsCoupleFirst: ReactNode | null;
  renderDone: (accepted: AcceptedInvite) => ReactNode;
  /** Where to go for an invitation the couple already has (the couple page). */
  coupleLink: ReactNode;
}

/** The Accept button for a logged-in person, with calm words for each refusal (already in a couple …). */
export function AcceptInvite({ token, invite, displayName, needsCoupleFirst, renderDone, coupleLink }: AcceptInviteProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const accept = useAcceptInvite(token);
  if (accept.isSuccess) {
    return (
      <Notice tone="success" live="status" focusOnMount>
        <p>{invite.kind === 'partner' ? t('join.acceptedPartner') : t('join.acceptedProgram', { program: invite.programName ?? '' })}</p>
        {renderDone(accept.data)}
      </Notice>
    );
  }
  if (needsCoupleFirst) {
    return <Notice tone="info">{needsCoupleFirst}</Notice>;
  }
  // "conflict" means different things per kind of invite; say which, in plain words.
  const conflict = hasCode(accept.error, 'conflict');
  const error =
    conflict && invite.kind === 'program-couple' ? (
      <>
        <p>{t('join.alreadyInvitedProgram')}</p>
        {coupleLink}
      </>
    ) : conflict && invite.kind === 'clinician' ? (
      t('join.alreadyStaff')
    ) : (
      problemText(accept.error)
    );
  return (
    <div className="stack">
      <p className="muted">{t('join.loggedInAs', { name: displayName })}</p>
      {accept.isError ? <Notice tone="error">{error}</Notice> : null}
      <button type="button" className="button button--primary button--block" disabled={accept.isPending} onClick={() => accept.mutate()}>
        {accept.isPending ? t('join.accepting') : t('join.accept')}
      </button>
    </div>
  );
}
