import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { copingTools, supportContactInputSchema } from '@twofold/core/recovery/coping.schemas';
import { TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { useProblemText } from '../../../lib/use-problem-text';
import { validateWith } from '../../../lib/validation';
import { useAddSupportContact, useCopingStats, useDeleteSupportContact, useSupportContacts } from '../api/use-recovery';

/** Each tool explained in two sentences, with its source named (coping.schemas.ts has the references). */
export function ToolList({ startPath }: { startPath: (tool: string) => string }) {
  const { t } = useTranslation();
  return (
    <ul className="tool-list">
      {copingTools.map((tool) => (
        <li key={tool} className="tool-list__item">
          <h3 className="tool-list__name">{t(`recovery.coping.tools.${tool}.name`)}</h3>
          <p>{t(`recovery.coping.tools.${tool}.about`)}</p>
          <p className="muted tool-list__source">{t(`recovery.coping.tools.${tool}.source`)}</p>
          <Link to={startPath(tool)} className="button button--secondary">
            {t('recovery.coping.tryNow', { tool: t(`recovery.coping.tools.${tool}.name`) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Which tools helped me most: the average drop in the urge, with how many runs it rests on. */
export function HelpedMost() {
  const { t, i18n } = useTranslation();
  const stats = useCopingStats();
  if (stats.isPending) {
    return <Loading />;
  }
  if (stats.isError) {
    return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  }
  const rows = [...stats.data.byTool].filter((row) => row.runs > 0).sort((a, b) => (b.averageDrop ?? -99) - (a.averageDrop ?? -99));
  if (rows.length === 0) {
    return <p>{t('recovery.coping.statsNone')}</p>;
  }
  return (
    <>
      <p>{t('recovery.coping.statsIntro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('recovery.coping.statsTool')}</th>
            <th scope="col">{t('recovery.coping.statsRuns')}</th>
            <th scope="col">{t('recovery.coping.statsDrop')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tool}>
              <th scope="row">{t(`recovery.coping.tools.${row.tool}.name`)}</th>
              <td>{t('recovery.coping.statsRunsValue', { runs: row.runs, completed: row.completedRuns })}</td>
              <td>
                {row.averageDrop === null
                  ? t('recovery.coping.statsNoDrop')
                  : t('recovery.coping.statsDropValue', {
                      drop: row.averageDrop.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('recovery.coping.statsCaution')}</p>
    </>
  );
}

/** My supports: people I can call or text from the "craving now" flow. */
export function SupportContacts() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const supports = useSupportContacts();
  const add = useAddSupportContact();
  const remove = useDeleteSupportContact();
  const [values, setValues] = useState({ name: '', relation: '', phone: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateWith(supportContactInputSchema, values, {
      'name.too_small': t('recovery.coping.contact.nameRequired'),
      phone: t('recovery.coping.contact.phoneInvalid'),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      await add.mutateAsync({ name: checked.data.name, relation: checked.data.relation, phone: checked.data.phone });
      setValues({ name: '', relation: '', phone: '' });
    } catch {
      // shown below
    }
  };

  return (
    <div className="stack">
      {supports.isPending ? <Loading /> : null}
      {supports.isError ? <LoadError error={supports.error} onRetry={() => void supports.refetch()} /> : null}
      {supports.data && supports.data.contacts.length > 0 ? (
        <ul className="contact-list">
          {supports.data.contacts.map((contact) => (
            <li key={contact.id}>
              <p className="contact-list__name">
                {contact.name}
                {contact.relation ? <span className="muted"> · {contact.relation}</span> : null}
                {contact.phone ? <span className="muted"> · {contact.phone}</span> : null}
              </p>
              <button
                type="button"
                className="button button--ghost"
                disabled={remove.isPending}
                onClick={() => remove.mutate(contact.id)}
                aria-label={t('recovery.coping.contact.removeNamed', { name: contact.name })}
              >
                {t('recovery.coping.contact.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : supports.data ? (
        <p>{t('recovery.coping.contact.none')}</p>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={t('recovery.coping.contact.name')}
          name="name"
          value={values.name}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={errors['name']}
        />
        <TextField
          label={t('recovery.coping.contact.relation')}
          hint={t('recovery.coping.contact.relationHint')}
          name="relation"
          value={values.relation}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => setValues({ ...values, relation: e.target.value })}
          error={errors['relation']}
        />
        <TextField
          label={t('recovery.coping.contact.phone')}
          name="phone"
          type="tel"
          inputMode="tel"
          value={values.phone}
          maxLength={32}
          autoComplete="off"
          onChange={(e) => setValues({ ...values, phone: e.target.value })}
          error={errors['phone']}
        />
        {add.isError ? <Notice tone="error">{problemText(add.error)}</Notice> : null}
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {t('recovery.coping.contact.addButton')}
        </button>
      </form>
    </div>
  );
}
