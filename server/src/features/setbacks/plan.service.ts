import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { findMutualHelpGroup } from '@twofold/core/setbacks/plan-groups';
import {
  decideSignature,
  emptyShared,
  isSameSection,
  isSameShared,
  planReviewState,
  toStoredShared,
  type StoredShared,
} from '@twofold/core/setbacks/plan';
import { suggestWarningSigns } from '@twofold/core/setbacks/plan-suggestions';
import {
  planSectionInputSchema,
  type MyPlanPart,
  type Plan,
  type PlanGroup,
  type PlanSection,
  type PlanSectionContent,
  type PlanShared,
  type PlanSharedValues,
  type PlanSuggestionList,
  type PlanVersion,
  type SupportRole,
} from '@twofold/core/setbacks/plan.schemas';
import type { MutualHelpGroupId } from '@twofold/core/setbacks/plan-groups';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { addDays, clock, todayIn } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import { requireJointAccess, type JointAccess } from '../../access/together';
import { jointFeaturesOpen } from '../../access/joint-features';
import { findCheckins } from '../checkins/checkins.service';
import { findTriggerLog } from '../triggers/triggers.service';

/**
 * The Continuing Recovery Plan (issue 7). Kept in versions like the Recovery Contract: each
 * partner writes only their own section, either changes the shared part, every change is a new
 * version that needs both signatures again, and the plan in force is the newest version signed by
 * both. Joint: the two current partners only, only what this pair wrote, only while joint features
 * are open (access/together.ts). Free text is stored as ciphertext (JSON inside).
 */

const sharedContext = (versionId: string) => encryptionContext('plan_versions', versionId, 'shared');
const sectionContext = (versionId: string, partnerId: string) => encryptionContext('plan_sections', `${versionId}/${partnerId}`, 'content');

/** Serializes every plan write of one couple (edits and signatures): one consistent order. */
async function lockCouple(tx: Tx, coupleId: string): Promise<void> {
  await tx.selectFrom('couples').select('id').where('id', '=', coupleId).forUpdate().executeTakeFirst();
}

interface StoredVersion {
  id: string;
  version: number;
  change: 'section' | 'shared';
  shared: StoredShared;
  sections: Map<string, PlanSectionContent>;
  createdBy: string | null;
  createdAt: Date;
  signatures: Array<{ partnerId: string; signedAt: Date }>;
  signedByBothAt: Date | null;
}

/** The current pair's versions, newest first, decrypted; only the two partners' sections and signatures. */
async function findStoredVersions(db: DbOrTx, cipher: Cipher, coupleId: string, since: Date, members: string[]): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('planVersions')
    .selectAll()
    .where('coupleId', '=', coupleId)
    .where('createdAt', '>=', since)
    .orderBy('version', 'desc')
    .execute();
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) {
    return [];
  }
  const [sections, signatures] = await Promise.all([
    db
      .selectFrom('planSections')
      .selectAll()
      .where('coupleId', '=', coupleId)
      .where('planVersionId', 'in', ids)
      .where('partnerId', 'in', members)
      .execute(),
    db
      .selectFrom('planSignatures')
      .selectAll()
      .where('coupleId', '=', coupleId)
      .where('planVersionId', 'in', ids)
      .where('partnerId', 'in', members)
      .orderBy('signedAt')
      .execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    change: row.change,
    shared: {
      ...(JSON.parse(cipher.decrypt(row.sharedCiphertext, sharedContext(row.id))) as Omit<StoredShared, 'reviewDate'>),
      reviewDate: row.reviewDate,
    },
    sections: new Map(
      sections
        .filter((section) => section.planVersionId === row.id)
        .map((section) => [
          section.partnerId,
          JSON.parse(cipher.decrypt(section.contentCiphertext, sectionContext(row.id, section.partnerId))) as PlanSectionContent,
        ]),
    ),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    signatures: signatures
      .filter((signature) => signature.planVersionId === row.id)
      .map(({ partnerId, signedAt }) => ({ partnerId, signedAt })),
    signedByBothAt: row.signedByBothAt,
  }));
}

function toGroups(stored: StoredShared['groups'], members: string[]): PlanGroup[] {
  return stored.map((group) => {
    const listed = findMutualHelpGroup(group.groupId as MutualHelpGroupId);
    return {
      groupId: group.groupId as MutualHelpGroupId,
      name: listed?.name ?? group.name,
      finderUrl: listed?.finderUrl ?? null,
      // Someone who is no longer a partner is not named.
      people: group.people.filter((id) => members.includes(id)),
      attendance: group.attendance as PlanGroup['attendance'],
    };
  });
}

function toShared(stored: StoredShared, members: string[]): PlanShared {
  return {
    lapseResponses: stored.lapseResponses,
    supports: stored.supports.map((support) => ({ ...support, role: support.role as SupportRole })),
    groups: toGroups(stored.groups, members),
    reviewDate: stored.reviewDate,
  };
}

function toSection(partnerId: string, content: PlanSectionContent): PlanSection {
  return { partnerId, ...content };
}

/** A version as the viewer sees it: their own section first. */
function toVersion(stored: StoredVersion, viewerId: string, members: string[], isLatest: boolean): PlanVersion {
  const order = [viewerId, ...members.filter((id) => id !== viewerId)];
  return {
    id: stored.id,
    version: stored.version,
    change: stored.change,
    sections: order.flatMap((id) => {
      const content = stored.sections.get(id);
      return content ? [toSection(id, content)] : [];
    }),
    shared: toShared(stored.shared, members),
    createdBy: stored.createdBy,
    createdAt: stored.createdAt.toISOString(),
    signatures: stored.signatures.map((signature) => ({ partnerId: signature.partnerId, signedAt: signature.signedAt.toISOString() })),
    signedByBothAt: stored.signedByBothAt?.toISOString() ?? null,
    can: { sign: isLatest && !stored.signatures.some((signature) => signature.partnerId === viewerId) },
  };
}

async function findVersions(db: DbOrTx, cipher: Cipher, actor: Actor, access: JointAccess): Promise<StoredVersion[]> {
  return findStoredVersions(db, cipher, access.coupleId, access.since, [actor.userId, access.partnerId]);
}

async function todayOf(db: DbOrTx, actor: Actor): Promise<string> {
  const timeZone =
    actor.timeZone ??
    (await db.selectFrom('users').select('timeZone').where('id', '=', actor.userId).executeTakeFirst())?.timeZone ??
    'UTC';
  return todayIn(timeZone, clock.now());
}

async function planOf(db: DbOrTx, cipher: Cipher, actor: Actor, access: JointAccess): Promise<Plan> {
  const [stored, today] = await Promise.all([findVersions(db, cipher, actor, access), todayOf(db, actor)]);
  const members = [actor.userId, access.partnerId];
  const latest = stored[0];
  const active = stored.find((version) => version.signedByBothAt !== null);
  return {
    active: active ? toVersion(active, actor.userId, members, active === latest) : null,
    latest: latest ? toVersion(latest, actor.userId, members, true) : null,
    review: {
      state: planReviewState({
        activeId: active?.id ?? null,
        activeReviewDate: active?.shared.reviewDate ?? null,
        latestId: latest?.id ?? null,
        today,
      }),
      reviewDate: active?.shared.reviewDate ?? null,
      today,
    },
    can: { editMySection: true, editShared: true },
  };
}

/** The couple's plan: the one in force, the newest version, and whether a review is due. Both partners. */
export async function findPlan(db: Db, cipher: Cipher, actor: Actor): Promise<Plan> {
  return planOf(db, cipher, actor, await requireJointAccess(db, actor));
}

/** Every version the current pair saved, newest first. Both partners. */
export async function findPlanVersions(db: Db, cipher: Cipher, actor: Actor): Promise<PlanVersion[]> {
  const access = await requireJointAccess(db, actor);
  const members = [actor.userId, access.partnerId];
  const stored = await findVersions(db, cipher, actor, access);
  return stored.map((version, index) => toVersion(version, actor.userId, members, index === 0));
}

/**
 * Saves a new version from the newest one with one change, under the couple's row lock. With a
 * `baseVersionId` that is not the newest (someone saved meanwhile), the edit is refused
 * (`conflict`); saving what is already there changes nothing.
 */
async function saveVersion(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  baseVersionId: string | null | undefined,
  change: 'section' | 'shared',
  apply: (
    latest: StoredVersion | undefined,
    access: JointAccess,
  ) => { shared: StoredShared; sections: Map<string, PlanSectionContent> } | null,
): Promise<Plan> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const latest = (await findVersions(tx, cipher, actor, access))[0];
    if (baseVersionId !== undefined && (latest?.id ?? null) !== baseVersionId) {
      throw new DomainError('conflict', 'The plan was changed in the meantime. Read the newest version and make your change there.');
    }
    const next = apply(latest, access);
    if (next === null) {
      return planOf(tx, cipher, actor, access);
    }
    // Version numbers run on across pairs of partners in one couple space (unique per couple).
    const { max } = await tx
      .selectFrom('planVersions')
      .select((eb) => eb.fn.max<number | null>('version').as('max'))
      .where('coupleId', '=', access.coupleId)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    const { reviewDate, ...sharedText } = next.shared;
    await tx
      .insertInto('planVersions')
      .values({
        id,
        coupleId: access.coupleId,
        version: (max ?? 0) + 1,
        change,
        sharedCiphertext: cipher.encrypt(JSON.stringify(sharedText), sharedContext(id)),
        reviewDate,
        createdBy: actor.userId,
      })
      .execute();
    for (const [partnerId, content] of next.sections) {
      await tx
        .insertInto('planSections')
        .values({
          planVersionId: id,
          coupleId: access.coupleId,
          partnerId,
          contentCiphertext: cipher.encrypt(JSON.stringify(content), sectionContext(id, partnerId)),
        })
        .execute();
    }
    const saved = await planOf(tx, cipher, actor, access);
    // The event goes last: it holds the couple's event lock only until the commit (platform/events.ts).
    await publishCoupleEvent(tx, access.coupleId, { type: 'plan.updated', actorId: actor.userId, data: { planVersionId: id } });
    return saved;
  });
}

/**
 * Saves the ACTOR's own section as a new version (the shared part and the partner's section are
 * carried over untouched). There is no way to name another partner's section: the route has no
 * partner id, and the writer is always the session's person.
 */
export async function saveMySection(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  baseVersionId: string | null | undefined,
  section: PlanSectionContent,
): Promise<Plan> {
  // Parsed again so that the stored form always has every list, whatever the caller passed.
  const content = planSectionInputSchema.parse(section);
  return saveVersion(db, cipher, actor, baseVersionId, 'section', (latest, access) => {
    const sections = new Map([...(latest?.sections ?? [])].filter(([partnerId]) => partnerId === access.partnerId));
    if (latest && isSameSection(latest.sections.get(actor.userId), content)) {
      return null;
    }
    sections.set(actor.userId, content);
    return { shared: latest?.shared ?? emptyShared, sections };
  });
}

/** Saves the shared part (lapse responses, supports, groups, review date) as a new version. Either partner. */
export async function savePlanShared(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  baseVersionId: string | null | undefined,
  input: PlanSharedValues,
): Promise<Plan> {
  return saveVersion(db, cipher, actor, baseVersionId, 'shared', (latest, access) => {
    const shared = toStoredShared(input, actor.userId, access.partnerId);
    if (latest && isSameShared(latest.shared, shared)) {
      return null;
    }
    const sections = new Map([...(latest?.sections ?? [])].filter(([partnerId]) => [actor.userId, access.partnerId].includes(partnerId)));
    return { shared, sections };
  });
}

/**
 * The actor signs the newest version for themselves (their own session, their own device).
 * Signing again changes nothing; an outdated version is refused (`conflict`). The signature that
 * completes the pair puts the version in force, decided under the couple's row lock so that two
 * signatures at the same moment give one result.
 */
export async function signPlanVersion(db: Db, cipher: Cipher, actor: Actor, versionId: string): Promise<PlanVersion> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      const row = await tx
        .selectFrom('planVersions')
        .select('id')
        .where('id', '=', versionId)
        .where('coupleId', '=', scope.coupleId)
        .where('createdAt', '>=', scope.since)
        .executeTakeFirst();
      if (!row) {
        throw new DomainError('not-found', 'No such plan version.');
      }
    });
    await lockCouple(tx, access.coupleId);
    const members = [actor.userId, access.partnerId];
    const versions = await findVersions(tx, cipher, actor, access);
    const version = versions.find((candidate) => candidate.id === versionId);
    if (!version) {
      throw new DomainError('not-found', 'No such plan version.');
    }
    const decision = decideSignature({
      versionId,
      latestId: versions[0]!.id,
      signers: version.signatures.map((signature) => signature.partnerId),
      actorId: actor.userId,
      partnerId: access.partnerId,
    });
    if (decision.outcome === 'outdated') {
      throw new DomainError('conflict', 'A newer version of the plan was saved. Read it and sign that one.');
    }
    if (decision.outcome === 'already-signed') {
      return toVersion(version, actor.userId, members, true);
    }
    await tx
      .insertInto('planSignatures')
      .values({ planVersionId: version.id, coupleId: access.coupleId, partnerId: actor.userId })
      .onConflict((oc) => oc.columns(['planVersionId', 'partnerId']).doNothing())
      .execute();
    if (decision.signedByBoth) {
      await tx
        .updateTable('planVersions')
        .set({ signedByBothAt: sql<Date>`now()` })
        .where('id', '=', version.id)
        .where('signedByBothAt', 'is', null)
        .execute();
    }
    const signed = (await findVersions(tx, cipher, actor, access)).find((candidate) => candidate.id === version.id)!;
    await publishCoupleEvent(tx, access.coupleId, {
      type: 'plan.signed',
      actorId: actor.userId,
      data: { planVersionId: version.id, signedByBoth: decision.signedByBoth },
    });
    return toVersion(signed, actor.userId, members, true);
  });
}

/**
 * The review date of the plan in force for each of `personIds` who is in a current couple whose
 * joint features are open (the newest version signed by both since this pair was formed), for
 * the plan-review reminder (issue 9). A person without one is left out. Reads only the couple's
 * own plan dates, no free text.
 */
export async function findPlanReviewDates(
  db: DbOrTx,
  personIds: readonly string[],
): Promise<Array<{ personId: string; reviewDate: string }>> {
  if (personIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ personId: string; coupleId: string; reviewDate: string | null }>`
    select m.user_id as person_id, m.couple_id,
      (select pv.review_date::text from plan_versions pv
        where pv.couple_id = m.couple_id and pv.signed_by_both_at is not null
          and pv.created_at >= (select max(x.joined_at) from couple_members x where x.couple_id = m.couple_id and x.left_at is null)
        order by pv.version desc limit 1) as review_date
    from couple_members m
    where m.user_id in (${sql.join([...personIds])}) and m.left_at is null`.execute(db);
  const open = new Map<string, boolean>();
  const found: Array<{ personId: string; reviewDate: string }> = [];
  for (const row of rows) {
    if (row.reviewDate === null) {
      continue;
    }
    if (!open.has(row.coupleId)) {
      open.set(row.coupleId, await jointFeaturesOpen(db, row.coupleId));
    }
    if (open.get(row.coupleId)) {
      found.push({ personId: row.personId, reviewDate: row.reviewDate });
    }
  }
  return found;
}

/** How far back suggestions look, in the person's own days. */
export const suggestionWindowDays = 90;

/**
 * Suggestions for the ACTOR's own section, from the actor's OWN check-ins and trigger log only
 * (never the partner's, whatever they share). Joint like the rest of the plan; warning signs
 * already in the actor's newest section are not suggested again.
 */
export async function findPlanSuggestions(db: Db, cipher: Cipher, actor: Actor): Promise<PlanSuggestionList> {
  const access = await requireJointAccess(db, actor);
  const [latest] = await findVersions(db, cipher, actor, access);
  const today = await todayOf(db, actor);
  const from = addDays(today, -(suggestionWindowDays - 1));
  const [checkins, log, zone] = await Promise.all([
    findCheckins(db, cipher, actor, actor.userId, from, today),
    findTriggerLog(db, cipher, actor, actor.userId),
    db.selectFrom('users').select('timeZone').where('id', '=', actor.userId).executeTakeFirst(),
  ]);
  const timeZone = zone?.timeZone ?? 'UTC';
  const triggerEntries = log
    .map((entry) => ({
      triggerId: entry.triggerId,
      label: entry.triggerLabel,
      date: todayIn(timeZone, Temporal.Instant.from(entry.occurredAt)),
    }))
    .filter((entry) => entry.date >= from && entry.date <= today && entry.label !== '');
  return {
    suggestions: suggestWarningSigns({
      checkins: checkins.checkins,
      triggerEntries,
      existing: latest?.sections.get(actor.userId)?.warningSigns ?? [],
    }),
    lookedAtDays: checkins.checkins.length,
  };
}

/**
 * The person's OWN part of the Continuing Recovery Plan, for their own flows ("I'm struggling",
 * the lapse report's next steps): their section, and the shared lapse responses, supports and
 * groups of the plan in force (else of the newest draft). Never the partner's section.
 * Null when the person has no current partner, joint features are closed, or no plan exists.
 * Only for a service acting for `personId` themselves.
 */
export async function readMyPlanPart(db: DbOrTx, cipher: Cipher, personId: string): Promise<MyPlanPart | null> {
  let access: JointAccess;
  try {
    access = await requireJointAccess(db, { userId: personId, sessionId: '' });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'not-in-couple' || error.code === 'joint-features-closed')) {
      return null;
    }
    throw error;
  }
  const members = [personId, access.partnerId];
  const versions = await findStoredVersions(db, cipher, access.coupleId, access.since, members);
  const chosen = versions.find((version) => version.signedByBothAt !== null) ?? versions[0];
  if (!chosen) {
    return null;
  }
  const mine = chosen.sections.get(personId);
  const shared = toShared(chosen.shared, members);
  return {
    versionId: chosen.id,
    version: chosen.version,
    status: chosen.signedByBothAt !== null ? 'in-force' : 'draft',
    mySection: mine ? toSection(personId, mine) : null,
    lapseResponses: shared.lapseResponses,
    supports: shared.supports,
    groups: shared.groups,
  };
}
