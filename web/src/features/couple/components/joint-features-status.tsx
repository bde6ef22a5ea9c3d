import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useJointFeatures, useMyScreenStatus } from '../api/use-joint-features';

/**
 * The couple's joint features: open, or only "not available yet". It never says why, so neither
 * partner can tell whether the other's private safety screen is missing or positive. The one
 * thing added is about me: a link to my own screen when I have not answered it yet.
 */
export function JointFeaturesStatus() {
  const { t } = useTranslation();
  const joint = useJointFeatures(true);
  const closed = joint.data?.status === 'not-available-yet';
  const mine = useMyScreenStatus(closed);
  if (!joint.data) {
    return null;
  }
  if (!closed) {
    return <p className="joint-status">{t('couple.joint.open')}</p>;
  }
  return (
    <div className="joint-status">
      <p>
        <strong>{t('couple.joint.notYet')}</strong>
      </p>
      {mine.data?.status === 'missing' ? (
        <p>
          {t('couple.joint.yourScreen')} <Link to="/me/safety-screen">{t('couple.joint.answerYours')}</Link>
        </p>
      ) : null}
    </div>
  );
}
