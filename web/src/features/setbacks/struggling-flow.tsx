import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Struggling } from '@twofold/core/setbacks/struggling.schemas';
import { TextAreaField } from '../../components/ui/field';
import { Notice } from '../../components/ui/notice';
import { useProblemText } from '../../lib/use-problem-text';
import { useSendPartnerNote } from './lapse-api';
import { planPath } from './plan-link';
import './lapse.css';

/** Someone I can reach: from the plan's supports or my own support contacts. */
export interface Reachable {
  key: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

/** tel:/sms: targets keep only digits and a leading +. */
export function dialable(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

/** The message links for one support: exactly the text I kept, nothing added (the phone sends it, never the server). */
export function supportLinks(
  support: Reachable,
  message: string,
  subject: string,
): { sms: string | null; email: string | null; call: string | null } {
  const phone = dialable(support.phone);
  return {
    call: phone ? `tel:${phone}` : null,
    sms: phone ? `sms:${phone}?body=${encodeURIComponent(message)}` : null,
    email: support.email ? `mailto:${support.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}` : null,
  };
}

type Step = 'signs' | 'do' | 'reach' | 'tools';

/**
 * "I'm struggling", step by step: my warning signs, what I said I will do, the people I can reach
 * (my partner in the app, my supports by text or e-mail from this phone — only if I choose, with
 * a short message I can change), then the coping toolbox and the crisis lines.
 */
export function StrugglingFlow({
  data,
  contacts,
  toolbox,
  crisis,
}: {
  data: Struggling;
  contacts: Reachable[];
  toolbox: ReactNode;
  crisis: ReactNode;
}) {
  const { t } = useTranslation();
  const section = data.plan?.mySection ?? null;
  const steps: Step[] = [
    ...(section && (section.warningSigns.length > 0 || section.highRiskSituations.length > 0) ? (['signs'] as const) : []),
    ...(section && section.iWillDo.length > 0 ? (['do'] as const) : []),
    'reach',
    'tools',
  ];
  const [index, setIndex] = useState(0);
  const step = steps[Math.min(index, steps.length - 1)]!;
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) {
      heading.current?.focus();
    }
  }, [index]);
  const go = (delta: number) => {
    moved.current = true;
    setIndex((current) => Math.max(0, Math.min(steps.length - 1, current + delta)));
  };
  const supports: Reachable[] = [
    ...(data.plan?.supports ?? []).map((support, i) => ({
      key: `plan-${i}`,
      name: support.name,
      role: t(`setbacks.struggling.roles.${support.role}`),
      phone: support.phone,
      email: support.email,
    })),
    ...contacts,
  ];

  return (
    <div className="stack">
      <Notice tone="warm">
        <p>{t('setbacks.struggling.welcome')}</p>
      </Notice>
      {data.plan === null ? (
        <p>
          {t('setbacks.struggling.noPlan')} <Link to={planPath}>{t('setbacks.struggling.writePlan')}</Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="struggling-step-heading">
        <p className="setbacks-steps__progress">{t('setbacks.struggling.progress', { step: index + 1, total: steps.length })}</p>
        <h2 className="card__title" id="struggling-step-heading" ref={heading} tabIndex={-1}>
          {t(`setbacks.struggling.steps.${step}`)}
        </h2>
        {step === 'signs' && section ? (
          <div className="stack">
            <p>{t('setbacks.struggling.signsIntro')}</p>
            <ul className="bullets">
              {section.warningSigns.map((sign, i) => (
                <li key={`sign-${i}`}>{sign.text}</li>
              ))}
              {section.highRiskSituations.map((line, i) => (
                <li key={`risk-${i}`}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {step === 'do' && section ? (
          <div className="stack">
            <p>{t('setbacks.struggling.doIntro')}</p>
            <ol className="bullets">
              {section.iWillDo.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </div>
        ) : null}
        {step === 'reach' ? <ReachOut partner={data.partner} supports={supports} /> : null}
        {step === 'tools' ? (
          <div className="stack">
            <p>{t('setbacks.struggling.toolsIntro')}</p>
            {toolbox}
            <h3>{t('setbacks.struggling.crisisTitle')}</h3>
            <p>{t('setbacks.struggling.crisisIntro')}</p>
            {crisis}
          </div>
        ) : null}
        <div className="button-row">
          {index > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => go(-1)}>
              {t('setbacks.struggling.back')}
            </button>
          ) : null}
          {index < steps.length - 1 ? (
            <button type="button" className="button button--primary" onClick={() => go(1)}>
              {t('setbacks.struggling.next')}
            </button>
          ) : null}
        </div>
      </section>
    </div>
  );
}

/** Reaching out is always my choice: nothing is sent until I tap, and only what I kept in the box. */
function ReachOut({ partner, supports }: { partner: Struggling['partner']; supports: Reachable[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const send = useSendPartnerNote();
  const [partnerMessage, setPartnerMessage] = useState(() => t('setbacks.struggling.partnerMessage'));
  const [supportMessage, setSupportMessage] = useState(() => t('setbacks.struggling.supportMessage'));
  const subject = t('setbacks.struggling.emailSubject');
  return (
    <div className="stack">
      <p>{t('setbacks.struggling.reachIntro')}</p>
      {partner ? (
        <div className="stack">
          <h3>{t('setbacks.struggling.partnerTitle', { name: partner.name })}</h3>
          {send.isSuccess ? (
            <Notice tone="success" focusOnMount>
              {t('setbacks.struggling.partnerSent', { name: partner.name })}
            </Notice>
          ) : (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                if (partnerMessage.trim() !== '') {
                  send.mutate(partnerMessage.trim());
                }
              }}
            >
              <TextAreaField
                label={t('setbacks.struggling.partnerMessageLabel', { name: partner.name })}
                hint={t('setbacks.struggling.partnerMessageHint', { name: partner.name })}
                name="partnerMessage"
                rows={3}
                maxLength={500}
                value={partnerMessage}
                onChange={(event) => setPartnerMessage(event.target.value)}
              />
              {send.isError ? <Notice tone="error">{problemText(send.error)}</Notice> : null}
              <button type="submit" className="button button--primary" disabled={send.isPending || partnerMessage.trim() === ''}>
                {t('setbacks.struggling.partnerSend', { name: partner.name })}
              </button>
            </form>
          )}
        </div>
      ) : null}
      <h3>{t('setbacks.struggling.supportsTitle')}</h3>
      {supports.length === 0 ? (
        <p>
          {t('setbacks.struggling.noSupports')} <Link to="/me/coping#supports-heading">{t('setbacks.struggling.addSupport')}</Link>
        </p>
      ) : (
        <>
          <TextAreaField
            label={t('setbacks.struggling.supportMessageLabel')}
            hint={t('setbacks.struggling.supportMessageHint')}
            name="supportMessage"
            rows={3}
            maxLength={500}
            value={supportMessage}
            onChange={(event) => setSupportMessage(event.target.value)}
          />
          <ul className="link-list">
            {supports.map((support) => {
              const links = supportLinks(support, supportMessage.trim(), subject);
              return (
                <li key={support.key} className="setbacks-support">
                  <p>
                    <strong>{support.name}</strong>
                    {support.role ? <span className="muted"> · {support.role}</span> : null}
                  </p>
                  <div className="button-row">
                    {links.call ? (
                      <a className="button button--secondary" href={links.call}>
                        {t('setbacks.struggling.call', { name: support.name })}
                      </a>
                    ) : null}
                    {links.sms ? (
                      <a className="button button--secondary" href={links.sms}>
                        {t('setbacks.struggling.text', { name: support.name })}
                      </a>
                    ) : null}
                    {links.email ? (
                      <a className="button button--secondary" href={links.email}>
                        {t('setbacks.struggling.email', { name: support.name })}
                      </a>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
