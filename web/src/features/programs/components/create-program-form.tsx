import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createProgramInputSchema, type Program } from '@twofold/core/programs/program.schemas';
import { TextField } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';
import { useCreateProgram } from '../api/use-programs';

export function CreateProgramForm({ onCreated }: { onCreated: (program: Program) => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const create = useCreateProgram();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(
      createProgramInputSchema,
      { name },
      { name: t('validation.programName'), 'name.too_big': t('validation.tooLong', { max: 120 }) },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, ['name'], checked.errors);
      return;
    }
    setErrors({});
    try {
      onCreated(await create.mutateAsync(checked.data));
    } catch (error) {
      if (isApiProblem(error)) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, fieldMessage(message)])));
      }
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {create.isError && Object.keys(errors).length === 0 ? <Notice tone="error">{problemText(create.error)}</Notice> : null}
      <TextField
        label={t('programs.name')}
        hint={t('programs.nameHint')}
        name="name"
        maxLength={120}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors['name']}
      />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? t('programs.creating') : t('programs.create')}
      </button>
    </form>
  );
}
