import { sql } from 'kysely';
import type { SupportPreferences, SupportPreferencesInput } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { assertOwnerWrite, readAs } from '../../access/access';
import { encryptionContext } from '../../db/encrypted-columns';

const kind = 'support-preferences';
const context = (ownerId: string, field: string) => encryptionContext('support_preferences', ownerId, field);

/**
 * Support preferences of `ownerId` as `actor` may see them: the owner always (empty until
 * written), the partner or care team only under the owner's sharing setting (audited).
 * Throws `not-found` otherwise.
 */
export async function findSupportPreferences(db: Db, cipher: Cipher, actor: Actor, ownerId: string): Promise<SupportPreferences> {
  return readAs(db, actor, ownerId, kind, async (tx, decision) => {
    const row = await tx.selectFrom('supportPreferences').selectAll().where('ownerId', '=', ownerId).executeTakeFirst();
    const isOwner = decision.relation === 'self';
    if (!row) {
      return isOwner ? { ownerId, helps: '', doesNotHelp: '', updatedAt: null, can: { edit: true } } : undefined;
    }
    return {
      ownerId,
      helps: cipher.decrypt(row.helpsCiphertext, context(ownerId, 'helps')),
      doesNotHelp: cipher.decrypt(row.doesNotHelpCiphertext, context(ownerId, 'does_not_help')),
      updatedAt: row.updatedAt.toISOString(),
      can: { edit: isOwner },
    };
  });
}

/** Saves the actor's own support preferences, encrypted at rest. Only the owner writes them. */
export async function saveSupportPreferences(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: SupportPreferencesInput,
): Promise<SupportPreferences> {
  const ownerId = actor.userId;
  assertOwnerWrite(actor, ownerId);
  const values = {
    helpsCiphertext: cipher.encrypt(input.helps, context(ownerId, 'helps')),
    doesNotHelpCiphertext: cipher.encrypt(input.doesNotHelp, context(ownerId, 'does_not_help')),
    updatedAt: sql<Date>`now()`,
  };
  const row = await db
    .insertInto('supportPreferences')
    .values({ ownerId, ...values })
    .onConflict((oc) => oc.column('ownerId').doUpdateSet(values))
    .returning('updatedAt')
    .executeTakeFirstOrThrow();
  return { ownerId, ...input, updatedAt: row.updatedAt.toISOString(), can: { edit: true } };
}
