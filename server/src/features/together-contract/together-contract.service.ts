import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type {
  Contract,
  ContractVersion,
  contractInputSchema,
  TrustCalendar,
  TrustPartInput,
  myTrustPartSchema,
} from '@twofold/core/together/contract.schemas';
import { buildTrustCalendar, trustDayStatus, trustStreaks, type TrustPartner } from '@twofold/core/together/streaks';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import type { ContractVersionsTable } from '../../db/together-tables';
import { requireJointAccess, type JointAccess } from '../../access/together';

type ContractValues = z.output<typeof contractInputSchema>;
type PartValues = NonNullable<ContractValues['myPart']>;
type VersionRow = Omit<ContractVersionsTable, 'id' | 'createdAt' | 'signedByBothAt'> & {
  id: string;
  createdAt: Date;
  signedByBothAt: Date | null;
};

/** How many days back a partner may still record their part of a Trust Discussion they forgot to tap. */
export const trustLateDays = 7;

const itemsContext = (versionId: string) => encryptionContext('contract_versions', versionId, 'items');
const partContext = (versionId: string, partnerId: string, field: keyof PartValues) =>
  encryptionContext('contract_parts', `${versionId}/${partnerId}`, field);

function fieldError(pointer: string, message: string): DomainError {
  return new DomainError('validation-failed', message, [{ pointer, message }]);
}

/** Serializes every contract write of one couple (edits and signatures): one consistent order. */
async function lockCouple(tx: Tx, coupleId: string): Promise<void> {
  await tx.selectFrom('couples').select('id').where('id', '=', coupleId).forUpdate().executeTakeFirst();
}

/** Versions of the current pair of partners, newest first. */
async function findVersionRows(db: DbOrTx, access: JointAccess): Promise<VersionRow[]> {
  return db
    .selectFrom('contractVersions')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('createdAt', '>=', access.since)
    .orderBy('version', 'desc')
    .execute();
}

async function findParts(
  db: DbOrTx,
  cipher: Cipher,
  access: JointAccess,
  versionIds: string[],
): Promise<Map<string, Map<string, PartValues>>> {
  const byVersion = new Map<string, Map<string, PartValues>>();
  if (versionIds.length === 0) {
    return byVersion;
  }
  const rows = await db
    .selectFrom('contractParts')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('contractVersionId', 'in', versionIds)
    .execute();
  for (const row of rows) {
    const parts = byVersion.get(row.contractVersionId) ?? new Map<string, PartValues>();
    parts.set(row.partnerId, {
      intention: cipher.decrypt(row.intentionCiphertext, partContext(row.contractVersionId, row.partnerId, 'intention')),
      medication: cipher.decrypt(row.medicationCiphertext, partContext(row.contractVersionId, row.partnerId, 'medication')),
      meetings: cipher.decrypt(row.meetingsCiphertext, partContext(row.contractVersionId, row.partnerId, 'meetings')),
    });
    byVersion.set(row.contractVersionId, parts);
  }
  return byVersion;
}

/** Both current partners' versions with their parts and signatures, newest first. */
async function findVersions(db: DbOrTx, cipher: Cipher, actor: Pick<Actor, 'userId'>, access: JointAccess): Promise<ContractVersion[]> {
  const rows = await findVersionRows(db, access);
  const ids = rows.map((row) => row.id);
  const [parts, signatures] = await Promise.all([
    findParts(db, cipher, access, ids),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('contractSignatures')
          .selectAll()
          .where('coupleId', '=', access.coupleId)
          .where('contractVersionId', 'in', ids)
          .orderBy('signedAt')
          .execute(),
  ]);
  const members = [actor.userId, access.partnerId];
  return rows.map((row, index) => {
    const signed = signatures.filter((s) => s.contractVersionId === row.id && members.includes(s.partnerId));
    return {
      id: row.id,
      version: row.version,
      discussionTime: row.discussionTime,
      otherItems: JSON.parse(cipher.decrypt(row.itemsCiphertext, itemsContext(row.id))) as string[],
      keepPastUseInSessions: row.keepPastUseInSessions,
      parts: [...(parts.get(row.id) ?? new Map<string, PartValues>())]
        .filter(([partnerId]) => members.includes(partnerId))
        .sort(([a], [b]) => members.indexOf(a) - members.indexOf(b))
        .map(([partnerId, part]) => ({ partnerId, ...part })),
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      signatures: signed.map((s) => ({ partnerId: s.partnerId, signedAt: s.signedAt.toISOString() })),
      signedByBothAt: row.signedByBothAt?.toISOString() ?? null,
      can: { sign: index === 0 && !signed.some((s) => s.partnerId === actor.userId) },
    };
  });
}

async function findInRecovery(db: DbOrTx, ids: string[]): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('intakes').select(['ownerId', 'inRecovery']).where('ownerId', 'in', ids).execute();
  return new Map(ids.map((id) => [id, rows.find((row) => row.ownerId === id)?.inRecovery ?? false]));
}

async function contractOf(db: DbOrTx, cipher: Cipher, actor: Actor, access: JointAccess): Promise<Contract> {
  const [versions, inRecovery] = await Promise.all([
    findVersions(db, cipher, actor, access),
    findInRecovery(db, [actor.userId, access.partnerId]),
  ]);
  const latest = versions[0] ?? null;
  return {
    active: versions.find((version) => version.signedByBothAt !== null) ?? null,
    latest,
    partners: [actor.userId, access.partnerId].map((partnerId) => ({
      partnerId,
      inRecovery: inRecovery.get(partnerId) ?? false,
      hasPart: latest?.parts.some((part) => part.partnerId === partnerId) ?? false,
    })),
    can: { writeMyPart: inRecovery.get(actor.userId) ?? false },
  };
}

/** The couple's contract: the one in force, the newest version, and who is in recovery. Both partners. */
export async function findContract(db: Db, cipher: Cipher, actor: Actor): Promise<Contract> {
  return contractOf(db, cipher, actor, await requireJointAccess(db, actor));
}

/** Every version the current pair of partners saved, newest first. */
export async function findContractVersions(db: Db, cipher: Cipher, actor: Actor): Promise<ContractVersion[]> {
  return findVersions(db, cipher, actor, await requireJointAccess(db, actor));
}

const samePart = (a: PartValues | undefined, b: PartValues | undefined) =>
  a?.intention === b?.intention && a?.medication === b?.medication && a?.meetings === b?.meetings;

/**
 * Saves the shared terms, and the actor's own part when they are in recovery, as a new version
 * that needs both signatures again. The other partner's part is carried over untouched (nobody
 * writes another person's intention). With `baseVersionId`, an edit made on an outdated version
 * is refused (`conflict`) rather than silently overwriting the other's change. Saving exactly the
 * latest version again changes nothing.
 */
export async function saveContract(db: Db, cipher: Cipher, actor: Actor, input: ContractValues): Promise<Contract> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const latest = (await findVersions(tx, cipher, actor, access))[0];
    if (input.baseVersionId !== undefined && (latest?.id ?? null) !== input.baseVersionId) {
      throw new DomainError('conflict', 'The contract was changed in the meantime. Read the newest version and make your change there.');
    }
    const inRecovery = (await findInRecovery(tx, [actor.userId])).get(actor.userId) ?? false;
    if (input.myPart && !inRecovery) {
      throw fieldError('/myPart', 'The intention is for a partner in recovery; your intake says you are the supporting partner.');
    }
    const parts = new Map((latest?.parts ?? []).map(({ partnerId, ...part }) => [partnerId, part as PartValues]));
    const before = parts.get(actor.userId);
    if (input.myPart === null) {
      parts.delete(actor.userId);
    } else if (input.myPart !== undefined) {
      parts.set(actor.userId, input.myPart);
    }
    const unchanged =
      latest !== undefined &&
      latest.discussionTime === input.discussionTime &&
      latest.keepPastUseInSessions === input.keepPastUseInSessions &&
      JSON.stringify(latest.otherItems) === JSON.stringify(input.otherItems) &&
      samePart(before, parts.get(actor.userId));
    if (unchanged) {
      return contractOf(tx, cipher, actor, access);
    }
    // Version numbers run on across pairs of partners in one couple space (unique per couple).
    const { max } = await tx
      .selectFrom('contractVersions')
      .select((eb) => eb.fn.max<number | null>('version').as('max'))
      .where('coupleId', '=', access.coupleId)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    await tx
      .insertInto('contractVersions')
      .values({
        id,
        coupleId: access.coupleId,
        version: (max ?? 0) + 1,
        discussionTime: input.discussionTime,
        itemsCiphertext: cipher.encrypt(JSON.stringify(input.otherItems), itemsContext(id)),
        keepPastUseInSessions: input.keepPastUseInSessions,
        createdBy: actor.userId,
      })
      .execute();
    for (const [partnerId, part] of parts) {
      await tx
        .insertInto('contractParts')
        .values({
          contractVersionId: id,
          coupleId: access.coupleId,
          partnerId,
          intentionCiphertext: cipher.encrypt(part.intention, partContext(id, partnerId, 'intention')),
          medicationCiphertext: cipher.encrypt(part.medication, partContext(id, partnerId, 'medication')),
          meetingsCiphertext: cipher.encrypt(part.meetings, partContext(id, partnerId, 'meetings')),
        })
        .execute();
    }
    const saved = await contractOf(tx, cipher, actor, access);
    // The event goes last: it holds the couple's event lock only until the commit (platform/events.ts).
    await publishCoupleEvent(tx, access.coupleId, { type: 'contract.updated', actorId: actor.userId, data: { contractVersionId: id } });
    return saved;
  });
}

/**
 * The actor signs the latest version for themselves (their own device, their own session).
 * Signing again is harmless (nothing changes); an outdated version is refused (`conflict`), as is a version
 * without the part of a partner whose intake says they are in recovery. When both have signed,
 * the version becomes the contract in force, decided under the couple's row lock so that two
 * signatures at the same moment give one result.
 */
export async function signContractVersion(db: Db, cipher: Cipher, actor: Actor, versionId: string): Promise<ContractVersion> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      const row = await tx
        .selectFrom('contractVersions')
        .select('id')
        .where('id', '=', versionId)
        .where('coupleId', '=', scope.coupleId)
        .where('createdAt', '>=', scope.since)
        .executeTakeFirst();
      if (!row) {
        throw new DomainError('not-found', 'No such contract version.');
      }
    });
    await lockCouple(tx, access.coupleId);
    const versions = await findVersions(tx, cipher, actor, access);
    const version = versions.find((candidate) => candidate.id === versionId);
    if (!version) {
      throw new DomainError('not-found', 'No such contract version.');
    }
    if (version !== versions[0]) {
      throw new DomainError('conflict', 'A newer version of the contract was saved. Read it and sign that one.');
    }
    if (version.signatures.some((signature) => signature.partnerId === actor.userId)) {
      return version;
    }
    const inRecovery = await findInRecovery(tx, [actor.userId, access.partnerId]);
    const withoutPart = [...inRecovery].filter(([partnerId, is]) => is && !version.parts.some((part) => part.partnerId === partnerId));
    if (withoutPart.length > 0) {
      throw new DomainError('conflict', 'Each partner in recovery writes their own intention into the contract before it is signed.');
    }
    await tx
      .insertInto('contractSignatures')
      .values({ contractVersionId: version.id, coupleId: access.coupleId, partnerId: actor.userId })
      .onConflict((oc) => oc.columns(['contractVersionId', 'partnerId']).doNothing())
      .execute();
    const signers = new Set([...version.signatures.map((s) => s.partnerId), actor.userId]);
    const isSignedByBoth = signers.has(actor.userId) && signers.has(access.partnerId);
    if (isSignedByBoth && version.signedByBothAt === null) {
      await tx
        .updateTable('contractVersions')
        .set({ signedByBothAt: sql<Date>`now()` })
        .where('id', '=', version.id)
        .where('signedByBothAt', 'is', null)
        .execute();
    }
    const signed = (await findVersions(tx, cipher, actor, access)).find((candidate) => candidate.id === version.id)!;
    await publishCoupleEvent(tx, access.coupleId, {
      type: 'contract.signed',
      actorId: actor.userId,
      data: { contractVersionId: version.id, signedByBoth: isSignedByBoth },
    });
    return signed;
  });
}

// The daily Trust Discussion ------------------------------------------------------------------

interface TrustSetting {
  access: JointAccess;
  active: ContractVersion | null;
  /** The first day that counts: the later of the two partners' local dates of the first signing. */
  start: LocalDate | null;
  partners: Array<TrustPartner & { intention: string | null }>;
}

async function findTrustSetting(db: DbOrTx, cipher: Cipher, actor: Actor): Promise<TrustSetting> {
  return trustSettingOf(db, cipher, await requireJointAccess(db, actor));
}

/** The Trust Discussion setting of the pair in `access` (its first partner as the viewer). */
async function trustSettingOf(db: DbOrTx, cipher: Cipher, access: JointAccess): Promise<TrustSetting> {
  const [versions, zones] = await Promise.all([
    findVersions(db, cipher, { userId: access.partnerIds[0] }, access),
    db.selectFrom('users').select(['id', 'timeZone']).where('id', 'in', access.partnerIds).execute(),
  ]);
  const active = versions.find((version) => version.signedByBothAt !== null) ?? null;
  const signings = versions.flatMap((version) => (version.signedByBothAt ? [version.signedByBothAt] : [])).sort();
  const firstSigned = signings[0];
  const now = clock.now();
  const partners = access.partnerIds.map((id) => {
    const timeZone = zones.find((zone) => zone.id === id)?.timeZone ?? 'UTC';
    const part = active?.parts.find((candidate) => candidate.partnerId === id);
    const otherStates = active?.parts.some((candidate) => candidate.partnerId !== id) ?? false;
    return {
      id,
      today: todayIn(timeZone, now),
      states: part !== undefined,
      thanks: otherStates,
      intention: part?.intention ?? null,
      startDate: firstSigned ? todayIn(timeZone, Temporal.Instant.from(firstSigned)) : null,
    };
  });
  const starts = partners.flatMap((partner) => (partner.startDate ? [partner.startDate] : [])).sort();
  return {
    access,
    active,
    start: starts.at(-1) ?? null,
    partners: partners.map(({ startDate: _startDate, ...partner }) => partner),
  };
}

async function findTrustRecords(db: DbOrTx, setting: TrustSetting) {
  if (setting.start === null) {
    return [];
  }
  return (
    db
      .selectFrom('trustDiscussionParts')
      .select(['partnerId', 'localDate as date', 'stated', 'thanked'])
      .where('coupleId', '=', setting.access.coupleId)
      .where(
        'partnerId',
        'in',
        setting.partners.map((partner) => partner.id),
      )
      .where('localDate', '>=', setting.start)
      // Only parts recorded by this pair of partners (a couple space outlives a partner who left).
      .where('updatedAt', '>=', setting.access.since)
      .orderBy('localDate')
      .execute()
  );
}

/** The Trust Discussion calendar between two days, with both partners' parts and the streaks. */
export async function findTrustCalendar(db: Db, cipher: Cipher, actor: Actor, from: LocalDate, to: LocalDate): Promise<TrustCalendar> {
  const setting = await findTrustSetting(db, cipher, actor);
  const records = await findTrustRecords(db, setting);
  const days = setting.start === null ? [] : buildTrustCalendar({ start: setting.start, partners: setting.partners, records, from, to });
  const streak =
    setting.start === null ? { current: 0, best: 0 } : trustStreaks({ start: setting.start, partners: setting.partners, records });
  return {
    contractVersionId: setting.active?.id ?? null,
    discussionTime: setting.active?.discussionTime ?? null,
    start: setting.start,
    roles: setting.partners.map((partner) => ({
      partnerId: partner.id,
      states: partner.states,
      thanks: partner.thanks,
      intention: partner.intention,
      today: partner.today,
    })),
    days,
    streak,
  };
}

/**
 * For the care team (the caller decided access, `access/together.ts` `readJointAsCareTeam`): the
 * contract in force and the newest version, and the Trust Discussion calendar of the last `days`
 * days up to the later of the partners' todays, with the count of each day status and the streaks.
 */
export async function findContractAndCalendarForCareTeam(db: DbOrTx, cipher: Cipher, access: JointAccess, days: number) {
  const setting = await trustSettingOf(db, cipher, access);
  const versions = await findVersions(db, cipher, { userId: access.partnerIds[0] }, access);
  const records = await findTrustRecords(db, setting);
  const to = setting.partners
    .map((partner) => partner.today)
    .sort()
    .at(-1)!;
  const from = Temporal.PlainDate.from(to)
    .subtract({ days: days - 1 })
    .toString();
  const calendar =
    setting.start === null ? [] : buildTrustCalendar({ start: setting.start, partners: setting.partners, records, from, to });
  const streak =
    setting.start === null ? { current: 0, best: 0 } : trustStreaks({ start: setting.start, partners: setting.partners, records });
  return {
    active: setting.active,
    latest: versions[0] ?? null,
    trust: { discussionTime: setting.active?.discussionTime ?? null, start: setting.start, from, to, days: calendar, streak },
  };
}

/** Current and best Trust Discussion streak of the actor's couple (for celebrations). */
export async function findTrustStreaks(db: Db, cipher: Cipher, actor: Actor) {
  const setting = await findTrustSetting(db, cipher, actor);
  const records = await findTrustRecords(db, setting);
  return setting.start === null ? { current: 0, best: 0 } : trustStreaks({ start: setting.start, partners: setting.partners, records });
}

/**
 * Records the ACTOR's own part of the Trust Discussion on one of their own calendar days:
 * "stated my intention" (a partner in recovery in the contract in force) and/or "thanked"
 * (when the other partner states). Only ever the actor's row: the route has no partner id.
 * Refused before a contract is signed by both (`conflict`), for a day before it, a day not yet
 * come, or more than `trustLateDays` back (`validation-failed` on `/date`).
 */
export async function recordMyTrustPart(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  date: LocalDate,
  input: TrustPartInput,
): Promise<z.infer<typeof myTrustPartSchema>> {
  return db.transaction().execute(async (tx) => {
    const setting = await findTrustSetting(tx, cipher, actor);
    const me = setting.partners.find((partner) => partner.id === actor.userId)!;
    if (setting.active === null || setting.start === null) {
      throw new DomainError('conflict', 'The Trust Discussion starts once you have both signed your Recovery Contract.');
    }
    if (date > me.today) {
      throw fieldError('/date', 'This day has not come yet.');
    }
    if (date < setting.start) {
      throw fieldError('/date', `Your contract counts from ${setting.start}.`);
    }
    if (date < addDays(me.today, -trustLateDays)) {
      throw fieldError('/date', `A forgotten day can be filled in up to ${trustLateDays} days later.`);
    }
    if (input.stated && !me.states) {
      throw fieldError('/stated', 'In your contract, the intention is stated by your partner; your part is to thank them.');
    }
    if (input.thanked && !me.thanks) {
      throw fieldError('/thanked', 'In your contract, your partner has no intention to thank yet.');
    }
    const values = { stated: input.stated, thanked: input.thanked, contractVersionId: setting.active.id, updatedAt: sql<Date>`now()` };
    await tx
      .insertInto('trustDiscussionParts')
      .values({ coupleId: setting.access.coupleId, partnerId: actor.userId, localDate: date, ...values })
      .onConflict((oc) => oc.columns(['coupleId', 'partnerId', 'localDate']).doUpdateSet(values))
      .execute();
    const records = await findTrustRecords(tx, setting);
    await publishCoupleEvent(tx, setting.access.coupleId, { type: 'trust.recorded', actorId: actor.userId, data: { date } });
    return { date, stated: input.stated, thanked: input.thanked, status: trustDayStatus(date, setting.partners, records) };
  });
}
