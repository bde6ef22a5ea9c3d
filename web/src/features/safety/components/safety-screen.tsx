import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useReopenJointFeatures, type SafetyScreenStatus } from '../api/use-safety-screen';
import { CrisisResourceList } from './crisis-help';
import { QuickExitButton } from './quick-exit-button';

/** Said first, before any question: this is private, and how to leave at once. */
export function SafetyScreenPrivacy() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warm stack">
      <p>
        <strong>{t('safetyScreen.privateTitle')}</strong>
      </p>
      <p>{t('safetyScreen.privateBody')}</p>
      <p>{t('safetyScreen.quickExitHint')}</p>
      <QuickExitButton listenForEscape={false} />
    </div>
  );
}

function ReopenJointFeatures() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const reopen = useReopenJointFeatures();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <p>{t('safetyScreen.closedBody')}</p>
      <button type="button" className="button button--secondary" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
        {t('safetyScreen.reopen')}
      </button>
      {reopen.isError ? <Notice tone="error">{problemText(reopen.error)}</Notice> : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('safetyScreen.reopenTitle')}>
        <p>{t('safetyScreen.reopenBody')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={reopen.isPending}
            onClick={() => reopen.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          >
            {t('safetyScreen.reopenConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('safetyScreen.reopenCancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}

/**
 * What my own screen's status means for me. Positive: individual support first (the lines for
 * relationship violence come first in `resources`), a safety-planning prompt, and joint features
 * closed until I (or my clinician) open them again.
 */
export function SafetyScreenOutcome({ status, form }: { status: SafetyScreenStatus; form: ReactNode }) {
  const { t } = useTranslation();
  const [again, setAgain] = useState(false);
  if (status.status === 'missing' || again) {
    return (
      <section className="card" aria-labelledby="screen-questions">
        <h2 className="card__title" id="screen-questions">
          {t('safetyScreen.questionsTitle')}
        </h2>
        {form}
      </section>
    );
  }
  if (status.status === 'clear') {
    return (
      <section className="card" aria-labelledby="screen-clear">
        <h2 className="card__title" id="screen-clear">
          {t('safetyScreen.clearTitle')}
        </h2>
        <p>{t('safetyScreen.clearBody')}</p>
        <p>{t('safetyScreen.anyTime')}</p>
        <button type="button" className="button button--secondary" onClick={() => setAgain(true)}>
          {t('safetyScreen.answerAgain')}
        </button>
      </section>
    );
  }
  return (
    <div className="stack">
      <section className="card" aria-labelledby="screen-support">
        <h2 className="card__title" id="screen-support">
          {t('safetyScreen.supportTitle')}
        </h2>
        <p>{t('safetyScreen.supportBody')}</p>
        <CrisisResourceList resources={status.resources} />
      </section>
      <section className="card" aria-labelledby="screen-plan">
        <h2 className="card__title" id="screen-plan">
          {t('safetyScreen.planTitle')}
        </h2>
        <p>{t('safetyScreen.planBody')}</p>
        <ul className="bullets">
          <li>{t('safetyScreen.planStep1')}</li>
          <li>{t('safetyScreen.planStep2')}</li>
          <li>{t('safetyScreen.planStep3')}</li>
          <li>{t('safetyScreen.planStep4')}</li>
        </ul>
        <p>
          <Link to="/me/coping">{t('safetyScreen.planLink')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="screen-joint">
        <h2 className="card__title" id="screen-joint">
          {t('safetyScreen.jointTitle')}
        </h2>
        {status.status === 'positive' ? <ReopenJointFeatures /> : <p>{t('safetyScreen.reopenedBody')}</p>}
        <p className="muted">{t('safetyScreen.partnerNever')}</p>
      </section>
      <button type="button" className="button button--ghost" onClick={() => setAgain(true)}>
        {t('safetyScreen.answerAgain')}
      </button>
    </div>
  );
}
