import { randomUUID } from 'node:crypto';
import {
  copingTools,
  type CopingRun,
  type CopingRunInput,
  type CopingStats,
  type SupportContact,
} from '@twofold/core/recovery/coping.schemas';
import type { z } from 'zod';
import type { supportContactInputSchema } from '@twofold/core/recovery/coping.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { readAs } from '../../access/access';

/** Logs one run of a coping tool ("craving now"), by and for the actor. */
export async function logCopingRun(db: Db, actor: Actor, input: Required<CopingRunInput>): Promise<CopingRun> {
  if (input.tool !== 'urge-surfing' && input.urgeDuring.length > 0) {
    throw new DomainError('validation-failed', 'Ratings during the run belong to urge surfing.', [
      { pointer: '/urgeDuring', message: 'Only for urge surfing.' },
    ]);
  }
  const row = await db
    .insertInto('copingRuns')
    .values({ ownerId: actor.userId, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

function toRun(row: {
  id: string;
  tool: CopingRun['tool'];
  urgeBefore: number;
  urgeAfter: number | null;
  urgeDuring: number[];
  durationSeconds: number;
  startedAt: Date;
}): CopingRun {
  return {
    id: row.id,
    tool: row.tool,
    urgeBefore: row.urgeBefore,
    urgeAfter: row.urgeAfter,
    urgeDuring: row.urgeDuring.map(Number),
    durationSeconds: row.durationSeconds,
    startedAt: row.startedAt.toISOString(),
  };
}

/**
 * Coping runs of `ownerId` and, per tool, how much the urge dropped on average — which tools
 * helped this person most (kind `coping`). Only runs rated at the end count toward the average.
 */
export async function findCopingStats(db: Db, actor: Actor, ownerId: string): Promise<CopingStats> {
  return readAs(db, actor, ownerId, 'coping', async (tx) => {
    const rows = await tx.selectFrom('copingRuns').selectAll().where('ownerId', '=', ownerId).orderBy('startedAt', 'desc').execute();
    const runs = rows.map(toRun);
    const byTool = copingTools.map((tool) => {
      const ofTool = runs.filter((run) => run.tool === tool);
      const completed = ofTool.filter((run) => run.urgeAfter !== null);
      const averageDrop =
        completed.length === 0 ? null : completed.reduce((sum, run) => sum + run.urgeBefore - run.urgeAfter!, 0) / completed.length;
      return { tool, runs: ofTool.length, completedRuns: completed.length, averageDrop };
    });
    return { ownerId, runs: runs.slice(0, 50), byTool };
  });
}

type SupportContactInput = z.output<typeof supportContactInputSchema>;
const contactContext = (id: string) => encryptionContext('support_contacts', id, 'details');

/** The actor's own supports: people they can call or text from "craving now". Owner only. */
export async function findMySupportContacts(db: Db, cipher: Cipher, actor: Actor): Promise<SupportContact[]> {
  const rows = await db.selectFrom('supportContacts').selectAll().where('ownerId', '=', actor.userId).orderBy('createdAt').execute();
  return rows.map((row) => ({
    id: row.id,
    ...(JSON.parse(cipher.decrypt(row.detailsCiphertext, contactContext(row.id))) as SupportContactInput),
  }));
}

export async function addSupportContact(db: Db, cipher: Cipher, actor: Actor, input: SupportContactInput): Promise<SupportContact> {
  const id = randomUUID();
  await db
    .insertInto('supportContacts')
    .values({ id, ownerId: actor.userId, detailsCiphertext: cipher.encrypt(JSON.stringify(input), contactContext(id)) })
    .execute();
  return { id, ...input };
}

export async function deleteSupportContact(db: Db, actor: Actor, id: string): Promise<void> {
  const result = await db.deleteFrom('supportContacts').where('id', '=', id).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'No such contact.');
  }
}
