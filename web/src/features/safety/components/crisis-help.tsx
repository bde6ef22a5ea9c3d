import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisResources } from '@twofold/core/crisis/crisis.schemas';
import { Dialog } from '../../../components/ui/dialog';
import { useCrisisResources } from '../api/use-crisis-resources';

type Resource = CrisisResources['resources'][number];

/** tel:/sms: targets keep only digits and a leading +, e.g. "1-800-662-4357" → "18006624357". */
export function dialable(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

function smsHref(sms: NonNullable<Resource['sms']>): string {
  return sms.keyword ? `sms:${dialable(sms.number)}?body=${encodeURIComponent(sms.keyword)}` : `sms:${dialable(sms.number)}`;
}

/** The crisis lines as tap-to-call and tap-to-text links. */
export function CrisisResourceList({ resources }: { resources: Resource[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="crisis-list">
      {resources.map((resource) => {
        const nameKey = `safety.resources.${resource.id}.name`;
        const aboutKey = `safety.resources.${resource.id}.about`;
        const name = i18n.exists(nameKey) ? t(nameKey) : resource.name;
        return (
          <li key={resource.id} className={`crisis-list__item crisis-list__item--${resource.kind}`}>
            <h3 className="crisis-list__name">{name}</h3>
            {i18n.exists(aboutKey) ? <p className="crisis-list__about">{t(aboutKey)}</p> : null}
            <div className="button-row">
              {resource.phone ? (
                <a className="button button--call" href={`tel:${dialable(resource.phone)}`}>
                  {t('safety.call', { number: resource.phone })}
                </a>
              ) : null}
              {resource.sms ? (
                <a className="button button--secondary" href={smsHref(resource.sms)}>
                  {resource.sms.keyword
                    ? t('safety.textKeyword', { keyword: resource.sms.keyword, number: resource.sms.number })
                    : t('safety.text', { number: resource.sms.number })}
                </a>
              ) : null}
            </div>
            {resource.hours ? <p className="crisis-list__meta">{t('safety.hours', { hours: resource.hours })}</p> : null}
            {resource.url ? (
              <p className="crisis-list__meta">{t('safety.website', { url: resource.url.replace(/^https?:\/\//, '') })}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The "Crisis help" button in the header of every page, opening the lines in a dialog. */
export function CrisisHelpButton({ label, className = 'button crisis-button' }: { label?: string; className?: string } = {}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const crisis = useCrisisResources(open);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label ?? t('safety.crisisHelp')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('safety.crisisTitle')} className="dialog--crisis">
        <p>{t('safety.crisisIntro')}</p>
        <CrisisResourceList resources={crisis.resources} />
        <p className="muted">{t('safety.offlineNote')}</p>
      </Dialog>
    </>
  );
}
