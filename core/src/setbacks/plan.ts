import type { PlanReviewState, PlanSectionContent, PlanSharedValues } from './plan.schemas';

/**
 * Pure rules of the Continuing Recovery Plan's versions and signatures, shared by the server
 * (which decides) and the web app (which shows what the server decided). Same model as the
 * Recovery Contract: every change is a new version; the plan in force is the newest version
 * signed by both partners; only the newest version can be signed; signing twice changes nothing.
 */

export interface SignatureFacts {
  /** The version being signed. */
  versionId: string;
  /** The newest version of the couple's plan. */
  latestId: string;
  /** Who has signed `versionId` so far (current partners only). */
  signers: readonly string[];
  actorId: string;
  partnerId: string;
}

export type SignatureOutcome =
  { outcome: 'outdated' } | { outcome: 'already-signed'; signedByBoth: boolean } | { outcome: 'signed'; signedByBoth: boolean };

/**
 * What the actor's signature does: an outdated version cannot be signed (a newer draft replaced it),
 * a second signature by the same partner changes nothing, and the version comes into force with the
 * signature that completes the pair.
 */
export function decideSignature(facts: SignatureFacts): SignatureOutcome {
  if (facts.versionId !== facts.latestId) {
    return { outcome: 'outdated' };
  }
  const signers = new Set(facts.signers);
  if (signers.has(facts.actorId)) {
    return { outcome: 'already-signed', signedByBoth: signers.has(facts.partnerId) };
  }
  return { outcome: 'signed', signedByBoth: signers.has(facts.partnerId) };
}

export type PlanVersionStatus = 'in-force' | 'waiting' | 'replaced';

/** A version as the history shows it: the plan in force, the newest draft waiting for signatures, or replaced. */
export function planVersionStatus(
  version: { id: string; signedByBothAt: string | null },
  activeId: string | null,
  latestId: string | null,
): PlanVersionStatus {
  if (version.id === activeId) {
    return 'in-force';
  }
  if (version.id === latestId && version.signedByBothAt === null) {
    return 'waiting';
  }
  return 'replaced';
}

/**
 * Whether it is time to look at the plan again, on the viewer's own calendar day. `due` shows the
 * reminder to both partners (on the plan page and the "us" screen); a newer draft saved while the
 * plan in force is due means the review is under way (`in-progress`) until both sign it.
 */
export function planReviewState(input: {
  activeId: string | null;
  activeReviewDate: string | null;
  latestId: string | null;
  today: string;
}): PlanReviewState {
  if (input.activeId === null || input.activeReviewDate === null) {
    return 'none';
  }
  if (input.activeReviewDate > input.today) {
    return 'upcoming';
  }
  return input.latestId !== null && input.latestId !== input.activeId ? 'in-progress' : 'due';
}

/** Whether two sections say the same (saving an unchanged section makes no new version). */
export function isSameSection(a: PlanSectionContent | undefined, b: PlanSectionContent | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether two shared parts say the same, compared in their stored form. */
export function isSameShared(a: StoredShared, b: StoredShared): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The shared part as stored: the groups name their people by id (not "me"/"my partner", which
 * depends on who is looking), and the review date travels beside it.
 */
export interface StoredShared {
  lapseResponses: { firstHour: string[]; firstDay: string[]; firstWeek: string[] };
  supports: Array<{ name: string; role: string; phone: string; email: string }>;
  groups: Array<{ groupId: string; name: string; people: string[]; attendance: string }>;
  reviewDate: string | null;
}

/** Turns the writer's "me / my partner / both" into the two partners' ids, in a stable order. */
export function peopleOf(who: 'me' | 'my-partner' | 'both', writerId: string, partnerId: string): string[] {
  if (who === 'me') {
    return [writerId];
  }
  if (who === 'my-partner') {
    return [partnerId];
  }
  return [writerId, partnerId].sort();
}

/** The opposite of `peopleOf`, for a form that shows the stored people from the viewer's side. */
export function whoOf(people: readonly string[], viewerId: string): 'me' | 'my-partner' | 'both' {
  const hasMe = people.includes(viewerId);
  const hasOther = people.some((id) => id !== viewerId);
  if (hasMe && hasOther) {
    return 'both';
  }
  return hasMe ? 'me' : 'my-partner';
}

/** The shared input in its stored form (ids for people). */
export function toStoredShared(input: PlanSharedValues, writerId: string, partnerId: string): StoredShared {
  const lapse = input.lapseResponses;
  return {
    lapseResponses: { firstHour: lapse.firstHour, firstDay: lapse.firstDay, firstWeek: lapse.firstWeek },
    supports: input.supports.map(({ name, role, phone, email }) => ({ name, role, phone, email })),
    groups: input.groups.map((group) => ({
      groupId: group.groupId,
      // A listed group is named by the list; only `other` keeps the couple's own name.
      name: group.groupId === 'other' ? group.name : '',
      people: peopleOf(group.who, writerId, partnerId),
      attendance: group.attendance,
    })),
    reviewDate: input.reviewDate,
  };
}

/** A plan before anyone wrote the shared part. */
export const emptyShared: StoredShared = {
  lapseResponses: { firstHour: [], firstDay: [], firstWeek: [] },
  supports: [],
  groups: [],
  reviewDate: null,
};

/** Digits and a leading + only, for `tel:` and `sms:` links: "1-800 (662) 4357" → "18006624357". */
export function dialable(phone: string): string {
  return phone.replace(/[^+0-9]/g, '').replace(/(?!^)\+/g, '');
}
