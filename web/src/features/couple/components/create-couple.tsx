import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { useCreateCouple } from '../api/use-couple';

export function CreateCouple() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const create = useCreateCouple();
  return (
    <div className="stack">
      <p>{t('couple.noneIntro')}</p>
      {create.isError ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
      <button type="button" className="button button--primary" disabled={create.isPending} onClick={() => create.mutate()}>
        {create.isPending ? t('couple.creating') : t('couple.create')}
      </button>
    </div>
  );
}
