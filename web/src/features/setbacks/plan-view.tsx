import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dialable, planVersionStatus } from '@twofold/core/setbacks/plan';
import { mutualHelpGroupIds, mutualHelpGroups, type MutualHelpGroupId } from '@twofold/core/setbacks/plan-groups';
import {
  supportRoles,
  warningSignKinds,
  type Plan,
  type PlanSection,
  type PlanShared,
  type PlanSuggestion,
  type PlanVersion,
  type SupportRole,
  type WarningSign,
  type WarningSignKind,
} from '@twofold/core/setbacks/plan.schemas';
import { watchDaysMax, watchDaysMin, watchSignals, type WatchSignal } from '@twofold/core/setbacks/warning-sign-watch';
import { FieldFrame, TextAreaField, TextField } from '../../components/ui/field';
import { LoadError, Loading } from '../../components/ui/loading';
import { Notice } from '../../components/ui/notice';
import { formatDateTime } from '../../lib/format';
import { hasCode } from '../../lib/problem';
import { useProblemText } from '../../lib/use-problem-text';
import { usePlan, usePlanSuggestions, usePlanVersions, useSaveMySection, useSavePlanShared, useSignPlan } from './plan-api';
import {
  sectionDraftOf,
  sectionInputOf,
  sharedDraftOf,
  sharedInputOf,
  withLine,
  withProposal,
  withWarningSign,
  type GroupDraft,
  type SectionDraft,
  type SharedDraft,
  type SupportDraft,
  type WarningSignDraft,
} from './plan-form';
import './plan.css';

/** The two partners as this phone sees them (composed by the route). */
export interface PlanPeople {
  me: { id: string; name: string };
  partner: { id: string; name: string };
}

/** A calendar day (YYYY-MM-DD) in the reader's language, without a time-zone shift. */
export function formatLocalDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(year!, month! - 1, day!));
}

const partnerWillNotExamples = ['phone', 'ask', 'count', 'past', 'tell'] as const;

function SelectField({
  label,
  hint,
  value,
  onChange,
  children,
  name,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  name: string;
}) {
  return (
    <FieldFrame label={label} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={name}
          className="input select"
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

function Lines({ title, lines }: { title: string; lines: readonly string[] }) {
  if (lines.length === 0) {
    return null;
  }
  return (
    <div className="plan-lines">
      <h5 className="plan-lines__title">{title}</h5>
      <ul className="bullets">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function WarningSignItem({ sign }: { sign: WarningSign }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="badge">{t(`plan.kinds.${sign.kind}`)}</span> {sign.text}
      {sign.watch ? (
        <span className="plan-watch">
          {t('plan.watch.line', { signal: t(`plan.watch.signals.${sign.watch.signal}`), count: sign.watch.days })}
        </span>
      ) : null}
    </li>
  );
}

/** One partner's section, as written by its owner. */
export function SectionView({ section, people }: { section: PlanSection; people: PlanPeople }) {
  const { t } = useTranslation();
  const other = section.partnerId === people.me.id ? people.partner.name : people.me.name;
  const isMine = section.partnerId === people.me.id;
  return (
    <div className="plan-section">
      {section.warningSigns.length > 0 ? (
        <div className="plan-lines">
          <h5 className="plan-lines__title">{t('plan.fields.warningSigns')}</h5>
          <ul className="plain-list plan-signs">
            {section.warningSigns.map((sign, index) => (
              <WarningSignItem key={index} sign={sign} />
            ))}
          </ul>
        </div>
      ) : null}
      <Lines title={t('plan.fields.highRisk')} lines={section.highRiskSituations} />
      <Lines
        title={isMine ? t('plan.fields.iWillDo') : t('plan.fields.theyWillDo', { name: people.partner.name })}
        lines={section.iWillDo}
      />
      <Lines
        title={isMine ? t('plan.fields.partnerCanDo', { name: other }) : t('plan.fields.youCanDo', { name: people.partner.name })}
        lines={section.partnerCanDo}
      />
      <Lines
        title={isMine ? t('plan.fields.partnerWillNot', { name: other }) : t('plan.fields.youWillNot', { name: people.partner.name })}
        lines={section.partnerWillNot}
      />
    </div>
  );
}

function SupportItem({ support }: { support: PlanShared['supports'][number] }) {
  const { t } = useTranslation();
  return (
    <li className="plan-support">
      <p className="plan-support__name">
        <strong>{support.name}</strong> <span className="badge">{t(`plan.roles.${support.role}`)}</span>
      </p>
      <div className="button-row">
        {support.phone ? (
          <>
            <a className="button button--call" href={`tel:${dialable(support.phone)}`}>
              {t('plan.supports.call', { name: support.name })}
            </a>
            <a className="button button--secondary" href={`sms:${dialable(support.phone)}`}>
              {t('plan.supports.text', { name: support.name })}
            </a>
          </>
        ) : null}
        {support.email ? (
          <a className="button button--secondary" href={`mailto:${support.email}`}>
            {t('plan.supports.email', { name: support.name })}
          </a>
        ) : null}
      </div>
    </li>
  );
}

function whoText(people: readonly string[], planPeople: PlanPeople, t: (key: string, options?: Record<string, string>) => string): string {
  const hasMe = people.includes(planPeople.me.id);
  const hasPartner = people.includes(planPeople.partner.id);
  if (hasMe && hasPartner) {
    return t('plan.groups.whoBoth');
  }
  return hasMe ? t('plan.groups.whoMe') : planPeople.partner.name;
}

/** The shared part: lapse responses, supports with tap to call / text / e-mail, groups with their meeting finders, review date. */
export function SharedView({ shared, people }: { shared: PlanShared; people: PlanPeople }) {
  const { t, i18n } = useTranslation();
  const lapse = shared.lapseResponses;
  const hasLapse = lapse.firstHour.length + lapse.firstDay.length + lapse.firstWeek.length > 0;
  return (
    <div className="plan-section">
      <h4 className="plan-subtitle">{t('plan.shared.lapseTitle')}</h4>
      {hasLapse ? (
        <>
          <Lines title={t('plan.shared.firstHour')} lines={lapse.firstHour} />
          <Lines title={t('plan.shared.firstDay')} lines={lapse.firstDay} />
          <Lines title={t('plan.shared.firstWeek')} lines={lapse.firstWeek} />
        </>
      ) : (
        <p className="muted">{t('plan.shared.noLapse')}</p>
      )}
      <h4 className="plan-subtitle">{t('plan.supports.title')}</h4>
      {shared.supports.length > 0 ? (
        <ul className="plain-list plan-supports">
          {shared.supports.map((support, index) => (
            <SupportItem key={index} support={support} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('plan.supports.none')}</p>
      )}
      <h4 className="plan-subtitle">{t('plan.groups.title')}</h4>
      {shared.groups.length > 0 ? (
        <ul className="plain-list plan-groups">
          {shared.groups.map((group, index) => (
            <li key={index}>
              <strong>{group.name}</strong>{' '}
              <span className="muted">{t(`plan.groups.line.${group.attendance}`, { who: whoText(group.people, people, t) })}</span>
              {group.finderUrl ? (
                <>
                  <br />
                  <a href={group.finderUrl} target="_blank" rel="noopener noreferrer">
                    {t('plan.groups.finder', { name: group.name })}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('plan.groups.none')}</p>
      )}
      <p>
        <strong>{t('plan.shared.reviewDate')}</strong>{' '}
        {shared.reviewDate ? formatLocalDate(shared.reviewDate, i18n.language) : t('plan.shared.noReviewDate')}
      </p>
    </div>
  );
}

function SignatureList({ version, people }: { version: PlanVersion; people: PlanPeople }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="plain-list signatures" aria-label={t('plan.signatures')}>
      {[people.me, people.partner].map((person) => {
        const signature = version.signatures.find((s) => s.partnerId === person.id);
        const who = person.id === people.me.id ? t('plan.you') : person.name;
        return (
          <li key={person.id} className={signature ? 'signature signature--done' : 'signature'}>
            <span aria-hidden="true" className="signature__mark">
              {signature ? '✓' : '○'}
            </span>{' '}
            {signature
              ? t('plan.signedOn', { name: who, when: formatDateTime(signature.signedAt, i18n.language) })
              : t('plan.notSigned', { name: who })}
          </li>
        );
      })}
    </ul>
  );
}

function VersionBody({ version, people }: { version: PlanVersion; people: PlanPeople }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {[people.me, people.partner].map((person) => {
        const section = version.sections.find((candidate) => candidate.partnerId === person.id);
        const title = person.id === people.me.id ? t('plan.mine.title') : t('plan.partner.title', { name: person.name });
        return (
          <div key={person.id} className="plan-part">
            <h4 className="plan-part__title">{title}</h4>
            {section ? (
              <SectionView section={section} people={people} />
            ) : (
              <p className="muted">{person.id === people.me.id ? t('plan.mine.empty') : t('plan.partner.empty', { name: person.name })}</p>
            )}
          </div>
        );
      })}
      <div className="plan-part plan-part--shared">
        <h4 className="plan-part__title">{t('plan.shared.title')}</h4>
        <SharedView shared={version.shared} people={people} />
      </div>
    </div>
  );
}

// Editors -------------------------------------------------------------------------------------

function WarningSignRow({
  sign,
  index,
  onChange,
  onRemove,
}: {
  sign: WarningSignDraft;
  index: number;
  onChange: (sign: WarningSignDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plan-row">
      <legend className="plan-row__legend">{t('plan.editor.signNumber', { number: index + 1 })}</legend>
      <SelectField
        label={t('plan.editor.kind')}
        name={`warningSigns.${index}.kind`}
        value={sign.kind}
        onChange={(kind) => onChange({ ...sign, kind: kind as WarningSignKind })}
      >
        {warningSignKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`plan.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('plan.editor.signText')}
        name={`warningSigns.${index}.text`}
        maxLength={300}
        value={sign.text}
        onChange={(event) => onChange({ ...sign, text: event.target.value })}
      />
      <SelectField
        label={t('plan.watch.label')}
        hint={t('plan.watch.hint')}
        name={`warningSigns.${index}.signal`}
        value={sign.signal}
        onChange={(signal) => onChange({ ...sign, signal: signal as WatchSignal | '' })}
      >
        <option value="">{t('plan.watch.none')}</option>
        {watchSignals.map((signal) => (
          <option key={signal} value={signal}>
            {t(`plan.watch.signals.${signal}`)}
          </option>
        ))}
      </SelectField>
      {sign.signal !== '' ? (
        <TextField
          label={t('plan.watch.days')}
          name={`warningSigns.${index}.days`}
          type="number"
          inputMode="numeric"
          min={watchDaysMin}
          max={watchDaysMax}
          value={sign.days}
          onChange={(event) => onChange({ ...sign, days: Number(event.target.value) })}
        />
      ) : null}
      <button type="button" className="button button--ghost" onClick={onRemove}>
        {t('plan.editor.removeSign', { number: index + 1 })}
      </button>
    </fieldset>
  );
}

function SaveRow({ pending, onCancel, error }: { pending: boolean; onCancel: () => void; error: unknown }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('plan.editor.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('plan.editor.cancel')}
        </button>
      </div>
      {error ? <Notice tone="error">{hasCode(error, 'conflict') ? t('plan.editor.conflict') : problemText(error)}</Notice> : null}
    </>
  );
}

function MySectionEditor({
  plan,
  people,
  proposal,
  onDone,
}: {
  plan: Plan;
  people: PlanPeople;
  proposal: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMySection();
  const latest = plan.latest;
  const mine = latest?.sections.find((section) => section.partnerId === people.me.id);
  const [draft, setDraft] = useState<SectionDraft>(() => {
    const base = sectionDraftOf(mine);
    return proposal ? withProposal(base, proposal) : base;
  });
  const set = (patch: Partial<SectionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <form
      className="form"
      aria-label={t('plan.editor.mineLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ baseVersionId: latest?.id ?? null, section: sectionInputOf(draft) }, { onSuccess: onDone });
      }}
    >
      {proposal ? (
        <Notice tone="warm" live="status">
          {t('plan.proposal.added')}
        </Notice>
      ) : null}
      <Notice tone="info">{t('plan.editor.mineNote', { name: people.partner.name })}</Notice>
      <div className="stack">
        <h4 className="plan-subtitle">{t('plan.fields.warningSigns')}</h4>
        <p className="field__hint">{t('plan.fields.warningSignsHint')}</p>
        {draft.warningSigns.map((sign, index) => (
          <WarningSignRow
            key={index}
            sign={sign}
            index={index}
            onChange={(next) => set({ warningSigns: draft.warningSigns.map((old, i) => (i === index ? next : old)) })}
            onRemove={() => set({ warningSigns: draft.warningSigns.filter((_, i) => i !== index) })}
          />
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set({ warningSigns: [...draft.warningSigns, { kind: 'thought', text: '', signal: '', days: 3 }] })}
        >
          {t('plan.editor.addSign')}
        </button>
      </div>
      <TextAreaField
        label={t('plan.fields.highRisk')}
        hint={t('plan.editor.linesHint')}
        name="highRiskSituations"
        value={draft.highRiskSituations}
        onChange={(event) => set({ highRiskSituations: event.target.value })}
      />
      <TextAreaField
        label={t('plan.fields.iWillDo')}
        hint={t('plan.editor.linesHint')}
        name="iWillDo"
        value={draft.iWillDo}
        onChange={(event) => set({ iWillDo: event.target.value })}
      />
      <TextAreaField
        label={t('plan.fields.partnerCanDo', { name: people.partner.name })}
        hint={t('plan.editor.linesHint')}
        name="partnerCanDo"
        value={draft.partnerCanDo}
        onChange={(event) => set({ partnerCanDo: event.target.value })}
      />
      <TextAreaField
        label={t('plan.fields.partnerWillNot', { name: people.partner.name })}
        hint={t('plan.editor.partnerWillNotHint')}
        name="partnerWillNot"
        value={draft.partnerWillNot}
        onChange={(event) => set({ partnerWillNot: event.target.value })}
      />
      <div className="plan-examples" role="group" aria-label={t('plan.editor.examplesLabel')}>
        {partnerWillNotExamples.map((example) => {
          const text = t(`plan.examples.partnerWillNot.${example}`);
          return (
            <button
              key={example}
              type="button"
              className="button button--ghost plan-example"
              onClick={() => set({ partnerWillNot: withLine(draft.partnerWillNot, text) })}
            >
              {t('plan.editor.addExample', { text })}
            </button>
          );
        })}
      </div>
      <SaveRow pending={save.isPending} onCancel={onDone} error={save.error} />
    </form>
  );
}

function SupportRow({
  support,
  index,
  onChange,
  onRemove,
}: {
  support: SupportDraft;
  index: number;
  onChange: (s: SupportDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plan-row">
      <legend className="plan-row__legend">{t('plan.supports.number', { number: index + 1 })}</legend>
      <TextField
        label={t('plan.supports.name')}
        name={`supports.${index}.name`}
        maxLength={100}
        value={support.name}
        onChange={(event) => onChange({ ...support, name: event.target.value })}
      />
      <SelectField
        label={t('plan.supports.role')}
        name={`supports.${index}.role`}
        value={support.role}
        onChange={(role) => onChange({ ...support, role: role as SupportRole })}
      >
        {supportRoles.map((role) => (
          <option key={role} value={role}>
            {t(`plan.roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('plan.supports.phone')}
        name={`supports.${index}.phone`}
        type="tel"
        autoComplete="off"
        maxLength={30}
        value={support.phone}
        onChange={(event) => onChange({ ...support, phone: event.target.value })}
      />
      <TextField
        label={t('plan.supports.emailField')}
        name={`supports.${index}.email`}
        type="email"
        autoComplete="off"
        maxLength={200}
        value={support.email}
        onChange={(event) => onChange({ ...support, email: event.target.value })}
      />
      <button type="button" className="button button--ghost" onClick={onRemove}>
        {t('plan.supports.remove', { number: index + 1 })}
      </button>
    </fieldset>
  );
}

function GroupRow({
  group,
  index,
  partnerName,
  onChange,
  onRemove,
}: {
  group: GroupDraft;
  index: number;
  partnerName: string;
  onChange: (g: GroupDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plan-row">
      <legend className="plan-row__legend">{t('plan.groups.number', { number: index + 1 })}</legend>
      <SelectField
        label={t('plan.groups.group')}
        name={`groups.${index}.groupId`}
        value={group.groupId}
        onChange={(id) => onChange({ ...group, groupId: id as MutualHelpGroupId })}
      >
        {mutualHelpGroupIds.map((id) => (
          <option key={id} value={id}>
            {id === 'other' ? t('plan.groups.other') : mutualHelpGroups.find((candidate) => candidate.id === id)?.name}
          </option>
        ))}
      </SelectField>
      {group.groupId === 'other' ? (
        <TextField
          label={t('plan.groups.name')}
          name={`groups.${index}.name`}
          maxLength={100}
          value={group.name}
          onChange={(event) => onChange({ ...group, name: event.target.value })}
        />
      ) : null}
      <SelectField
        label={t('plan.groups.who')}
        name={`groups.${index}.who`}
        value={group.who}
        onChange={(who) => onChange({ ...group, who: who as GroupDraft['who'] })}
      >
        <option value="me">{t('plan.groups.whoMe')}</option>
        <option value="my-partner">{partnerName}</option>
        <option value="both">{t('plan.groups.whoBoth')}</option>
      </SelectField>
      <SelectField
        label={t('plan.groups.attendance')}
        name={`groups.${index}.attendance`}
        value={group.attendance}
        onChange={(attendance) => onChange({ ...group, attendance: attendance as GroupDraft['attendance'] })}
      >
        <option value="attends">{t('plan.groups.attends')}</option>
        <option value="wants-to-try">{t('plan.groups.wantsToTry')}</option>
      </SelectField>
      <button type="button" className="button button--ghost" onClick={onRemove}>
        {t('plan.groups.remove', { number: index + 1 })}
      </button>
    </fieldset>
  );
}

function SharedEditor({ plan, people, onDone }: { plan: Plan; people: PlanPeople; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSavePlanShared();
  const latest = plan.latest;
  const [draft, setDraft] = useState<SharedDraft>(() => sharedDraftOf(latest?.shared, people.me.id));
  const set = (patch: Partial<SharedDraft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <form
      className="form"
      aria-label={t('plan.editor.sharedLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ baseVersionId: latest?.id ?? null, shared: sharedInputOf(draft) }, { onSuccess: onDone });
      }}
    >
      <Notice tone="info">{t('plan.editor.sharedNote', { name: people.partner.name })}</Notice>
      <h4 className="plan-subtitle">{t('plan.shared.lapseTitle')}</h4>
      <TextAreaField
        label={t('plan.shared.firstHour')}
        hint={t('plan.editor.linesHint')}
        name="firstHour"
        value={draft.firstHour}
        onChange={(event) => set({ firstHour: event.target.value })}
      />
      <TextAreaField
        label={t('plan.shared.firstDay')}
        hint={t('plan.editor.linesHint')}
        name="firstDay"
        value={draft.firstDay}
        onChange={(event) => set({ firstDay: event.target.value })}
      />
      <TextAreaField
        label={t('plan.shared.firstWeek')}
        hint={t('plan.editor.linesHint')}
        name="firstWeek"
        value={draft.firstWeek}
        onChange={(event) => set({ firstWeek: event.target.value })}
      />
      <h4 className="plan-subtitle">{t('plan.supports.title')}</h4>
      {draft.supports.map((support, index) => (
        <SupportRow
          key={index}
          support={support}
          index={index}
          onChange={(next) => set({ supports: draft.supports.map((old, i) => (i === index ? next : old)) })}
          onRemove={() => set({ supports: draft.supports.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => set({ supports: [...draft.supports, { name: '', role: 'sponsor', phone: '', email: '' }] })}
      >
        {t('plan.supports.add')}
      </button>
      <h4 className="plan-subtitle">{t('plan.groups.title')}</h4>
      <p className="field__hint">{t('plan.groups.source')}</p>
      {draft.groups.map((group, index) => (
        <GroupRow
          key={index}
          group={group}
          index={index}
          partnerName={people.partner.name}
          onChange={(next) => set({ groups: draft.groups.map((old, i) => (i === index ? next : old)) })}
          onRemove={() => set({ groups: draft.groups.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => set({ groups: [...draft.groups, { groupId: 'aa', name: '', who: 'me', attendance: 'attends' }] })}
      >
        {t('plan.groups.add')}
      </button>
      <TextField
        label={t('plan.shared.reviewDate')}
        hint={t('plan.shared.reviewDateHint')}
        name="reviewDate"
        type="date"
        value={draft.reviewDate}
        onChange={(event) => set({ reviewDate: event.target.value })}
      />
      <SaveRow pending={save.isPending} onCancel={onDone} error={save.error} />
    </form>
  );
}

// Suggestions ---------------------------------------------------------------------------------

function suggestionSign(suggestion: PlanSuggestion, t: (key: string, options?: Record<string, unknown>) => string): WarningSign {
  return {
    kind: suggestion.warningSign.kind,
    text: t(`plan.suggestions.${suggestion.kind}.sign`, { label: suggestion.figures.triggerLabel ?? '' }).slice(0, 300),
    ...(suggestion.warningSign.watch ? { watch: suggestion.warningSign.watch } : {}),
  };
}

/** Suggestions for my own section, from my own data only; one tap adds one as a warning sign (a new version). */
function Suggestions({ plan, people }: { plan: Plan; people: PlanPeople }) {
  const { t } = useTranslation();
  const suggestions = usePlanSuggestions(true);
  const save = useSaveMySection();
  const problemText = useProblemText();
  if (suggestions.isPending) {
    return <Loading />;
  }
  if (suggestions.isError) {
    return <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  }
  const list = suggestions.data.suggestions;
  const mine = plan.latest?.sections.find((section) => section.partnerId === people.me.id);
  return (
    <div className="stack">
      <p className="muted">{t('plan.suggestions.intro', { name: people.partner.name })}</p>
      {list.length === 0 ? <p>{t('plan.suggestions.none', { count: suggestions.data.lookedAtDays })}</p> : null}
      <ul className="plain-list item-list">
        {list.map((suggestion) => {
          const f = suggestion.figures;
          return (
            <li key={suggestion.id} className="plan-suggestion">
              <p className="item__text">
                {t(`plan.suggestions.${suggestion.kind}.text`, {
                  after: f.averageAfter,
                  otherwise: f.averageOtherwise,
                  compared: f.compared,
                  others: f.others,
                  times: f.times,
                  label: f.triggerLabel,
                })}
              </p>
              <p className="muted">
                {t('plan.suggestions.basedOn', { count: suggestion.basedOnDays })} {t('plan.suggestions.notDiagnosis')}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={save.isPending}
                onClick={() =>
                  save.mutate({ baseVersionId: plan.latest?.id ?? null, section: withWarningSign(mine, suggestionSign(suggestion, t)) })
                }
              >
                {t('plan.suggestions.add', { sign: suggestionSign(suggestion, t).text })}
              </button>
            </li>
          );
        })}
      </ul>
      {save.isError ? (
        <Notice tone="error">{hasCode(save.error, 'conflict') ? t('plan.editor.conflict') : problemText(save.error)}</Notice>
      ) : null}
    </div>
  );
}

// Review, status, history -------------------------------------------------------------------

/** The review reminder (no calendar: the date is only shown in the app). */
export function ReviewNotice({ plan, onReview }: { plan: Plan; onReview?: () => void }) {
  const { t, i18n } = useTranslation();
  const { state, reviewDate } = plan.review;
  if (state === 'none' || reviewDate === null) {
    return null;
  }
  const date = formatLocalDate(reviewDate, i18n.language);
  if (state === 'upcoming') {
    return <p className="muted">{t('plan.review.upcoming', { date })}</p>;
  }
  if (state === 'in-progress') {
    return <Notice tone="info">{t('plan.review.inProgress', { date })}</Notice>;
  }
  return (
    <Notice tone="warm" live="status">
      <p className="notice__title">{t('plan.review.due', { date })}</p>
      <p>{t('plan.review.dueHint')}</p>
      {onReview ? (
        <button type="button" className="button button--primary" onClick={onReview}>
          {t('plan.review.start')}
        </button>
      ) : null}
    </Notice>
  );
}

function VersionHistory({ plan, people }: { plan: Plan; people: PlanPeople }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = usePlanVersions(open);
  const nameOf = (id: string | null) =>
    id === people.me.id ? t('plan.you') : id === people.partner.id ? people.partner.name : t('plan.someone');
  return (
    <details className="disclosure" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('plan.history.title')}</summary>
      {versions.isPending && open ? <Loading /> : null}
      {versions.isError ? <LoadError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      <ol className="plain-list version-list">
        {versions.data?.versions.map((version) => (
          <li key={version.id} className="version">
            <h4 className="version__title">
              {t('plan.history.version', { number: version.version })}{' '}
              <span className="badge">
                {t(`plan.history.status.${planVersionStatus(version, plan.active?.id ?? null, plan.latest?.id ?? null)}`)}
              </span>
            </h4>
            <p className="muted">
              {t(`plan.history.change.${version.change}`, { name: nameOf(version.createdBy) })} ·{' '}
              {formatDateTime(version.createdAt, i18n.language)}
            </p>
            <VersionBody version={version} people={people} />
            <SignatureList version={version} people={people} />
          </li>
        ))}
      </ol>
    </details>
  );
}

type Editing = 'none' | 'mine' | 'shared';

/**
 * The Continuing Recovery Plan: each partner's own section (written only by its owner), the shared
 * part, signing (each for themselves, on their own phone), the review reminder, suggestions from my
 * own data and every version. `proposal` (from the lapse reflection) opens my section's editor
 * with it as a new "what I will do" line.
 */
export function ContinuingRecoveryPlan({
  people,
  proposal,
  onProposalUsed,
}: {
  people: PlanPeople;
  proposal: string | null;
  onProposalUsed: () => void;
}) {
  const { t } = useTranslation();
  const plan = usePlan();
  const sign = useSignPlan();
  const problemText = useProblemText();
  const [editing, setEditing] = useState<Editing>(proposal ? 'mine' : 'none');
  const [proposed] = useState(proposal);
  const [suggestionsOpen, setSuggestionsOpen] = useState(false);
  useEffect(() => {
    if (proposal) {
      // Read once: a reload or going back does not add the line again.
      onProposalUsed();
    }
  }, [proposal, onProposalUsed]);
  if (plan.isPending) {
    return <Loading />;
  }
  if (plan.isError) {
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const data = plan.data;
  const latest = data.latest;
  if (editing === 'mine') {
    return <MySectionEditor plan={data} people={people} proposal={proposed} onDone={() => setEditing('none')} />;
  }
  if (editing === 'shared') {
    return <SharedEditor plan={data} people={people} onDone={() => setEditing('none')} />;
  }
  const mySigned = latest?.signatures.some((s) => s.partnerId === people.me.id) ?? false;
  const partnerSigned = latest?.signatures.some((s) => s.partnerId === people.partner.id) ?? false;
  const status = !latest
    ? null
    : latest.signedByBothAt
      ? t('plan.status.inForce', { number: latest.version })
      : mySigned
        ? t('plan.status.waitingPartner', { number: latest.version, name: people.partner.name })
        : partnerSigned
          ? t('plan.status.waitingMe', { number: latest.version, name: people.partner.name })
          : t('plan.status.waitingBoth', { number: latest.version });
  return (
    <div className="stack">
      <ReviewNotice plan={data} onReview={() => setEditing('shared')} />
      {!latest ? <p>{t('plan.firstIntro', { name: people.partner.name })}</p> : null}
      {latest ? (
        <div className="contract-status" role="status">
          <p className={latest.signedByBothAt ? 'contract-status__line contract-status__line--done' : 'contract-status__line'}>{status}</p>
          {data.active && data.active.id !== latest.id ? (
            <p className="muted">{t('plan.status.activeMeanwhile', { number: data.active.version })}</p>
          ) : null}
        </div>
      ) : null}
      {latest ? <VersionBody version={latest} people={people} /> : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setEditing('mine')}>
          {t('plan.editor.editMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setEditing('shared')}>
          {t('plan.editor.editShared')}
        </button>
      </div>
      {latest ? <SignatureList version={latest} people={people} /> : null}
      {latest?.can.sign ? (
        <>
          <p className="muted">{t('plan.signHint', { name: people.partner.name })}</p>
          <button
            type="button"
            className="button button--primary button--block"
            disabled={sign.isPending}
            onClick={() => sign.mutate(latest.id)}
          >
            {t('plan.sign', { number: latest.version })}
          </button>
        </>
      ) : null}
      {sign.isError ? <Notice tone="error">{hasCode(sign.error, 'conflict') ? t('plan.outdated') : problemText(sign.error)}</Notice> : null}
      <details className="disclosure" onToggle={(event) => setSuggestionsOpen((event.target as HTMLDetailsElement).open)}>
        <summary>{t('plan.suggestions.title')}</summary>
        {/* Asked only when opened: they are computed from my check-ins on each request. */}
        {suggestionsOpen ? <Suggestions plan={data} people={people} /> : null}
      </details>
      {latest ? <VersionHistory plan={data} people={people} /> : null}
    </div>
  );
}
