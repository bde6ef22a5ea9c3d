import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  maxMilestones,
  type Activity,
  type CoupleGoal,
  type activityInputSchema,
  type celebrationSchema,
  type coupleGoalChangeSchema,
  type coupleGoalInputSchema,
} from '@twofold/core/together/future.schemas';
import { streakCelebrations } from '@twofold/core/together/streaks';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { encryptionContext } from '../../db/encrypted-columns';
import { requireJointAccess, type JointAccess } from '../../access/together';
import { findTrustStreaks } from '../together-contract/together-contract.service';

const goalContext = (id: string) => encryptionContext('couple_goals', id, 'title');
const milestoneContext = (id: string) => encryptionContext('couple_goal_milestones', id, 'title');
const activityContext = (id: string) => encryptionContext('couple_activities', id, 'title');

// Shared goals ----------------------------------------------------------------------------------

/** The couple's goals as `viewerId` sees them (a partner; for the care team, `can` is all false). */
export async function goalsOf(
  db: DbOrTx,
  cipher: Cipher,
  access: JointAccess,
  viewerId: string | null,
  goalId?: string,
): Promise<CoupleGoal[]> {
  let goals = db.selectFrom('coupleGoals').selectAll().where('coupleId', '=', access.coupleId).where('createdAt', '>=', access.since);
  if (goalId !== undefined) {
    goals = goals.where('id', '=', goalId);
  }
  const rows = await goals.orderBy('createdAt', 'desc').execute();
  if (rows.length === 0) {
    return [];
  }
  const milestones = await db
    .selectFrom('coupleGoalMilestones')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where(
      'goalId',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const mine = milestones.filter((milestone) => milestone.goalId === row.id);
    const allDone = mine.length > 0 && mine.every((milestone) => milestone.doneAt !== null);
    const lastDone = mine.reduce<Date | null>((last, m) => (m.doneAt && (!last || m.doneAt > last) ? m.doneAt : last), null);
    return {
      id: row.id,
      createdBy: row.createdBy,
      title: cipher.decrypt(row.titleCiphertext, goalContext(row.id)),
      targetDate: row.targetDate,
      milestones: mine.map((milestone) => ({
        id: milestone.id,
        title: cipher.decrypt(milestone.titleCiphertext, milestoneContext(milestone.id)),
        doneAt: milestone.doneAt?.toISOString() ?? null,
        doneBy: milestone.doneBy,
        addedBy: milestone.createdBy,
      })),
      reachedAt: allDone ? (lastDone?.toISOString() ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      can: {
        edit: viewerId !== null && row.createdBy === viewerId,
        addMilestone: viewerId !== null && mine.length < maxMilestones,
      },
    };
  });
}

/** The couple's shared goals with their milestones, newest first. Both partners. */
export async function findCoupleGoals(db: Db, cipher: Cipher, actor: Actor): Promise<CoupleGoal[]> {
  return goalsOf(db, cipher, await requireJointAccess(db, actor), actor.userId);
}

/** Either partner adds a shared goal with its milestones (attributed to them). */
export async function createCoupleGoal(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: z.output<typeof coupleGoalInputSchema>,
): Promise<CoupleGoal> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const id = randomUUID();
    await tx
      .insertInto('coupleGoals')
      .values({
        id,
        coupleId: access.coupleId,
        createdBy: actor.userId,
        titleCiphertext: cipher.encrypt(input.title, goalContext(id)),
        targetDate: input.targetDate,
      })
      .execute();
    for (const [position, milestone] of input.milestones.entries()) {
      const milestoneId = randomUUID();
      await tx
        .insertInto('coupleGoalMilestones')
        .values({
          id: milestoneId,
          goalId: id,
          coupleId: access.coupleId,
          position,
          titleCiphertext: cipher.encrypt(milestone.title, milestoneContext(milestoneId)),
        })
        .execute();
    }
    const created = (await goalsOf(tx, cipher, access, actor.userId, id))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'goal.updated', actorId: actor.userId, data: { goalId: id } });
    return created;
  });
}

/**
 * Either partner ticks a milestone, or unticks it. Two taps at the same moment give one result:
 * the update changes the row only when it is not already in the asked state, so the first tap
 * wins (its author is `doneBy`) and the second changes nothing.
 */
export async function tickMilestone(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  goalId: string,
  milestoneId: string,
  done: boolean,
): Promise<CoupleGoal> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      const goal = (await goalsOf(tx, cipher, scope, actor.userId, goalId))[0];
      if (!goal?.milestones.some((milestone) => milestone.id === milestoneId)) {
        throw new DomainError('not-found', 'No such milestone.');
      }
    });
    const changed = await tx
      .updateTable('coupleGoalMilestones')
      .set(done ? { doneAt: sql<Date>`now()`, doneBy: actor.userId } : { doneAt: null, doneBy: null })
      .where('id', '=', milestoneId)
      .where('goalId', '=', goalId)
      .where('coupleId', '=', access.coupleId)
      .where('doneAt', done ? 'is' : 'is not', null)
      .executeTakeFirst();
    const result = (await goalsOf(tx, cipher, access, actor.userId, goalId))[0]!;
    if (changed.numUpdatedRows > 0n) {
      await publishCoupleEvent(tx, access.coupleId, { type: 'goal.updated', actorId: actor.userId, data: { goalId, milestoneId } });
    }
    return result;
  });
}

/**
 * Locks the goal's row for this transaction (edits, deletes and added milestones of one goal
 * happen one after the other) and returns it; `not-found` for an id that is no goal of the pair.
 */
async function lockGoal(tx: Tx, access: JointAccess, goalId: string) {
  const row = await tx
    .selectFrom('coupleGoals')
    .select(['id', 'createdBy'])
    .where('id', '=', goalId)
    .where('coupleId', '=', access.coupleId)
    .where('createdAt', '>=', access.since)
    .forUpdate()
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such goal.');
  }
  return row;
}

function goalExists(tx: DbOrTx, goalId: string) {
  return async (scope: JointAccess): Promise<void> => {
    const row = await tx
      .selectFrom('coupleGoals')
      .select('id')
      .where('id', '=', goalId)
      .where('coupleId', '=', scope.coupleId)
      .where('createdAt', '>=', scope.since)
      .executeTakeFirst();
    if (!row) {
      throw new DomainError('not-found', 'No such goal.');
    }
  };
}

/**
 * The goal's author changes its title and target date (`forbidden` for the other partner: every
 * write is attributed, and nobody rewrites the other's words).
 */
export async function changeCoupleGoal(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  goalId: string,
  input: z.output<typeof coupleGoalChangeSchema>,
): Promise<CoupleGoal> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, goalExists(tx, goalId));
    const goal = await lockGoal(tx, access, goalId);
    if (goal.createdBy !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who wrote a goal changes it. You can add a milestone or tick one.');
    }
    await tx
      .updateTable('coupleGoals')
      .set({ titleCiphertext: cipher.encrypt(input.title, goalContext(goalId)), targetDate: input.targetDate })
      .where('id', '=', goalId)
      .where('coupleId', '=', access.coupleId)
      .execute();
    const result = (await goalsOf(tx, cipher, access, actor.userId, goalId))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'goal.updated', actorId: actor.userId, data: { goalId } });
    return result;
  });
}

/** The goal's author deletes it with its milestones (`forbidden` for the other partner). */
export async function deleteCoupleGoal(db: Db, actor: Actor, goalId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, goalExists(tx, goalId));
    const goal = await lockGoal(tx, access, goalId);
    if (goal.createdBy !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who wrote a goal deletes it.');
    }
    await tx.deleteFrom('coupleGoals').where('id', '=', goalId).where('coupleId', '=', access.coupleId).execute();
    await publishCoupleEvent(tx, access.coupleId, { type: 'goal.deleted', actorId: actor.userId, data: { goalId } });
  });
}

/**
 * Either partner adds a milestone to an existing goal, at its end, attributed to them. The goal's
 * row lock orders two adds at the same moment, so each gets its own place; at most 20 (`conflict`).
 */
export async function addMilestone(db: Db, cipher: Cipher, actor: Actor, goalId: string, title: string): Promise<CoupleGoal> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, goalExists(tx, goalId));
    await lockGoal(tx, access, goalId);
    const last = await tx
      .selectFrom('coupleGoalMilestones')
      .select((eb) => [eb.fn.max('position').as('position'), eb.fn.countAll<string>().as('n')])
      .where('goalId', '=', goalId)
      .executeTakeFirstOrThrow();
    if (Number(last.n) >= maxMilestones) {
      throw new DomainError('conflict', `A goal has at most ${maxMilestones} milestones.`);
    }
    const milestoneId = randomUUID();
    await tx
      .insertInto('coupleGoalMilestones')
      .values({
        id: milestoneId,
        goalId,
        coupleId: access.coupleId,
        position: last.position === null ? 0 : Number(last.position) + 1,
        titleCiphertext: cipher.encrypt(title, milestoneContext(milestoneId)),
        createdBy: actor.userId,
      })
      .execute();
    const result = (await goalsOf(tx, cipher, access, actor.userId, goalId))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'goal.updated', actorId: actor.userId, data: { goalId, milestoneId } });
    return result;
  });
}

// Shared Rewarding Activities ---------------------------------------------------------------------

/** The couple's activities as `viewerId` sees them (a partner; for the care team, `can` is all false). */
export async function activitiesOf(
  db: DbOrTx,
  cipher: Cipher,
  access: JointAccess,
  viewerId: string | null,
  activityId?: string,
): Promise<Activity[]> {
  let query = db.selectFrom('coupleActivities').selectAll().where('coupleId', '=', access.coupleId).where('createdAt', '>=', access.since);
  if (activityId !== undefined) {
    query = query.where('id', '=', activityId);
  }
  const rows = await query.execute();
  if (rows.length === 0) {
    return [];
  }
  const ratings = await db
    .selectFrom('activityRatings')
    .select(['activityId', 'partnerId', 'rating'])
    .where('coupleId', '=', access.coupleId)
    .where(
      'activityId',
      'in',
      rows.map((row) => row.id),
    )
    .where('partnerId', 'in', access.partnerIds)
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      createdBy: row.createdBy,
      title: cipher.decrypt(row.titleCiphertext, activityContext(row.id)),
      plannedFor: row.plannedFor,
      doneAt: row.doneAt?.toISOString() ?? null,
      doneBy: row.doneBy,
      ratings: ratings.filter((r) => r.activityId === row.id).map(({ partnerId, rating }) => ({ partnerId, rating })),
      createdAt: row.createdAt.toISOString(),
      can: { rate: viewerId !== null && row.doneAt !== null, edit: viewerId !== null && row.createdBy === viewerId },
    }))
    .sort(
      (a, b) =>
        Number(a.doneAt !== null) - Number(b.doneAt !== null) ||
        (a.doneAt === null ? (a.plannedFor ?? '9999').localeCompare(b.plannedFor ?? '9999') : (b.doneAt ?? '').localeCompare(a.doneAt)),
    );
}

/** Not-found for an id that is no activity of the current pair, asked before the joint-features gate. */
function activityExists(tx: DbOrTx, id: string) {
  return async (scope: JointAccess): Promise<void> => {
    const row = await tx
      .selectFrom('coupleActivities')
      .select('id')
      .where('id', '=', id)
      .where('coupleId', '=', scope.coupleId)
      .where('createdAt', '>=', scope.since)
      .executeTakeFirst();
    if (!row) {
      throw new DomainError('not-found', 'No such activity.');
    }
  };
}

/** The couple's planned and done activities with each partner's rating. Both partners. */
export async function findActivities(db: Db, cipher: Cipher, actor: Actor): Promise<Activity[]> {
  const access = await requireJointAccess(db, actor);
  return activitiesOf(db, cipher, access, actor.userId);
}

/** Either partner plans a shared activity (attributed to them). */
export async function planActivity(db: Db, cipher: Cipher, actor: Actor, input: z.output<typeof activityInputSchema>): Promise<Activity> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const id = randomUUID();
    await tx
      .insertInto('coupleActivities')
      .values({
        id,
        coupleId: access.coupleId,
        createdBy: actor.userId,
        titleCiphertext: cipher.encrypt(input.title, activityContext(id)),
        plannedFor: input.plannedFor,
      })
      .execute();
    const result = (await activitiesOf(tx, cipher, access, actor.userId, id))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'activity.updated', actorId: actor.userId, data: { activityId: id } });
    return result;
  });
}

/** Either partner marks it done (or not yet); the first mark wins, like a milestone. */
export async function markActivityDone(db: Db, cipher: Cipher, actor: Actor, id: string, done: boolean): Promise<Activity> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, activityExists(tx, id));
    const changed = await tx
      .updateTable('coupleActivities')
      .set(done ? { doneAt: sql<Date>`now()`, doneBy: actor.userId } : { doneAt: null, doneBy: null })
      .where('id', '=', id)
      .where('coupleId', '=', access.coupleId)
      .where('doneAt', done ? 'is' : 'is not', null)
      .executeTakeFirst();
    const result = (await activitiesOf(tx, cipher, access, actor.userId, id))[0]!;
    if (changed.numUpdatedRows > 0n) {
      await publishCoupleEvent(tx, access.coupleId, { type: 'activity.updated', actorId: actor.userId, data: { activityId: id } });
    }
    return result;
  });
}

/** The actor rates a done activity for themselves only (again: the new rating replaces theirs). */
export async function rateActivity(db: Db, cipher: Cipher, actor: Actor, id: string, rating: number): Promise<Activity> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, activityExists(tx, id));
    const activity = (await activitiesOf(tx, cipher, access, actor.userId, id))[0]!;
    if (activity.doneAt === null) {
      throw new DomainError('conflict', 'An activity is rated once you have done it.');
    }
    await tx
      .insertInto('activityRatings')
      .values({ activityId: id, coupleId: access.coupleId, partnerId: actor.userId, rating })
      .onConflict((oc) => oc.columns(['activityId', 'partnerId']).doUpdateSet({ rating, ratedAt: sql<Date>`now()` }))
      .execute();
    const result = (await activitiesOf(tx, cipher, access, actor.userId, id))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'activity.updated', actorId: actor.userId, data: { activityId: id } });
    return result;
  });
}

async function lockActivity(tx: Tx, access: JointAccess, id: string) {
  const row = await tx
    .selectFrom('coupleActivities')
    .select(['id', 'createdBy'])
    .where('id', '=', id)
    .where('coupleId', '=', access.coupleId)
    .where('createdAt', '>=', access.since)
    .forUpdate()
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such activity.');
  }
  return row;
}

/** The partner who planned an activity changes its title and date (`forbidden` for the other). */
export async function changeActivity(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  input: z.output<typeof activityInputSchema>,
): Promise<Activity> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, activityExists(tx, id));
    const row = await lockActivity(tx, access, id);
    if (row.createdBy !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who planned an activity changes it. You can mark it done and rate it.');
    }
    await tx
      .updateTable('coupleActivities')
      .set({ titleCiphertext: cipher.encrypt(input.title, activityContext(id)), plannedFor: input.plannedFor })
      .where('id', '=', id)
      .where('coupleId', '=', access.coupleId)
      .execute();
    const result = (await activitiesOf(tx, cipher, access, actor.userId, id))[0]!;
    await publishCoupleEvent(tx, access.coupleId, { type: 'activity.updated', actorId: actor.userId, data: { activityId: id } });
    return result;
  });
}

/** The partner who planned an activity deletes it, with both ratings (`forbidden` for the other). */
export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, activityExists(tx, id));
    const row = await lockActivity(tx, access, id);
    if (row.createdBy !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who planned an activity deletes it.');
    }
    await tx.deleteFrom('coupleActivities').where('id', '=', id).where('coupleId', '=', access.coupleId).execute();
    await publishCoupleEvent(tx, access.coupleId, { type: 'activity.deleted', actorId: actor.userId, data: { activityId: id } });
  });
}

// Celebrations -------------------------------------------------------------------------------------

type Celebration = z.infer<typeof celebrationSchema>;

/**
 * What the couple reached together, derived from their joint items (nothing stored): the
 * contract first signed by both, milestones ticked, goals reached (every milestone ticked) and
 * Trust Discussion streaks (the best streak at or above 7, 14, 30 … days). Shown to both.
 */
export async function findCelebrations(db: Db, cipher: Cipher, actor: Actor): Promise<Celebration[]> {
  const access = await requireJointAccess(db, actor);
  const [goals, firstSigned, streaks] = await Promise.all([
    goalsOf(db, cipher, access, actor.userId),
    db
      .selectFrom('contractVersions')
      .select((eb) => eb.fn.min('signedByBothAt').as('at'))
      .where('coupleId', '=', access.coupleId)
      .where('createdAt', '>=', access.since)
      .executeTakeFirst(),
    findTrustStreaks(db, cipher, actor),
  ]);
  const none = { goalId: null, milestoneId: null, title: null, days: null };
  const dated: Celebration[] = [];
  if (firstSigned?.at) {
    dated.push({ ...none, kind: 'contract-signed', at: new Date(firstSigned.at).toISOString() });
  }
  for (const goal of goals) {
    for (const milestone of goal.milestones) {
      if (milestone.doneAt) {
        dated.push({
          ...none,
          kind: 'milestone',
          at: milestone.doneAt,
          goalId: goal.id,
          milestoneId: milestone.id,
          title: milestone.title,
        });
      }
    }
    if (goal.reachedAt) {
      dated.push({ ...none, kind: 'goal-reached', at: goal.reachedAt, goalId: goal.id, title: goal.title });
    }
  }
  dated.sort((a, b) => b.at!.localeCompare(a.at!));
  const streaksReached = streakCelebrations
    .filter((days) => streaks.best >= days)
    .reverse()
    .map((days): Celebration => ({ ...none, kind: 'trust-streak', at: null, days }));
  return [...dated, ...streaksReached];
}
