import { whoOf } from '@twofold/core/setbacks/plan';
import type { MutualHelpGroupId } from '@twofold/core/setbacks/plan-groups';
import type {
  PlanSection,
  PlanSectionInput,
  PlanShared,
  PlanSharedInput,
  SupportRole,
  WarningSign,
  WarningSignKind,
} from '@twofold/core/setbacks/plan.schemas';
import type { WatchSignal } from '@twofold/core/setbacks/warning-sign-watch';

/**
 * The plan's forms keep lists as text, one item a line (quick to write on a phone), and the
 * structured rows (warning signs, supports, groups) as arrays. These helpers turn what the server
 * sent into a draft and a draft back into the request body.
 */

export interface WarningSignDraft {
  kind: WarningSignKind;
  text: string;
  /** '' when the sign watches nothing. */
  signal: WatchSignal | '';
  days: number;
}

export interface SectionDraft {
  warningSigns: WarningSignDraft[];
  highRiskSituations: string;
  iWillDo: string;
  partnerCanDo: string;
  partnerWillNot: string;
}

export interface SupportDraft {
  name: string;
  role: SupportRole;
  phone: string;
  email: string;
}

export interface GroupDraft {
  groupId: MutualHelpGroupId;
  name: string;
  who: 'me' | 'my-partner' | 'both';
  attendance: 'attends' | 'wants-to-try';
}

export interface SharedDraft {
  firstHour: string;
  firstDay: string;
  firstWeek: string;
  supports: SupportDraft[];
  groups: GroupDraft[];
  reviewDate: string;
}

const toText = (lines: readonly string[]) => lines.join('\n');

/** One item a line; blank lines dropped. */
export function toLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function sectionDraftOf(section: PlanSection | undefined): SectionDraft {
  return {
    warningSigns: (section?.warningSigns ?? []).map((sign) => ({
      kind: sign.kind,
      text: sign.text,
      signal: sign.watch?.signal ?? '',
      days: sign.watch?.days ?? 3,
    })),
    highRiskSituations: toText(section?.highRiskSituations ?? []),
    iWillDo: toText(section?.iWillDo ?? []),
    partnerCanDo: toText(section?.partnerCanDo ?? []),
    partnerWillNot: toText(section?.partnerWillNot ?? []),
  };
}

export function warningSignOf(draft: WarningSignDraft): WarningSign {
  return {
    kind: draft.kind,
    text: draft.text.trim(),
    ...(draft.signal === '' ? {} : { watch: { signal: draft.signal, days: draft.days } }),
  };
}

export function sectionInputOf(draft: SectionDraft): PlanSectionInput {
  return {
    warningSigns: draft.warningSigns.filter((sign) => sign.text.trim() !== '').map(warningSignOf),
    highRiskSituations: toLines(draft.highRiskSituations),
    iWillDo: toLines(draft.iWillDo),
    partnerCanDo: toLines(draft.partnerCanDo),
    partnerWillNot: toLines(draft.partnerWillNot),
  };
}

/** A section as the server has it, ready to send back unchanged but for one added warning sign. */
export function withWarningSign(section: PlanSection | undefined, sign: WarningSign): PlanSectionInput {
  const { partnerId: _partnerId, ...content } = section ?? {
    partnerId: '',
    warningSigns: [],
    highRiskSituations: [],
    iWillDo: [],
    partnerCanDo: [],
    partnerWillNot: [],
  };
  return { ...content, warningSigns: [...content.warningSigns, sign] };
}

/** Adds a proposed line (e.g. from the lapse reflection) to "what I will do", once. */
export function withProposal(draft: SectionDraft, text: string): SectionDraft {
  const lines = toLines(draft.iWillDo);
  return lines.includes(text.trim()) ? draft : { ...draft, iWillDo: toText([...lines, text.trim()]) };
}

/** Adds an example line to a one-per-line list, once. */
export function withLine(text: string, line: string): string {
  const lines = toLines(text);
  return lines.includes(line) ? text : toText([...lines, line]);
}

export function sharedDraftOf(shared: PlanShared | undefined, viewerId: string): SharedDraft {
  return {
    firstHour: toText(shared?.lapseResponses.firstHour ?? []),
    firstDay: toText(shared?.lapseResponses.firstDay ?? []),
    firstWeek: toText(shared?.lapseResponses.firstWeek ?? []),
    supports: (shared?.supports ?? []).map((support) => ({ ...support })),
    groups: (shared?.groups ?? []).map((group) => ({
      groupId: group.groupId,
      name: group.groupId === 'other' ? group.name : '',
      who: whoOf(group.people, viewerId),
      attendance: group.attendance,
    })),
    reviewDate: shared?.reviewDate ?? '',
  };
}

export function sharedInputOf(draft: SharedDraft): PlanSharedInput {
  return {
    lapseResponses: { firstHour: toLines(draft.firstHour), firstDay: toLines(draft.firstDay), firstWeek: toLines(draft.firstWeek) },
    supports: draft.supports
      .filter((support) => support.name.trim() !== '' || support.phone.trim() !== '' || support.email.trim() !== '')
      .map((support) => ({ name: support.name.trim(), role: support.role, phone: support.phone.trim(), email: support.email.trim() })),
    groups: draft.groups.map((group) => ({ ...group, name: group.groupId === 'other' ? group.name.trim() : '' })),
    reviewDate: draft.reviewDate === '' ? null : draft.reviewDate,
  };
}
