import { useTranslation } from 'react-i18next';
import type { ServedInstrument } from './api/use-assessments';
import { spanishContent } from './instrument-text-es';

type Item = ServedInstrument['items'][number];
type Option = Item['options'][number];

/**
 * The words of a questionnaire in the reader's language: the published translation where there is
 * one (instrument-text-es.ts), otherwise the original English wording from the server, never an
 * ad-hoc translation of a validated item. `isOriginalWording` says when the page should say so.
 */
export function useInstrumentText(instrument: ServedInstrument) {
  const { i18n } = useTranslation();
  const spanish = i18n.resolvedLanguage === 'es' ? spanishContent[instrument.id] : undefined;
  return {
    isOriginalWording: i18n.resolvedLanguage === 'es' && spanish === undefined,
    lang: i18n.resolvedLanguage === 'es' && spanish === undefined ? 'en' : undefined,
    stem: spanish?.stem ?? (spanish ? '' : instrument.stem),
    item: (item: Item) => spanish?.items[item.id] ?? item.text,
    option: (item: Item, option: Option) =>
      spanish?.itemOptions?.[item.id]?.[option.value] ?? spanish?.options?.[option.value] ?? option.label,
  };
}
