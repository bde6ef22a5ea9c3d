import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Trigger, TriggerEntry, TriggerEntryInput } from '@twofold/core/recovery/triggers.schemas';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { readAs } from '../../access/access';

/**
 * Common triggers, offered to start a person's own list (relapse-prevention practice: Marlatt &
 * Gordon's high-risk situations — negative emotions, interpersonal conflict, social pressure,
 * positive emotions/celebrations, physical discomfort, urges and cues).
 */
export const starterTriggers = [
  'Stress',
  'Conflict with my partner',
  'Loneliness',
  'Boredom',
  'Celebrations',
  'People I used with',
  'Tiredness',
  'Pain',
];

const labelContext = (id: string) => encryptionContext('triggers', id, 'label');

async function loadTriggers(db: DbOrTx, cipher: Cipher, ownerId: string): Promise<Array<{ id: string; label: string }>> {
  const rows = await db
    .selectFrom('triggers')
    .select(['id', 'labelCiphertext'])
    .where('ownerId', '=', ownerId)
    .orderBy('createdAt')
    .execute();
  return rows.map((row) => ({ id: row.id, label: cipher.decrypt(row.labelCiphertext, labelContext(row.id)) }));
}

/** The actor's trigger list; on first use it is started with the common triggers. */
export async function findMyTriggers(db: Db, cipher: Cipher, actor: Actor): Promise<Trigger[]> {
  let triggers = await loadTriggers(db, cipher, actor.userId);
  if (triggers.length === 0) {
    // Two first requests at once (two tabs) must not start the list twice.
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`triggers:${actor.userId}`}))`.execute(tx);
      if ((await loadTriggers(tx, cipher, actor.userId)).length === 0) {
        for (const label of starterTriggers) {
          await insertTrigger(tx, cipher, actor.userId, label);
        }
      }
    });
    triggers = await loadTriggers(db, cipher, actor.userId);
  }
  const counts = await db
    .selectFrom('triggerEntries')
    .select(['triggerId', (eb) => eb.fn.countAll<string>().as('n')])
    .where('ownerId', '=', actor.userId)
    .groupBy('triggerId')
    .execute();
  const byId = new Map(counts.map((c) => [c.triggerId, Number(c.n)]));
  return triggers.map((t) => ({ ...t, timesLogged: byId.get(t.id) ?? 0 }));
}

async function insertTrigger(tx: Tx, cipher: Cipher, ownerId: string, label: string): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('triggers')
    .values({ id, ownerId, labelCiphertext: cipher.encrypt(label, labelContext(id)) })
    .execute();
  return id;
}

/** Adds a trigger to the actor's list, or returns the one with the same label (case-insensitive). */
export async function addMyTrigger(db: Db, cipher: Cipher, actor: Actor, label: string): Promise<Trigger> {
  return db.transaction().execute(async (tx) => {
    const id = await findOrAddTrigger(tx, cipher, actor.userId, label);
    return { id, label: (await loadTriggers(tx, cipher, actor.userId)).find((t) => t.id === id)!.label, timesLogged: 0 };
  });
}

async function findOrAddTrigger(tx: Tx, cipher: Cipher, ownerId: string, label: string): Promise<string> {
  const existing = (await loadTriggers(tx, cipher, ownerId)).find((t) => t.label.toLowerCase() === label.toLowerCase());
  return existing?.id ?? insertTrigger(tx, cipher, ownerId, label);
}

/** Throws a field error unless every id is on `ownerId`'s own list. */
export async function assertOwnTriggers(db: DbOrTx, ownerId: string, ids: readonly string[], pointer: string): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  const rows = await db
    .selectFrom('triggers')
    .select('id')
    .where('ownerId', '=', ownerId)
    .where('id', 'in', [...ids])
    .execute();
  if (rows.length !== new Set(ids).size) {
    throw new DomainError('validation-failed', 'Choose triggers from your own list.', [{ pointer, message: 'Unknown trigger.' }]);
  }
}

/**
 * The labels of `ids` on `ownerId`'s own trigger list, in the order given (a lapse report keeps
 * them as they were named). Throws a field error at `pointer` unless every id is on the list.
 */
export async function findOwnTriggerLabels(
  db: DbOrTx,
  cipher: Cipher,
  ownerId: string,
  ids: readonly string[],
  pointer: string,
): Promise<Array<{ id: string; label: string }>> {
  await assertOwnTriggers(db, ownerId, ids, pointer);
  if (ids.length === 0) {
    return [];
  }
  const labels = new Map((await loadTriggers(db, cipher, ownerId)).map((trigger) => [trigger.id, trigger.label]));
  return [...new Set(ids)].map((id) => ({ id, label: labels.get(id) ?? '' }));
}

interface EntryDetails {
  situation: string;
  people: string;
  place: string;
  feeling: string;
  whatIDid: string;
}

/** Logs a trigger for the actor; its label joins their trigger list. */
export async function logTrigger(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: TriggerEntryInput & { occurredAt: string; triggerLabel: string },
): Promise<TriggerEntry> {
  const entryId = await db.transaction().execute(async (tx) => {
    const triggerId = await findOrAddTrigger(tx, cipher, actor.userId, input.triggerLabel);
    const details: EntryDetails = {
      situation: input.situation ?? '',
      people: input.people ?? '',
      place: input.place ?? '',
      feeling: input.feeling ?? '',
      whatIDid: input.whatIDid ?? '',
    };
    const id = randomUUID();
    await tx
      .insertInto('triggerEntries')
      .values({
        id,
        ownerId: actor.userId,
        triggerId,
        occurredAt: input.occurredAt,
        detailsCiphertext: cipher.encrypt(JSON.stringify(details), encryptionContext('trigger_entries', id, 'details')),
        aboutRelationship: input.aboutRelationship,
        intensity: input.intensity,
        outcome: input.outcome,
      })
      .execute();
    return id;
  });
  const entries = await findTriggerLog(db, cipher, actor, actor.userId);
  return entries.find((entry) => entry.id === entryId)!;
}

/** The trigger log of `ownerId`, newest first, as `actor` may see it (kind `triggers`). */
export async function findTriggerLog(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<TriggerEntry[]> {
  return readAs(db, actor, ownerId, 'triggers', async (tx, decision) => {
    const labels = new Map((await loadTriggers(tx, cipher, ownerId)).map((t) => [t.id, t.label]));
    const rows = await tx
      .selectFrom('triggerEntries')
      .selectAll()
      .where('ownerId', '=', ownerId)
      .orderBy('occurredAt', 'desc')
      .limit(500)
      .execute();
    return rows.map((row) => {
      const details = JSON.parse(
        cipher.decrypt(row.detailsCiphertext, encryptionContext('trigger_entries', row.id, 'details')),
      ) as EntryDetails;
      return {
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        triggerId: row.triggerId,
        triggerLabel: labels.get(row.triggerId) ?? '',
        ...details,
        aboutRelationship: row.aboutRelationship,
        intensity: row.intensity,
        outcome: row.outcome,
        can: { edit: decision.relation === 'self' },
      };
    });
  });
}

/** Removes one of the actor's own trigger log entries. */
export async function deleteTriggerEntry(db: Db, actor: Actor, entryId: string): Promise<void> {
  const result = await db.deleteFrom('triggerEntries').where('id', '=', entryId).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'No such entry.');
  }
}
