import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { groundingFor } from '@twofold/core/communication/pause-content';
import type { Pause, pauseSettingsSchema } from '@twofold/core/communication/pause.schemas';
import type { z } from 'zod';
import type { ConflictPausesTable } from '../../db/database';
import type { Db, DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/local-date';
import { publishCoupleEvent } from '../../platform/events';
import { type JointAccess, requireJointAccess } from '../../access/together';
import { lockCouple, toDate } from './joint';

/**
 * The conflict pause (time-out; O'Farrell & Fals-Stewart 2006, McCrady & Epstein 2009). Decisions,
 * made for "blame-free" and so that a coercive partner cannot turn the pause into a weapon:
 *
 * - Either partner calls it, at once, with no reason asked. It lasts the couple's agreed cool-down
 *   (default 20 minutes; 20–60). Calling it while one runs returns the running one (two taps at
 *   once: one pause).
 * - Who called it is not stored and never shown: the pause belongs to the couple. (The live event
 *   carries the actor id as every couple event does; the partner who did not call it knows anyway.)
 * - It ends when the time is over, or earlier only when BOTH partners marked "ready to come back".
 *   Nobody can cancel it alone, so the partner who needed it cannot be talked out of it, and
 *   nobody can cut the other's cool-down short.
 * - Each phone shows only its own readiness: "your partner is ready" is not shown, so nobody is
 *   pressed to declare readiness. Marking ready raises no event unless it ends the pause.
 * - The agreed cool-down changes only when both partners chose the same number of minutes: one
 *   proposes, the other agrees (or keeps the current one, which withdraws the proposal).
 */

type PauseRow = Selectable<ConflictPausesTable>;
type SettingsView = z.infer<typeof pauseSettingsSchema>;

export const defaultCoolDownMinutes = 20;
/** An ended pause stays on screen this long, with the prompt to come back and finish the talk. */
const showEndedForMs = 60 * 60 * 1000;

async function findSettings(db: DbOrTx, access: JointAccess, actor: Actor): Promise<SettingsView> {
  const row = await db.selectFrom('pauseSettings').selectAll().where('coupleId', '=', access.coupleId).executeTakeFirst();
  return {
    coolDownMinutes: row?.coolDownMinutes ?? defaultCoolDownMinutes,
    proposal:
      row?.proposedMinutes === null || row?.proposedMinutes === undefined
        ? null
        : { minutes: row.proposedMinutes, proposedByMe: row.proposedBy === actor.userId },
  };
}

async function findLatest(db: DbOrTx, access: JointAccess): Promise<PauseRow | undefined> {
  return db
    .selectFrom('conflictPauses')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('startedAt', '>=', access.since)
    .orderBy('startedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const isRunning = (pause: PauseRow, now: Date) => pause.endedAt === null && pause.endsAt > now;

async function toPause(db: DbOrTx, actor: Actor, pause: PauseRow, now: Date): Promise<Pause> {
  const mine = await db
    .selectFrom('conflictPauseReadiness')
    .select('readyAt')
    .where('pauseId', '=', pause.id)
    .where('userId', '=', actor.userId)
    .executeTakeFirst();
  const running = isRunning(pause, now);
  return {
    id: pause.id,
    status: running ? 'active' : 'ended',
    minutes: pause.minutes,
    startedAt: pause.startedAt.toISOString(),
    endsAt: pause.endsAt.toISOString(),
    endedAt: running ? null : (pause.endedAt ?? pause.endsAt).toISOString(),
    endReason: running ? null : (pause.endReason ?? 'time-over'),
    groundingId: groundingFor(pause.id),
    me: { ready: mine !== undefined },
    can: { markReady: running && mine === undefined },
  };
}

async function stateOf(db: DbOrTx, access: JointAccess, actor: Actor, now: Date) {
  const latest = await findLatest(db, access);
  const isShown =
    latest !== undefined && (isRunning(latest, now) || now.getTime() - (latest.endedAt ?? latest.endsAt).getTime() < showEndedForMs);
  return {
    pause: isShown ? await toPause(db, actor, latest, now) : null,
    settings: await findSettings(db, access, actor),
    serverNow: now.toISOString(),
  };
}

/** The running pause (or one that ended within the hour) and the agreed cool-down. Joint. */
export async function findPause(db: Db, actor: Actor) {
  const access = await requireJointAccess(db, actor);
  return stateOf(db, access, actor, toDate(clock.now()));
}

/** Calls a pause for the couple, or returns the one already running (`isNew` false). Joint. */
export async function callPause(db: Db, actor: Actor) {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const now = toDate(clock.now());
    const latest = await findLatest(tx, access);
    if (latest && isRunning(latest, now)) {
      return { isNew: false, state: await stateOf(tx, access, actor, now) };
    }
    const { coolDownMinutes } = await findSettings(tx, access, actor);
    const id = randomUUID();
    const endsAt = new Date(now.getTime() + coolDownMinutes * 60_000);
    await tx
      .insertInto('conflictPauses')
      .values({ id, coupleId: access.coupleId, minutes: coolDownMinutes, startedAt: now, endsAt })
      .execute();
    await publishCoupleEvent(tx, access.coupleId, {
      type: 'pause.started',
      actorId: actor.userId,
      data: { pauseId: id, minutes: coolDownMinutes, endsAt: endsAt.toISOString() },
    });
    return { isNew: true, state: await stateOf(tx, access, actor, now) };
  });
}

/** Marks the actor ready to come back; when both are, the pause ends. 409 when none is running. */
export async function markReadyToReturn(db: Db, actor: Actor) {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const now = toDate(clock.now());
    const latest = await findLatest(tx, access);
    if (!latest || !isRunning(latest, now)) {
      throw new DomainError('conflict', 'No pause is running right now.');
    }
    await tx
      .insertInto('conflictPauseReadiness')
      .values({ pauseId: latest.id, coupleId: access.coupleId, userId: actor.userId, readyAt: now })
      .onConflict((conflict) => conflict.columns(['pauseId', 'userId']).doNothing())
      .execute();
    const ready = await tx
      .selectFrom('conflictPauseReadiness')
      .select('userId')
      .where('pauseId', '=', latest.id)
      .where('userId', 'in', [actor.userId, access.partnerId])
      .execute();
    if (ready.length === 2) {
      await tx.updateTable('conflictPauses').set({ endedAt: now, endReason: 'both-ready' }).where('id', '=', latest.id).execute();
      await publishCoupleEvent(tx, access.coupleId, {
        type: 'pause.updated',
        actorId: actor.userId,
        data: { pauseId: latest.id, status: 'ended', endReason: 'both-ready' },
      });
    }
    return stateOf(tx, access, actor, now);
  });
}

/**
 * Proposes the couple's cool-down, or agrees to the partner's proposal by choosing the same
 * number of minutes; choosing the current agreed value withdraws or declines a proposal. A pause
 * already running keeps its length. Joint.
 */
export async function proposeCoolDown(db: Db, actor: Actor, minutes: number): Promise<SettingsView> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const current = await findSettings(tx, access, actor);
    const isAgreement = current.proposal !== null && !current.proposal.proposedByMe && current.proposal.minutes === minutes;
    const values =
      isAgreement || minutes === current.coolDownMinutes
        ? { coolDownMinutes: minutes, proposedMinutes: null, proposedBy: null }
        : { coolDownMinutes: current.coolDownMinutes, proposedMinutes: minutes, proposedBy: actor.userId };
    await tx
      .insertInto('pauseSettings')
      .values({ coupleId: access.coupleId, ...values })
      .onConflict((conflict) => conflict.column('coupleId').doUpdateSet({ ...values, updatedAt: toDate(clock.now()) }))
      .execute();
    await publishCoupleEvent(tx, access.coupleId, {
      type: 'pause.settings-updated',
      actorId: actor.userId,
      data: { coolDownMinutes: values.coolDownMinutes, proposedMinutes: values.proposedMinutes },
    });
    return findSettings(tx, access, actor);
  });
}
