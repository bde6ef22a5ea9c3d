import { useTranslation } from 'react-i18next';
import type { InvitePreview } from '@twofold/core/couples/couple.schemas';
import { formatDate } from '../../../lib/format';

/** Who invited, what for, and what accepting means. */
export function InviteSummary({ invite }: { invite: InvitePreview }) {
  const { t, i18n } = useTranslation();
  const program = invite.programName ?? '';
  const headline =
    invite.kind === 'partner'
      ? t('join.partner', { name: invite.invitedBy })
      : invite.kind === 'clinician'
        ? t('join.clinician', { name: invite.invitedBy, program })
        : t('join.programCouple', { name: invite.invitedBy, program });
  const explain =
    invite.kind === 'partner'
      ? t('join.partnerExplain')
      : invite.kind === 'clinician'
        ? t('join.clinicianExplain')
        : t('join.programExplain');
  return (
    <div className="invite-summary stack">
      <p className="invite-summary__headline">{headline}</p>
      <p>{explain}</p>
      <p className="muted">{t('join.expires', { date: formatDate(invite.expiresAt, i18n.language) })}</p>
    </div>
  );
}
