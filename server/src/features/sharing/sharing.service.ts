import { sql } from 'kysely';
import { type Audience, type DataKind, allowedAudiences, dataKindIds, defaultAudience } from '@twofold/core/sharing/data-kinds';
import type { SharingSetting, SharingSettings } from '@twofold/core/sharing/sharing.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import type { Cipher } from '../../platform/crypto';
import { DomainError } from '../../platform/errors';
import type { ConsentTerms } from '@twofold/core/programs/consent.schemas';
import { recordConsentsForSetting } from '../consents/consents.service';

/** The actor's setting for every registered kind; a kind never set is `private`. */
export async function findMySharing(db: Db, actor: Actor): Promise<SharingSettings> {
  const rows = await db.selectFrom('sharingSettings').selectAll().where('ownerId', '=', actor.userId).execute();
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return {
    settings: dataKindIds.map((kind): SharingSetting => {
      const row = byKind.get(kind);
      return {
        kind,
        audience: row?.audience ?? defaultAudience,
        updatedAt: row ? row.updatedAt.toISOString() : null,
        allowedAudiences: [...allowedAudiences(kind)],
      };
    }),
  };
}

/**
 * Sets who sees one kind of the actor's data. Effective on the very next request: nothing caches it.
 * The care-team side is backed by consent records (features/consents): choosing care-team/both
 * while in a program records a consent with `consent` terms (default treatment, one year) unless a
 * current one exists; moving away from the care team revokes it, in the same transaction.
 */
export async function updateMySharing(
  db: Db,
  deps: { cipher: Cipher },
  actor: Actor,
  kind: DataKind,
  audience: Audience,
  consent?: ConsentTerms,
): Promise<SharingSetting> {
  if (!allowedAudiences(kind).includes(audience)) {
    throw new DomainError('validation-failed', 'This kind of data cannot be shared that way.', [
      { pointer: '/audience', message: `Choose one of: ${allowedAudiences(kind).join(', ')}.` },
    ]);
  }
  const row = await db.transaction().execute(async (tx) => {
    const saved = await tx
      .insertInto('sharingSettings')
      .values({ ownerId: actor.userId, kind, audience, updatedAt: sql<Date>`now()` })
      .onConflict((oc) => oc.columns(['ownerId', 'kind']).doUpdateSet({ audience, updatedAt: sql<Date>`now()` }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordConsentsForSetting(tx, deps, actor.userId, kind, audience, consent);
    return saved;
  });
  return { kind, audience: row.audience, updatedAt: row.updatedAt.toISOString(), allowedAudiences: [...allowedAudiences(kind)] };
}

/** Takes the partner out of every setting of `ownerId` (used when they leave a couple). */
export async function resetPartnerSharing(db: DbOrTx, ownerId: string): Promise<void> {
  await db
    .updateTable('sharingSettings')
    .set({
      audience: sql<Audience>`case when audience = 'both' then 'care-team' else 'private' end`,
      updatedAt: sql<Date>`now()`,
    })
    .where('ownerId', '=', ownerId)
    .where('audience', 'in', ['partner', 'both'])
    .execute();
}
