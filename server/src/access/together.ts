import { includesCareTeam, type Audience } from '@twofold/core/sharing/data-kinds';
import type { DbOrTx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { DomainError } from '../platform/errors';
import { requireMembership } from './access';
import { jointFeaturesOpen } from './joint-features';

/**
 * Who may see and change the couple's joint work (Recovery Contract, Trust Discussion calendar,
 * commitments, appreciations, boundaries, shared goals and activities).
 *
 * - Only the two current partners of the actor's CURRENT couple: every joint query is scoped by
 *   `coupleId` from this function, asked on every request, so a partner who leaves loses access at once.
 * - Only items written since this pair of partners was formed (`since`): a couple space outlives
 *   a partner who left, and a new partner must not read what the previous pair wrote together.
 * - Only while the safety screens open joint features (`jointFeaturesOpen`), else `joint-features-closed`.
 *   A route on one item passes `assertItemExists`, asked before the gate (see below).
 */
export interface JointAccess {
  coupleId: string;
  /** The other current partner. */
  partnerId: string;
  /** When the current pair of partners was formed: the later of their two `joined_at`. */
  since: Date;
}

export async function requireJointAccess(
  db: DbOrTx,
  actor: Actor,
  assertItemExists?: (access: JointAccess) => Promise<void>,
): Promise<JointAccess> {
  const membership = await requireMembership(db, actor);
  const members = await db
    .selectFrom('coupleMembers')
    .select(['userId', 'joinedAt'])
    .where('coupleId', '=', membership.coupleId)
    .where('leftAt', 'is', null)
    .execute();
  const partner = members.find((member) => member.userId !== actor.userId);
  if (!partner) {
    throw closed();
  }
  const since = new Date(Math.max(...members.map((member) => member.joinedAt.getTime())));
  const access = { coupleId: membership.coupleId, partnerId: partner.userId, since };
  // An id that is not the couple's answers not-found before the gate is asked, so that an id of
  // someone else's answers exactly like one that does not exist, whatever the gate says right now.
  await assertItemExists?.(access);
  if (!(await jointFeaturesOpen(db, membership.coupleId))) {
    throw closed();
  }
  return access;
}

function closed(): DomainError {
  return new DomainError('joint-features-closed', 'Shared features open once each of you has answered a short private check-in.');
}

/**
 * Pure rule for the care team: joint items are written by two people, so they reach the care team
 * only when BOTH partners share the kind `together` with it. (No clinician route reads joint items
 * yet; the one that does must ask this rule, through `readAs`-style auditing.)
 */
export function isJointVisibleToCareTeam(settings: readonly [Audience, Audience]): boolean {
  return settings.every(includesCareTeam);
}
