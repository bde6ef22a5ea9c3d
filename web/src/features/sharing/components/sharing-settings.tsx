import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audiences, type Audience } from '@twofold/core/sharing/data-kinds';
import type { SharingSetting } from '@twofold/core/sharing/sharing.schemas';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { useProblemText } from '../../../lib/use-problem-text';
import { useSharingSettings, useUpdateSharing } from '../api/use-sharing';

/** A translated label and explanation per data kind, with a fallback for kinds added later. */
export function useKindText() {
  const { t, i18n } = useTranslation();
  return (kind: string) => {
    const key = `sharing.kinds.${kind}`;
    return i18n.exists(`${key}.label`)
      ? { label: t(`${key}.label`), help: t(`${key}.help`), note: i18n.exists(`${key}.note`) ? t(`${key}.note`) : null }
      : { label: t('sharing.unknownKind.label', { kind }), help: t('sharing.unknownKind.help'), note: null };
  };
}

const helpId = (audience: Audience) => `audience-meaning-${audience}`;

/** The four choices explained once, in plain words; every radio points here with aria-describedby. */
function ChoicesExplained() {
  const { t } = useTranslation();
  return (
    <section className="card card--plain" aria-labelledby="choices-heading">
      <h2 className="card__title" id="choices-heading">
        {t('sharing.choicesTitle')}
      </h2>
      <dl className="choices-explained">
        {audiences.map((audience) => (
          <div key={audience}>
            <dt>{t(`sharing.audiences.${audience}.label`)}</dt>
            <dd id={helpId(audience)}>{t(`sharing.audiences.${audience}.help`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function KindSetting({ setting }: { setting: SharingSetting }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const kindText = useKindText()(setting.kind);
  const update = useUpdateSharing();
  const [justSaved, setJustSaved] = useState<Audience | null>(null);
  // The server says which choices a kind offers (the journal: only private); older answers offer all.
  const allowed = setting.allowedAudiences ?? audiences;
  // While a change is on its way, show the choice the person made.
  const shown = update.isPending && update.variables ? update.variables.audience : setting.audience;
  const name = `audience-${setting.kind}`;
  const headingId = `${name}-heading`;

  return (
    <section className="card kind-setting" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {kindText.label}
      </h2>
      <p>{kindText.help}</p>
      {allowed.length <= 1 ? (
        <p className="always-private">
          <strong>{t('sharing.alwaysPrivate')}</strong> {kindText.note}
        </p>
      ) : (
        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('sharing.audienceLegend')}</legend>
          <div className="choice-grid">
            {allowed.map((audience) => {
              const id = `${name}-${audience}`;
              return (
                <div key={audience} className={shown === audience ? 'choice choice--selected' : 'choice'}>
                  <input
                    type="radio"
                    id={id}
                    name={name}
                    value={audience}
                    checked={shown === audience}
                    aria-describedby={helpId(audience)}
                    onChange={() => {
                      setJustSaved(null);
                      update.mutate({ kind: setting.kind, audience }, { onSuccess: (saved) => setJustSaved(saved.audience) });
                    }}
                  />
                  <label htmlFor={id} className="choice__label">
                    {t(`sharing.audiences.${audience}.label`)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      {kindText.note && allowed.length > 1 ? <p className="muted">{kindText.note}</p> : null}
      {update.isError ? <Notice tone="error">{problemText(update.error)}</Notice> : null}
      {allowed.length <= 1 ? null : (
        <>
          <p role="status" className="kind-setting__status">
            {justSaved ? t('sharing.savedNow', { audience: t(`sharing.audienceShort.${justSaved}`) }) : ''}
          </p>
          <p className="muted kind-setting__updated">
            {setting.updatedAt
              ? t('sharing.updatedAt', { when: formatDateTime(setting.updatedAt, i18n.language) })
              : t('sharing.defaultPrivate')}
          </p>
        </>
      )}
    </section>
  );
}

/** The data boundary: every kind the server lists, each with its audience. */
export function SharingSettingsList() {
  const settings = useSharingSettings();
  if (settings.isPending) {
    return <Loading />;
  }
  if (settings.isError) {
    return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <div className="sharing-layout">
      <ChoicesExplained />
      <div className="sharing-kinds">
        {settings.data.settings.map((setting) => (
          <KindSetting key={setting.kind} setting={setting} />
        ))}
      </div>
    </div>
  );
}
