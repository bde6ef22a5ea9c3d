import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '@twofold/core/auth/auth.schemas';
import { en } from './en';
import { es } from './es';

/** The language choice is the one thing the web app keeps in browser storage (no health data). */
const storageKey = 'twofold.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLocale(): Locale {
  const language = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(language) ? language : 'en';
}

export function hasStoredLocale(): boolean {
  return storedLocale() !== null;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: 'en',
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** Switch the language and remember the choice on this device. */
export async function changeLocale(locale: Locale, options: { remember?: boolean } = {}): Promise<void> {
  if (options.remember ?? true) {
    try {
      globalThis.localStorage?.setItem(storageKey, locale);
    } catch {
      // Storage can be disabled (private mode); the choice then lasts for this visit.
    }
  }
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
