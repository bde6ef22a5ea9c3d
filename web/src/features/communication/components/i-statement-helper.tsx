import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../communication.css';
import { blameKindText, checkDraft, iStatementTemplate } from '@twofold/core/communication/blame-helper';
import { kindsFound, segmentDraft } from '../highlight';
import { contentLocale } from '../locale';

/**
 * The "I" statement helper: as the person types, blaming patterns ("you always", labels,
 * mind-reading …) are highlighted and the "I feel … when … because … I would like …" template is
 * offered. It runs on this phone only (core/communication/blame-helper): nothing typed here is sent
 * or kept. It is a helper, not a judge, and never blocks anything.
 */
export function IStatementHelper() {
  const { t, i18n } = useTranslation();
  const locale = contentLocale(i18n.language);
  const id = useId();
  const [draft, setDraft] = useState('');
  const deferred = useDeferredValue(draft);
  const check = checkDraft(deferred, locale);
  const segments = segmentDraft(deferred, check.findings);
  const kinds = kindsFound(check.findings);
  const template = iStatementTemplate[locale];
  return (
    <div className="stack">
      <p>{t('talk.helper.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-draft`}>
          {t('talk.helper.label')}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('talk.helper.hint')}
        </p>
        <textarea
          id={`${id}-draft`}
          className="input input--area"
          aria-describedby={`${id}-hint ${id}-result`}
          value={draft}
          maxLength={2000}
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      <p id={`${id}-result`} className={kinds.length > 0 ? 'helper__status helper__status--found' : 'helper__status'} role="status">
        {deferred.trim() === '' ? '' : kinds.length === 0 ? t('talk.helper.clear') : t('talk.helper.found', { count: kinds.length })}
      </p>
      <div>
        {kinds.length === 0 ? null : (
          <div className="helper__result">
            <p className="helper__draft" aria-label={t('talk.helper.highlighted')}>
              {segments.map((segment, index) =>
                segment.kind ? (
                  <mark key={index} className="helper__mark">
                    {segment.text}
                    <span className="sr-only"> ({t(`talk.helper.kind.${segment.kind}`)})</span>
                  </mark>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
            <ul className="bullets">
              {kinds.map((kind) => (
                <li key={kind}>
                  <strong>{t(`talk.helper.kind.${kind}`)}:</strong> {blameKindText[locale][kind]}
                </li>
              ))}
            </ul>
            <p className="helper__template-title">{t('talk.helper.tryTemplate')}</p>
            <p className="helper__template">{check.suggestion?.template ?? template.template}</p>
          </div>
        )}
      </div>
      <p className="muted">{t('talk.helper.private')}</p>
    </div>
  );
}
