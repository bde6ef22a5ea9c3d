import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { encouragementInputSchema } from '@twofold/core/recovery/checkin.schemas';
import { TextAreaField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { validateWith } from '../../../lib/validation';
import { usePartnerRecoverySummary, useSendEncouragement } from '../api/use-recovery';
import { formatDay } from '../dates';

/**
 * The partner's counters and milestones, when they share them, and a short note of encouragement.
 * Nothing here reports or checks on the partner's use: they alone record it.
 */
export function PartnerMilestones({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const summary = usePartnerRecoverySummary(partnerId);
  const send = useSendEncouragement(partnerId);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  if (summary.isPending) {
    return <Loading />;
  }
  if (summary.isError) {
    return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const data = summary.data;
  if (!data) {
    return <p>{t('recovery.partner.notShared', { name: partnerName })}</p>;
  }
  const latest = data.milestones[0] ?? null;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const checked = validateWith(
      encouragementInputSchema,
      { message, milestoneDays: latest?.days ?? null },
      { 'message.too_small': t('recovery.partner.messageRequired'), 'message.too_big': t('validation.tooLong', { max: 500 }) },
    );
    if (!checked.ok) {
      setError(checked.errors['message']);
      return;
    }
    setError(undefined);
    try {
      await send.mutateAsync({ message: checked.data.message, milestoneDays: checked.data.milestoneDays ?? null });
      setMessage('');
      setSent(true);
    } catch {
      // shown below
    }
  };
  return (
    <div className="stack">
      {!data.inRecovery ? (
        <p>{t('recovery.partner.notInRecovery', { name: partnerName })}</p>
      ) : data.recoveryStartDate === null ? (
        <p>{t('recovery.partner.noStart', { name: partnerName })}</p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>{t('recovery.counters.sinceLastUse')}</dt>
              <dd>{t('recovery.counters.days', { count: data.daysSinceLastUse ?? 0 })}</dd>
            </div>
            <div>
              <dt>{t('recovery.counters.totalSober')}</dt>
              <dd>{t('recovery.counters.days', { count: data.totalSoberDays ?? 0 })}</dd>
            </div>
          </dl>
          {data.milestones.length > 0 ? (
            <ul className="milestones">
              {data.milestones.slice(0, 5).map((milestone) => (
                <li key={`${milestone.counter}-${milestone.days}`}>
                  <span className="milestones__badge" aria-hidden="true">
                    ★
                  </span>
                  {t(milestone.counter === 'current' ? 'recovery.counters.milestoneCurrent' : 'recovery.counters.milestoneTotal', {
                    count: milestone.days,
                  })}{' '}
                  <span className="muted">· {formatDay(milestone.reachedOn, i18n.language, { dateStyle: 'medium' })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('recovery.partner.noMilestones', { name: partnerName })}</p>
          )}
        </>
      )}
      {data.can.encourage ? (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextAreaField
            label={t('recovery.partner.encourage', { name: partnerName })}
            hint={t('recovery.partner.encourageHint', { name: partnerName })}
            name="message"
            rows={2}
            maxLength={500}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={error}
          />
          {send.isError ? <Notice tone="error">{problemText(send.error)}</Notice> : null}
          <div className="form__actions">
            <button type="submit" className="button button--secondary" disabled={send.isPending}>
              {t('recovery.partner.send')}
            </button>
            <p role="status" className="form__status">
              {sent ? t('recovery.partner.sent', { name: partnerName }) : ''}
            </p>
          </div>
        </form>
      ) : null}
    </div>
  );
}
