import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@twofold/core/auth/auth.schemas';
import { changeLocale, currentLocale } from '../../lib/i18n';

/** The language switch. Each language is named in itself, and marked with its lang for screen readers. */
export function LanguageSelect({ onChanged, compact = false }: { onChanged?: (locale: Locale) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={compact ? 'language-select language-select--compact' : 'language-select'}>
      <label htmlFor={id} className={compact ? 'language-select__label' : 'field__label'}>
        {t('app.language')}
      </label>
      <select
        id={id}
        className="input select"
        value={currentLocale()}
        onChange={(event) => {
          const locale = event.target.value as Locale;
          void changeLocale(locale).then(() => onChanged?.(locale));
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`app.languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
