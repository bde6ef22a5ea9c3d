import type { Kysely } from 'kysely';

/**
 * Together edits (issue 5): a milestone added to an existing shared goal is attributed to the
 * partner who added it (`created_by`; null for the milestones written with the goal, which are
 * its author's, and after the person's account is deleted). Two partners adding a milestone at
 * the same moment get distinct positions: the goal's row is locked while a position is drawn, and
 * a unique (goal_id, position) makes a second number for one place impossible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('couple_goal_milestones')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.dropIndex('couple_goal_milestones_goal').execute();
  await db.schema
    .alterTable('couple_goal_milestones')
    .addUniqueConstraint('couple_goal_milestones_goal_position', ['goal_id', 'position'])
    .execute();
}
