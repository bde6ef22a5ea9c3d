import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Goal, goalInputSchema } from '@twofold/core/recovery/goals.schemas';
import type { Db, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { readAs } from '../../access/access';

type GoalValues = z.output<typeof goalInputSchema>;

/** Goals of `ownerId` with their steps (kind `goals`): open goals first, then by due date. */
export async function findGoals(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<Goal[]> {
  return readAs(db, actor, ownerId, 'goals', async (tx, decision) => {
    const [goals, steps] = await Promise.all([
      tx.selectFrom('goals').selectAll().where('ownerId', '=', ownerId).orderBy('createdAt').execute(),
      tx.selectFrom('goalSteps').selectAll().where('ownerId', '=', ownerId).orderBy('position').execute(),
    ]);
    return goals
      .map((goal) => ({
        id: goal.id,
        title: cipher.decrypt(goal.titleCiphertext, encryptionContext('goals', goal.id, 'title')),
        why: cipher.decrypt(goal.whyCiphertext, encryptionContext('goals', goal.id, 'why')),
        dueDate: goal.dueDate,
        completedAt: goal.completedAt?.toISOString() ?? null,
        createdAt: goal.createdAt.toISOString(),
        steps: steps
          .filter((step) => step.goalId === goal.id)
          .map((step) => ({
            id: step.id,
            title: cipher.decrypt(step.titleCiphertext, encryptionContext('goal_steps', step.id, 'title')),
            dueDate: step.dueDate,
            doneAt: step.doneAt?.toISOString() ?? null,
          })),
        can: { edit: decision.relation === 'self' },
      }))
      .sort(
        (a, b) =>
          Number(a.completedAt !== null) - Number(b.completedAt !== null) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      );
  });
}

async function writeSteps(tx: Tx, cipher: Cipher, ownerId: string, goalId: string, steps: GoalValues['steps']): Promise<void> {
  for (const [position, step] of steps.entries()) {
    const id = randomUUID();
    await tx
      .insertInto('goalSteps')
      .values({
        id,
        goalId,
        ownerId,
        position,
        titleCiphertext: cipher.encrypt(step.title, encryptionContext('goal_steps', id, 'title')),
        dueDate: step.dueDate,
      })
      .execute();
  }
}

export async function createGoal(db: Db, cipher: Cipher, actor: Actor, input: GoalValues): Promise<Goal> {
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('goals')
      .values({
        id,
        ownerId: actor.userId,
        titleCiphertext: cipher.encrypt(input.title, encryptionContext('goals', id, 'title')),
        whyCiphertext: cipher.encrypt(input.why, encryptionContext('goals', id, 'why')),
        dueDate: input.dueDate,
      })
      .execute();
    await writeSteps(tx, cipher, actor.userId, id, input.steps);
  });
  return (await findGoals(db, cipher, actor, actor.userId)).find((goal) => goal.id === id)!;
}

/** Replaces a goal's text, due date and steps; steps already ticked keep their tick when their title stays. */
export async function updateGoal(db: Db, cipher: Cipher, actor: Actor, id: string, input: GoalValues): Promise<Goal> {
  const before = (await findGoals(db, cipher, actor, actor.userId)).find((goal) => goal.id === id);
  if (!before) {
    throw new DomainError('not-found', 'No such goal.');
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('goals')
      .set({
        titleCiphertext: cipher.encrypt(input.title, encryptionContext('goals', id, 'title')),
        whyCiphertext: cipher.encrypt(input.why, encryptionContext('goals', id, 'why')),
        dueDate: input.dueDate,
      })
      .where('id', '=', id)
      .where('ownerId', '=', actor.userId)
      .execute();
    await tx.deleteFrom('goalSteps').where('goalId', '=', id).execute();
    await writeSteps(tx, cipher, actor.userId, id, input.steps);
    const ticked = new Set(before.steps.filter((step) => step.doneAt !== null).map((step) => step.title));
    const steps = await tx.selectFrom('goalSteps').select(['id', 'titleCiphertext']).where('goalId', '=', id).execute();
    for (const step of steps) {
      if (ticked.has(cipher.decrypt(step.titleCiphertext, encryptionContext('goal_steps', step.id, 'title')))) {
        await tx
          .updateTable('goalSteps')
          .set({ doneAt: sql<Date>`now()` })
          .where('id', '=', step.id)
          .execute();
      }
    }
  });
  return (await findGoals(db, cipher, actor, actor.userId)).find((goal) => goal.id === id)!;
}

/** Only the owner ticks off their goal or a step. */
export async function markGoalDone(db: Db, cipher: Cipher, actor: Actor, id: string, done: boolean): Promise<Goal> {
  const result = await db
    .updateTable('goals')
    .set({ completedAt: done ? sql<Date>`now()` : null })
    .where('id', '=', id)
    .where('ownerId', '=', actor.userId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new DomainError('not-found', 'No such goal.');
  }
  return (await findGoals(db, cipher, actor, actor.userId)).find((goal) => goal.id === id)!;
}

export async function markStepDone(db: Db, cipher: Cipher, actor: Actor, goalId: string, stepId: string, done: boolean): Promise<Goal> {
  const result = await db
    .updateTable('goalSteps')
    .set({ doneAt: done ? sql<Date>`now()` : null })
    .where('id', '=', stepId)
    .where('goalId', '=', goalId)
    .where('ownerId', '=', actor.userId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new DomainError('not-found', 'No such step.');
  }
  return (await findGoals(db, cipher, actor, actor.userId)).find((goal) => goal.id === goalId)!;
}

export async function deleteGoal(db: Db, actor: Actor, id: string): Promise<void> {
  const result = await db.deleteFrom('goals').where('id', '=', id).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'No such goal.');
  }
}
