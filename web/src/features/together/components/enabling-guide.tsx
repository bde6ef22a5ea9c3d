import { useTranslation } from 'react-i18next';
import { guideExamples, guideSources, type GuideExample, type GuideLocale } from '@twofold/core/together/enabling-guide';
import { LoadError, Loading } from '../../../components/ui/loading';
import { useEnablingGuide } from '../api/use-together';
import type { CouplePeople } from '../people';
import '../together.css';

function localeOf(language: string): GuideLocale {
  return language.startsWith('es') ? 'es' : 'en';
}

function Reasons({ example, people }: { example: GuideExample; people: CouplePeople }) {
  const { t } = useTranslation();
  if (!example.personal) {
    return <p className="muted">{t('together.guide.general')}</p>;
  }
  const parts = example.reasons.map((reason) => {
    const detail =
      reason.detail === null
        ? ''
        : reason.source.endsWith('reflection')
          ? t(`together.guide.pattern.${reason.detail}`)
          : t(`recovery.substances.${reason.detail}`, { defaultValue: reason.detail });
    return t(`together.guide.reason.${reason.source}`, { name: people.partner.name, detail });
  });
  return (
    <p className="muted">
      {t('together.guide.because')} {parts.join('; ')}.
    </p>
  );
}

/**
 * The supporting-vs-enabling guide: four examples chosen by the server from our own situation
 * types (core/src/together/enabling-guide.ts), each with why it was chosen; the words come from core.
 */
export function EnablingGuide({ people }: { people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const guide = useEnablingGuide();
  const locale = localeOf(i18n.language);
  if (guide.isPending) {
    return <Loading />;
  }
  if (guide.isError) {
    return <LoadError error={guide.error} onRetry={() => void guide.refetch()} />;
  }
  return (
    <div className="stack">
      <p>{t('together.guide.intro')}</p>
      <ul className="plain-list item-list guide-list">
        {guide.data.examples.map((example) => {
          const text = guideExamples[example.situation][locale];
          return (
            <li key={example.situation} className="item">
              <h3 className="item__title">{text.situation}</h3>
              <p>
                <strong>{t('together.boundaries.enabling')}</strong> {text.enabling}
              </p>
              <p>
                <strong>{t('together.boundaries.supporting')}</strong> {text.supporting}
              </p>
              <Reasons example={example} people={people} />
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('together.guide.privacy', { name: people.partner.name })}</p>
      <details className="disclosure">
        <summary>{t('together.guide.sourcesTitle')}</summary>
        <p>{t('together.guide.sourcesIntro')}</p>
        <ul>
          <li>{guideSources.craft}</li>
          <li>{guideSources.bct}</li>
        </ul>
      </details>
    </div>
  );
}
