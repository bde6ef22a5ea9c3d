import '../consents.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consentableKinds,
  consentPurposes,
  enrollmentConsentInputSchema,
  grantConsentInputSchema,
  type ConsentPurpose,
  type EnrollmentConsentInput,
} from '@twofold/core/programs/consent.schemas';
import type { DataKind } from '@twofold/core/sharing/data-kinds';
import { Notice } from '../../../components/ui/notice';
import { isApiProblem } from '../../../lib/problem';
import { useFieldMessage, useProblemText } from '../../../lib/use-problem-text';
import { focusFirstError, validateWith } from '../../../lib/validation';

export interface ConsentFormProps {
  /** Programs the consent can go to; the first is chosen at the start. */
  programs: { id: string; name: string }[];
  /** Kinds ticked at the start (e.g. what the person already shares with the care team). */
  initialKinds?: readonly string[];
  kindLabel: (kind: string) => string;
  submitLabel: string;
  /** With `allowNone`, sending no kinds is fine (accepting a program and consenting later). */
  allowNone?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ConsentFormValues) => void;
}

/** What the form sends: the program and the terms; `kinds` may be empty only with `allowNone`. */
export type ConsentFormValues = EnrollmentConsentInput & { programId: string };

const fields = ['programId', 'kinds', 'purpose', 'purposeNote', 'until'];

/**
 * The consent form, in the words 42 CFR Part 2 asks for: which program, which kinds of my data,
 * why, until when. Validated with the same core schema as the server.
 */
export function ConsentForm({
  programs,
  initialKinds = [],
  kindLabel,
  submitLabel,
  allowNone = false,
  pending,
  error,
  onSubmit,
}: ConsentFormProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldMessage = useFieldMessage();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [kinds, setKinds] = useState<string[]>(consentableKinds.filter((kind) => initialKinds.includes(kind)));
  const [purpose, setPurpose] = useState<ConsentPurpose>('treatment');
  const [purposeNote, setPurposeNote] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = isApiProblem(error) ? error.fieldErrors : {};
  const errorOf = (field: string) => errors[field] ?? (serverErrors[`/${field}`] ? fieldMessage(serverErrors[`/${field}`]!) : undefined);
  const program = programs.find((candidate) => candidate.id === programId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const terms = {
      kinds,
      purpose,
      ...(purposeNote.trim() ? { purposeNote: purposeNote.trim() } : {}),
      ...(until ? { until } : {}),
    };
    const messages = { kinds: t('consents.form.chooseKinds'), until: t('consents.form.untilRange') };
    const checked = allowNone
      ? validateWith(enrollmentConsentInputSchema, terms, messages)
      : validateWith(grantConsentInputSchema, { ...terms, programId }, messages);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(form.current, fields, checked.errors);
      return;
    }
    setErrors({});
    onSubmit({ ...checked.data, programId });
  }

  return (
    <form ref={form} className="stack consent-form" onSubmit={submit} noValidate>
      {programs.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-program`}>
            {t('consents.form.program')}
          </label>
          <select
            id={`${id}-program`}
            name="programId"
            className="input"
            value={programId}
            onChange={(event) => setProgramId(event.target.value)}
          >
            {programs.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{t('consents.form.toProgram', { program: program?.name ?? '' })}</p>
      )}
      <fieldset
        className={errorOf('kinds') ? 'choice-group field--invalid' : 'choice-group'}
        aria-describedby={errorOf('kinds') ? `${id}-kinds-error` : undefined}
      >
        <legend className="choice-group__legend">{t('consents.form.kinds')}</legend>
        <p className="field__hint">{t('consents.form.kindsHint')}</p>
        <div className="consent-kinds">
          {consentableKinds.map((kind: DataKind, index) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                name={index === 0 ? 'kinds' : undefined}
                checked={kinds.includes(kind)}
                onChange={(event) => setKinds((current) => (event.target.checked ? [...current, kind] : current.filter((k) => k !== kind)))}
              />{' '}
              {kindLabel(kind)}
            </label>
          ))}
        </div>
        {errorOf('kinds') ? (
          <p className="field__error" id={`${id}-kinds-error`}>
            {errorOf('kinds')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('consents.form.purpose')}</legend>
        {consentPurposes.map((candidate, index) => (
          <label key={candidate} className="check">
            <input
              type="radio"
              name={index === 0 ? 'purpose' : `purpose-${candidate}`}
              value={candidate}
              checked={purpose === candidate}
              onChange={() => setPurpose(candidate)}
            />{' '}
            {t(`consents.purposes.${candidate}`)}
          </label>
        ))}
      </fieldset>
      <div className={errorOf('purposeNote') ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('consents.form.purposeNote')}
        </label>
        <p className="field__hint" id={`${id}-note-hint`}>
          {t('consents.form.purposeNoteHint')}
        </p>
        <textarea
          id={`${id}-note`}
          name="purposeNote"
          className="input"
          rows={2}
          maxLength={300}
          value={purposeNote}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => setPurposeNote(event.target.value)}
        />
        {errorOf('purposeNote') ? <p className="field__error">{errorOf('purposeNote')}</p> : null}
      </div>
      <div className={errorOf('until') ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-until`}>
          {t('consents.form.until')}
        </label>
        <p className="field__hint" id={`${id}-until-hint`}>
          {t('consents.form.untilHint')}
        </p>
        <input
          id={`${id}-until`}
          name="until"
          type="date"
          className="input"
          value={until}
          aria-describedby={errorOf('until') ? `${id}-until-hint ${id}-until-error` : `${id}-until-hint`}
          aria-invalid={errorOf('until') ? true : undefined}
          onChange={(event) => setUntil(event.target.value)}
        />
        {errorOf('until') ? (
          <p className="field__error" id={`${id}-until-error`}>
            {errorOf('until')}
          </p>
        ) : null}
      </div>
      {error && Object.keys(serverErrors).length === 0 ? <Notice tone="error">{problemText(error)}</Notice> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
