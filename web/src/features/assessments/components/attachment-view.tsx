import { useTranslation } from 'react-i18next';
import type { AttachmentPatternId } from '@twofold/core/assessments/attachment';
import { useAttachmentView } from '../api/use-assessments';

const knownPatterns: readonly AttachmentPatternId[] = ['pursue-withdraw', 'both-anxious', 'both-avoidant', 'steady', 'mixed'];

/**
 * How our two ECR-S results meet: shown only when the server gives a pattern, which it does only
 * while both partners share their ECR-S with each other. Written about the pattern, never about a person.
 */
export function CoupleAttachment() {
  const { t } = useTranslation();
  const view = useAttachmentView();
  const pattern = view.data?.pattern;
  if (!pattern) {
    return null;
  }
  const id = knownPatterns.find((known) => known === pattern) ?? 'mixed';
  return (
    <section className="card" aria-labelledby="couple-attachment-title">
      <h2 className="card__title" id="couple-attachment-title">
        {t('assessments.attachment.title')}
      </h2>
      <p className="muted">{t('assessments.attachment.bothShare')}</p>
      <h3>{t(`assessments.attachment.patterns.${id}.title`)}</h3>
      <p>{t(`assessments.attachment.patterns.${id}.body`)}</p>
      <h3>{t('assessments.attachment.whatHelps')}</h3>
      <ul className="bullets">
        {(t(`assessments.attachment.patterns.${id}.helps`, { returnObjects: true }) as string[]).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted">{t('assessments.attachment.notLabels')}</p>
    </section>
  );
}
