import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractInput, ContractVersion } from '@twofold/core/together/contract.schemas';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { LoadError, Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { hasCode } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';
import { useContract, useContractVersions, useSaveContract, useSignContract } from '../api/use-together';
import { signState, versionStatus } from '../contract-state';
import type { CouplePeople } from '../people';
import '../together.css';

function SignatureList({ version, people }: { version: ContractVersion; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const rows = [people.me, people.partner].map((person) => {
    const signature = version.signatures.find((s) => s.partnerId === person.id);
    const who = person.id === people.me.id ? t('together.contract.you') : person.name;
    return { id: person.id, who, signature };
  });
  return (
    <ul className="plain-list signatures" aria-label={t('together.contract.signatures')}>
      {rows.map((row) => (
        <li key={row.id} className={row.signature ? 'signature signature--done' : 'signature'}>
          <span aria-hidden="true" className="signature__mark">
            {row.signature ? '✓' : '○'}
          </span>{' '}
          {row.signature
            ? t('together.contract.signedOn', { name: row.who, when: formatDateTime(row.signature.signedAt, i18n.language) })
            : t('together.contract.notSigned', { name: row.who })}
        </li>
      ))}
    </ul>
  );
}

/** One version's terms: the time, each partner's own part in their words, the shared items. */
export function ContractTerms({ version, people }: { version: ContractVersion; people: CouplePeople }) {
  const { t } = useTranslation();
  return (
    <div className="contract-terms">
      <p>
        <strong>{t('together.contract.timeLabel')}</strong> {t('together.contract.time', { time: version.discussionTime })}
      </p>
      {version.parts.map((part) => {
        const mine = part.partnerId === people.me.id;
        return (
          <div key={part.partnerId} className="contract-part">
            <h4 className="contract-part__title">
              {mine ? t('together.contract.yourPart') : t('together.contract.partnerPart', { name: people.partner.name })}
            </h4>
            <blockquote className="contract-part__intention prewrap">{part.intention}</blockquote>
            {part.medication ? <p>{t('together.contract.medicationLine', { medication: part.medication })}</p> : null}
            {part.meetings ? <p>{t('together.contract.meetingsLine', { meetings: part.meetings })}</p> : null}
          </div>
        );
      })}
      {version.keepPastUseInSessions ? <p>{t('together.contract.pastUse')}</p> : null}
      {version.otherItems.length > 0 ? (
        <>
          <p className="contract-terms__label">{t('together.contract.otherItems')}</p>
          <ul className="bullets">
            {version.otherItems.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ContractForm({ contract, people, onDone }: { contract: Contract; people: CouplePeople; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveContract();
  const problemText = useProblemText();
  const base = contract.latest;
  const myPart = base?.parts.find((part) => part.partnerId === people.me.id);
  const [time, setTime] = useState(base?.discussionTime ?? '20:30');
  const [intention, setIntention] = useState(myPart?.intention ?? '');
  const [medication, setMedication] = useState(myPart?.medication ?? '');
  const [meetings, setMeetings] = useState(myPart?.meetings ?? '');
  const [items, setItems] = useState((base?.otherItems ?? []).join('\n'));
  const [pastUse, setPastUse] = useState(base?.keepPastUseInSessions ?? true);
  const partnerHasPart = base?.parts.some((part) => part.partnerId === people.partner.id) ?? false;
  const partnerInRecovery = contract.partners.find((p) => p.partnerId === people.partner.id)?.inRecovery ?? false;

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const input: ContractInput = {
          baseVersionId: base?.id ?? null,
          discussionTime: time,
          otherItems: items
            .split('\n')
            .map((item) => item.trim())
            .filter((item) => item !== ''),
          keepPastUseInSessions: pastUse,
          ...(contract.can.writeMyPart ? { myPart: intention.trim() === '' ? null : { intention, medication, meetings } } : {}),
        };
        save.mutate(input, { onSuccess: onDone });
      }}
    >
      <Notice tone="info">{t('together.contract.changeNeedsBoth', { name: people.partner.name })}</Notice>
      <TextField
        label={t('together.contract.timeField')}
        hint={t('together.contract.timeHint')}
        name="discussionTime"
        type="time"
        required
        value={time}
        onChange={(event) => setTime(event.target.value)}
      />
      {contract.can.writeMyPart ? (
        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('together.contract.yourPart')}</legend>
          <TextAreaField
            label={t('together.contract.intentionField')}
            hint={t('together.contract.intentionHint')}
            name="intention"
            required
            maxLength={500}
            value={intention}
            onChange={(event) => setIntention(event.target.value)}
          />
          <TextField
            label={t('together.contract.medicationField')}
            hint={t('together.contract.medicationHint')}
            name="medication"
            maxLength={200}
            value={medication}
            onChange={(event) => setMedication(event.target.value)}
          />
          <TextAreaField
            label={t('together.contract.meetingsField')}
            name="meetings"
            maxLength={500}
            value={meetings}
            onChange={(event) => setMeetings(event.target.value)}
          />
        </fieldset>
      ) : (
        <p className="muted">{t('together.contract.noPartForMe')}</p>
      )}
      {partnerInRecovery ? (
        <p className="muted">
          {partnerHasPart
            ? t('together.contract.partnerPartKept', { name: people.partner.name })
            : t('together.contract.partnerPartMissing', { name: people.partner.name })}
        </p>
      ) : null}
      <div className="field field--check">
        <input id="past-use" type="checkbox" checked={pastUse} onChange={(event) => setPastUse(event.target.checked)} />
        <label htmlFor="past-use">{t('together.contract.pastUseField')}</label>
      </div>
      <TextAreaField
        label={t('together.contract.itemsField')}
        hint={t('together.contract.itemsHint')}
        name="otherItems"
        value={items}
        onChange={(event) => setItems(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('together.contract.save')}
        </button>
        {base ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('together.contract.cancel')}
          </button>
        ) : null}
      </div>
      {save.isError ? (
        <Notice tone="error">{hasCode(save.error, 'conflict') ? t('together.contract.conflict') : problemText(save.error)}</Notice>
      ) : null}
    </form>
  );
}

function VersionHistory({ contract, people }: { contract: Contract; people: CouplePeople }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = useContractVersions(open);
  return (
    <details className="disclosure" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('together.contract.history')}</summary>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <LoadError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      <ol className="plain-list version-list">
        {versions.data?.versions.map((version) => (
          <li key={version.id} className="version">
            <h4 className="version__title">
              {t('together.contract.versionTitle', { number: version.version })}{' '}
              <span className="badge">{t(`together.contract.status.${versionStatus(version, contract)}`)}</span>
            </h4>
            <p className="muted">{t('together.contract.savedOn', { when: formatDateTime(version.createdAt, i18n.language) })}</p>
            <ContractTerms version={version} people={people} />
            <SignatureList version={version} people={people} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * The Recovery Contract: written together, each version kept. Each partner signs for
 * themselves on their own phone; any change is a new version that needs both signatures again.
 * Each partner's part (intention, medication, meetings) is written by that partner only.
 */
export function RecoveryContract({ people }: { people: CouplePeople }) {
  const { t } = useTranslation();
  const contract = useContract();
  const sign = useSignContract();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  if (contract.isPending) {
    return <Loading />;
  }
  if (contract.isError) {
    return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  }
  const data = contract.data;
  const latest = data.latest;
  if (!latest || editing) {
    return (
      <div className="stack">
        {!latest ? <p>{t('together.contract.firstIntro', { name: people.partner.name })}</p> : null}
        <ContractForm contract={data} people={people} onDone={() => setEditing(false)} />
      </div>
    );
  }
  const state = signState(latest, people);
  const waiting = data.active?.id !== latest.id;
  const partnerPartMissing = data.partners.some((p) => p.partnerId === people.partner.id && p.inRecovery && !p.hasPart);
  return (
    <div className="stack">
      <div className="contract-status" role="status">
        {state === 'signed-by-both' ? (
          <p className="contract-status__line contract-status__line--done">{t('together.contract.inForce', { number: latest.version })}</p>
        ) : (
          <p className="contract-status__line">
            {t(`together.contract.state.${state}`, { name: people.partner.name, number: latest.version })}
          </p>
        )}
        {waiting && data.active ? <p className="muted">{t('together.contract.activeMeanwhile', { number: data.active.version })}</p> : null}
      </div>
      <h3>{t('together.contract.versionTitle', { number: latest.version })}</h3>
      <ContractTerms version={latest} people={people} />
      {partnerPartMissing ? <p className="muted">{t('together.contract.partnerPartMissing', { name: people.partner.name })}</p> : null}
      <SignatureList version={latest} people={people} />
      {latest.can.sign ? (
        <>
          <p className="muted">{t('together.contract.signHint', { name: people.partner.name })}</p>
          <button
            type="button"
            className="button button--primary button--block"
            disabled={sign.isPending}
            onClick={() => sign.mutate(latest.id)}
          >
            {t('together.contract.sign')}
          </button>
        </>
      ) : null}
      {sign.isError ? (
        <Notice tone="error">{hasCode(sign.error, 'conflict') ? t('together.contract.outdated') : problemText(sign.error)}</Notice>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
        {t('together.contract.change')}
      </button>
      <VersionHistory contract={data} people={people} />
    </div>
  );
}
