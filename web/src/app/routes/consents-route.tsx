import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { Page, Section } from '../../components/ui/page';
import { useConsents, useGrantConsent } from '../../features/consents/api/use-consents';
import { ConsentForm } from '../../features/consents/components/consent-form';
import { ConsentList } from '../../features/consents/components/consent-list';
import { useKindText } from '../../features/sharing/components/sharing-settings';

/** My consents to care teams (42 CFR Part 2 style): give one, see each and every read under it, revoke. */
export function ConsentsRoute() {
  const { t } = useTranslation();
  const kindText = useKindText();
  const kindLabel = (kind: string) => kindText(kind).label;
  const consents = useConsents();
  const grant = useGrantConsent();
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  if (consents.isPending) {
    return (
      <Page title={t('consents.title')}>
        <Loading />
      </Page>
    );
  }
  if (consents.isError) {
    return (
      <Page title={t('consents.title')}>
        <LoadError error={consents.error} onRetry={() => void consents.refetch()} />
      </Page>
    );
  }
  return (
    <Page title={t('consents.title')} intro={t('consents.intro')}>
      {consents.data.programs.length > 0 ? (
        <Section title={t('consents.giveTitle')} id="give-consent">
          <ConsentForm
            key={formKey}
            programs={consents.data.programs}
            kindLabel={kindLabel}
            submitLabel={t('consents.form.submit')}
            pending={grant.isPending}
            error={grant.error}
            onSubmit={(input) => {
              setSaved(false);
              grant.mutate(input, {
                onSuccess: () => {
                  setSaved(true);
                  setFormKey((key) => key + 1);
                },
              });
            }}
          />
          <p role="status">{saved ? t('consents.saved') : ''}</p>
        </Section>
      ) : (
        <Notice tone="info">{t('consents.noProgram')}</Notice>
      )}
      <Section title={t('consents.listTitle')} id="my-consents">
        <ConsentList data={consents.data} kindLabel={kindLabel} />
      </Section>
      <p className="aside">
        <Link to="/sharing">{t('consents.sharingLink')}</Link> · <Link to="/access-log">{t('sharing.accessLogLink')}</Link>
      </p>
    </Page>
  );
}
