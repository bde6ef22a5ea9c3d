import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { JournalEntry } from '@twofold/core/recovery/journal.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { readEntriesSharedWithCareTeam } from '../../access/access';
import type { JournalEntriesTable } from '../../db/database';

type Row = Omit<JournalEntriesTable, 'id' | 'createdAt' | 'updatedAt' | 'sharedWithCareTeamAt'> & {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  sharedWithCareTeamAt: Date | null;
};
const context = (id: string, field: 'title' | 'body') => encryptionContext('journal_entries', id, field);

function toEntry(row: Row, cipher: Cipher, isOwner: boolean): JournalEntry {
  return {
    id: row.id,
    title: cipher.decrypt(row.titleCiphertext, context(row.id, 'title')),
    body: cipher.decrypt(row.bodyCiphertext, context(row.id, 'body')),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sharedWithCareTeam: row.sharedWithCareTeamAt !== null,
    can: { edit: isOwner },
  };
}

/**
 * The actor's own journal, newest first. Entries are encrypted at rest, so search happens here,
 * after decryption, over the owner's own entries (case- and accent-insensitive).
 */
export async function findMyJournal(db: Db, cipher: Cipher, actor: Actor, query?: string): Promise<JournalEntry[]> {
  const rows = await db.selectFrom('journalEntries').selectAll().where('ownerId', '=', actor.userId).orderBy('createdAt', 'desc').execute();
  const entries = rows.map((row) => toEntry(row, cipher, true));
  if (!query) {
    return entries;
  }
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const needle = fold(query);
  return entries.filter((entry) => fold(`${entry.title}\n${entry.body}`).includes(needle));
}

export async function writeJournalEntry(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: { title: string; body: string },
): Promise<JournalEntry> {
  const id = randomUUID();
  const row = await db
    .insertInto('journalEntries')
    .values({
      id,
      ownerId: actor.userId,
      titleCiphertext: cipher.encrypt(input.title, context(id, 'title')),
      bodyCiphertext: cipher.encrypt(input.body, context(id, 'body')),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row, cipher, true);
}

async function updateOwn(db: DbOrTx, actor: Actor, id: string, values: Record<string, unknown>): Promise<Row> {
  const row = await db
    .updateTable('journalEntries')
    .set({ ...values, updatedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .where('ownerId', '=', actor.userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such entry.');
  }
  return row;
}

export async function editJournalEntry(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  input: { title: string; body: string },
): Promise<JournalEntry> {
  const row = await updateOwn(db, actor, id, {
    titleCiphertext: cipher.encrypt(input.title, context(id, 'title')),
    bodyCiphertext: cipher.encrypt(input.body, context(id, 'body')),
  });
  return toEntry(row, cipher, true);
}

/** The owner shares one entry with their care team, or stops sharing it, at once. Never with the partner. */
export async function shareJournalEntry(db: Db, cipher: Cipher, actor: Actor, id: string, shared: boolean): Promise<JournalEntry> {
  const row = await updateOwn(db, actor, id, { sharedWithCareTeamAt: shared ? sql<Date>`now()` : null });
  return toEntry(row, cipher, true);
}

export async function deleteJournalEntry(db: Db, actor: Actor, id: string): Promise<void> {
  const result = await db.deleteFrom('journalEntries').where('id', '=', id).where('ownerId', '=', actor.userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'No such entry.');
  }
}

/** For the owner's clinicians: only the entries the owner shared with the care team (audited). */
export async function findJournalEntriesSharedWithCareTeam(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<JournalEntry[]> {
  return readEntriesSharedWithCareTeam(db, actor, ownerId, 'journal', async (tx) => {
    const rows = await tx
      .selectFrom('journalEntries')
      .selectAll()
      .where('ownerId', '=', ownerId)
      .where('sharedWithCareTeamAt', 'is not', null)
      .orderBy('createdAt', 'desc')
      .execute();
    return rows.map((row) => toEntry(row, cipher, false));
  });
}
