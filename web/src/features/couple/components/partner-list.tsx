import { useTranslation } from 'react-i18next';
import type { Couple } from '@twofold/core/couples/couple.schemas';
import { formatDate } from '../../../lib/format';

export function PartnerList({ couple }: { couple: Couple }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ul className="plain-list partner-list">
        {couple.partners.map((partner) => (
          <li key={partner.id} className="partner-list__item">
            <span className="avatar" aria-hidden="true">
              {partner.displayName.slice(0, 1).toUpperCase()}
            </span>
            <span>
              <strong>{partner.isMe ? t('couple.you', { name: partner.displayName }) : partner.displayName}</strong>
              <br />
              <span className="muted">{t('couple.joined', { date: formatDate(partner.joinedAt, i18n.language) })}</span>
            </span>
          </li>
        ))}
      </ul>
      {couple.partners.length < 2 ? (
        <p className="muted">
          {couple.pendingInvite || couple.notices.length === 0 ? t('couple.waitingForPartner') : t('couple.aloneNow')}
        </p>
      ) : null}
    </>
  );
}
