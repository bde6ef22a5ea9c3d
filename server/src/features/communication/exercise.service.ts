import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  Exercise,
  ExerciseSummary,
  confirmInputSchema,
  exerciseStartInputSchema,
  paraphraseInputSchema,
} from '@twofold/core/communication/exercise.schemas';
import type { SpeakerListenerSessionsTable, SpeakerListenerTurnsTable } from '../../db/database';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/local-date';
import { publishCoupleEvent } from '../../platform/events';
import { encryptionContext } from '../../db/encrypted-columns';
import { type JointAccess, requireJointAccess } from '../../access/together';
import { lockCouple, toDate } from './joint';

/**
 * The live speaker–listener exercise (BCT communication sessions, O'Farrell & Fals-Stewart 2006;
 * the listener's paraphrase before a reply, McCrady & Epstein 2009). One running exercise per
 * couple. The state machine of a turn:
 *
 *   speaking --listener paraphrases--> awaiting-confirmation --speaker: "yes, that's it"--> confirmed
 *                 ^-------------------- speaker: "not quite" ------------|
 *   confirmed --speaker passes the floor--> next turn, the other partner speaking
 *
 * Only the speaker (who holds the floor) confirms and passes; only the listener paraphrases;
 * either partner ends it at any moment. Every change runs under the couple's row lock and raises
 * `version`, so two taps at once give one result, and a phone acting on an old screen gets 409.
 */

type SessionRow = Selectable<SpeakerListenerSessionsTable>;
type TurnRow = Selectable<SpeakerListenerTurnsTable>;

const topicContext = (id: string) => encryptionContext('speaker_listener_sessions', id, 'topic');
const paraphraseContext = (id: string) => encryptionContext('speaker_listener_turns', id, 'paraphrase');

async function findActive(db: DbOrTx, access: JointAccess): Promise<SessionRow | undefined> {
  return db
    .selectFrom('speakerListenerSessions')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('status', '=', 'active')
    .where('startedAt', '>=', access.since)
    .executeTakeFirst();
}

async function findTurns(db: DbOrTx, sessionIds: string[]): Promise<TurnRow[]> {
  if (sessionIds.length === 0) {
    return [];
  }
  return db.selectFrom('speakerListenerTurns').selectAll().where('sessionId', 'in', sessionIds).orderBy('number').execute();
}

function toExercise(cipher: Cipher, actor: Actor, session: SessionRow, turn: TurnRow): Exercise {
  const isSpeaker = turn.speakerId === actor.userId;
  return {
    id: session.id,
    version: session.version,
    topic: session.topicCiphertext === null ? null : cipher.decrypt(session.topicCiphertext, topicContext(session.id)),
    turnSeconds: session.turnSeconds,
    startedAt: session.startedAt.toISOString(),
    turn: {
      number: turn.number,
      speaker: isSpeaker ? 'me' : 'partner',
      startedAt: turn.startedAt.toISOString(),
      endsAt: new Date(turn.startedAt.getTime() + session.turnSeconds * 1000).toISOString(),
      step: turn.step,
      paraphrase: turn.paraphraseCiphertext === null ? null : cipher.decrypt(turn.paraphraseCiphertext, paraphraseContext(turn.id)),
      paraphraseAttempts: turn.paraphraseAttempts,
    },
    myRole: isSpeaker ? 'speaker' : 'listener',
    can: {
      paraphrase: !isSpeaker && turn.step === 'speaking',
      confirm: isSpeaker && turn.step === 'awaiting-confirmation',
      pass: isSpeaker && turn.step === 'confirmed',
      end: true,
    },
  };
}

function toSummary(cipher: Cipher, actor: Actor, session: SessionRow, turns: TurnRow[]): ExerciseSummary {
  const now = toDate(clock.now());
  const own = turns.filter((turn) => turn.sessionId === session.id);
  const summaryTurns = own.map((turn) => {
    const end = turn.endedAt ?? session.endedAt ?? now;
    return {
      number: turn.number,
      speaker: turn.speakerId === actor.userId ? ('me' as const) : ('partner' as const),
      startedAt: turn.startedAt.toISOString(),
      endedAt: (turn.endedAt ?? session.endedAt)?.toISOString() ?? null,
      seconds: Math.max(0, Math.round((end.getTime() - turn.startedAt.getTime()) / 1000)),
      paraphraseAttempts: turn.paraphraseAttempts,
      confirmed: turn.confirmedAt !== null,
    };
  });
  const secondsOf = (who: 'me' | 'partner') =>
    summaryTurns.filter((turn) => turn.speaker === who).reduce((sum, turn) => sum + turn.seconds, 0);
  return {
    id: session.id,
    topic: session.topicCiphertext === null ? null : cipher.decrypt(session.topicCiphertext, topicContext(session.id)),
    turnSeconds: session.turnSeconds,
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    turns: summaryTurns,
    totals: {
      turns: summaryTurns.length,
      confirmedParaphrases: summaryTurns.filter((turn) => turn.confirmed).length,
      secondsSpeaking: { me: secondsOf('me'), partner: secondsOf('partner') },
    },
  };
}

const serverNow = () => toDate(clock.now()).toISOString();

/** The couple's running exercise as the actor sees it, or null. Joint: current couple, gate open. */
export async function findExercise(db: Db, cipher: Cipher, actor: Actor): Promise<{ exercise: Exercise | null; serverNow: string }> {
  const access = await requireJointAccess(db, actor);
  const session = await findActive(db, access);
  const turn = session ? (await findTurns(db, [session.id])).at(-1) : undefined;
  return { exercise: session && turn ? toExercise(cipher, actor, session, turn) : null, serverNow: serverNow() };
}

/** The couple's finished exercises (this pair of partners only), newest first. */
export async function listExerciseSummaries(db: Db, cipher: Cipher, actor: Actor): Promise<ExerciseSummary[]> {
  const access = await requireJointAccess(db, actor);
  const sessions = await db
    .selectFrom('speakerListenerSessions')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('status', '=', 'ended')
    .where('startedAt', '>=', access.since)
    .orderBy('startedAt', 'desc')
    .limit(20)
    .execute();
  const turns = await findTurns(
    db,
    sessions.map((session) => session.id),
  );
  return sessions.map((session) => toSummary(cipher, actor, session, turns));
}

/** Starts an exercise; 409 when one is already running for the couple. */
export async function startExercise(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: z.output<typeof exerciseStartInputSchema>,
): Promise<{ exercise: Exercise | null; serverNow: string }> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    // A session left running by a previous pair of partners ends quietly; it is not theirs to see.
    await tx
      .updateTable('speakerListenerSessions')
      .set({ status: 'ended', endedAt: toDate(clock.now()) })
      .where('coupleId', '=', access.coupleId)
      .where('status', '=', 'active')
      .where('startedAt', '<', access.since)
      .execute();
    if (await findActive(tx, access)) {
      throw new DomainError('conflict', 'An exercise is already running. Join it, or end it first.');
    }
    const id = randomUUID();
    const now = toDate(clock.now());
    const session = await tx
      .insertInto('speakerListenerSessions')
      .values({
        id,
        coupleId: access.coupleId,
        startedBy: actor.userId,
        topicCiphertext: input.topic === '' ? null : cipher.encrypt(input.topic, topicContext(id)),
        turnSeconds: input.turnSeconds,
        status: 'active',
        startedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const turn = await tx
      .insertInto('speakerListenerTurns')
      .values({
        coupleId: access.coupleId,
        sessionId: id,
        number: 1,
        speakerId: input.firstSpeaker === 'me' ? actor.userId : access.partnerId,
        startedAt: now,
        step: 'speaking',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, {
      type: 'exercise.started',
      actorId: actor.userId,
      data: { exerciseId: id, version: 0, turn: 1 },
    });
    return { exercise: toExercise(cipher, actor, session, turn), serverNow: now.toISOString() };
  });
}

interface Step {
  tx: Tx;
  access: JointAccess;
  session: SessionRow;
  turn: TurnRow;
  now: Date;
}

/** Runs one change of the running exercise under the couple's lock, with the version check. */
async function changeExercise<T>(
  db: Db,
  actor: Actor,
  expectedVersion: number | undefined,
  change: (step: Step) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await lockCouple(tx, access.coupleId);
    const session = await findActive(tx, access);
    const turn = session ? (await findTurns(tx, [session.id])).at(-1) : undefined;
    if (!session || !turn) {
      throw new DomainError('conflict', 'No exercise is running right now.');
    }
    if (expectedVersion !== undefined && expectedVersion !== session.version) {
      throw new DomainError('conflict', 'The exercise moved on in the meantime. Here is where it is now.');
    }
    return change({ tx, access, session, turn, now: toDate(clock.now()) });
  });
}

async function bumpAndAnnounce(step: Step, actor: Actor, type: string): Promise<SessionRow> {
  const session = await step.tx
    .updateTable('speakerListenerSessions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', step.session.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const turn = await step.tx
    .selectFrom('speakerListenerTurns')
    .select(['number', 'step'])
    .where('sessionId', '=', session.id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await publishCoupleEvent(step.tx, step.access.coupleId, {
    type,
    actorId: actor.userId,
    data: { exerciseId: session.id, version: session.version, turn: turn.number, step: turn.step, status: session.status },
  });
  return session;
}

async function stateAfter(step: Step, cipher: Cipher, actor: Actor, session: SessionRow) {
  const turn = (await findTurns(step.tx, [session.id])).at(-1)!;
  return { exercise: toExercise(cipher, actor, session, turn), serverNow: step.now.toISOString() };
}

/** The listener records that they paraphrased (optionally what they heard). Only the listener. */
export async function recordParaphrase(db: Db, cipher: Cipher, actor: Actor, input: z.output<typeof paraphraseInputSchema>) {
  return changeExercise(db, actor, input.version, async (step) => {
    if (step.turn.speakerId === actor.userId) {
      throw new DomainError('forbidden', 'You hold the floor: your partner paraphrases what you said.');
    }
    if (step.turn.step !== 'speaking') {
      throw new DomainError('conflict', 'Your paraphrase is with the speaker; wait for their answer.');
    }
    await step.tx
      .updateTable('speakerListenerTurns')
      .set((eb) => ({
        step: 'awaiting-confirmation',
        paraphraseCiphertext: input.text === '' ? null : cipher.encrypt(input.text, paraphraseContext(step.turn.id)),
        paraphraseAttempts: eb('paraphraseAttempts', '+', 1),
      }))
      .where('id', '=', step.turn.id)
      .execute();
    return stateAfter(step, cipher, actor, await bumpAndAnnounce(step, actor, 'exercise.updated'));
  });
}

/** The speaker answers the paraphrase: "yes, that's it" or "not quite". Only the speaker. */
export async function confirmParaphrase(db: Db, cipher: Cipher, actor: Actor, input: z.output<typeof confirmInputSchema>) {
  return changeExercise(db, actor, input.version, async (step) => {
    if (step.turn.speakerId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the speaker says whether the paraphrase fits.');
    }
    if (step.turn.step !== 'awaiting-confirmation') {
      throw new DomainError('conflict', 'There is no paraphrase to answer right now.');
    }
    await step.tx
      .updateTable('speakerListenerTurns')
      .set(input.verdict === 'yes' ? { step: 'confirmed', confirmedAt: step.now } : { step: 'speaking' })
      .where('id', '=', step.turn.id)
      .execute();
    return stateAfter(step, cipher, actor, await bumpAndAnnounce(step, actor, 'exercise.updated'));
  });
}

/** The speaker passes the floor, once the listener's paraphrase was confirmed. Only the speaker. */
export async function passFloor(db: Db, cipher: Cipher, actor: Actor, version: number | undefined) {
  return changeExercise(db, actor, version, async (step) => {
    if (step.turn.speakerId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner holding the floor can pass it.');
    }
    if (step.turn.step !== 'confirmed') {
      throw new DomainError('conflict', 'The floor passes once your partner has paraphrased and you said "yes, that\'s it".');
    }
    await step.tx.updateTable('speakerListenerTurns').set({ endedAt: step.now }).where('id', '=', step.turn.id).execute();
    await step.tx
      .insertInto('speakerListenerTurns')
      .values({
        coupleId: step.access.coupleId,
        sessionId: step.session.id,
        number: step.turn.number + 1,
        speakerId: step.turn.speakerId === actor.userId ? step.access.partnerId : actor.userId,
        startedAt: step.now,
        step: 'speaking',
      })
      .execute();
    return stateAfter(step, cipher, actor, await bumpAndAnnounce(step, actor, 'exercise.updated'));
  });
}

/** Either partner ends the exercise at any moment; answers the summary. */
export async function endExercise(db: Db, cipher: Cipher, actor: Actor, version: number | undefined): Promise<ExerciseSummary> {
  return changeExercise(db, actor, version, async (step) => {
    await step.tx.updateTable('speakerListenerTurns').set({ endedAt: step.now }).where('id', '=', step.turn.id).execute();
    await step.tx
      .updateTable('speakerListenerSessions')
      .set({ status: 'ended', endedAt: step.now, endedBy: actor.userId })
      .where('id', '=', step.session.id)
      .execute();
    const session = await bumpAndAnnounce(step, actor, 'exercise.ended');
    return toSummary(cipher, actor, session, await findTurns(step.tx, [session.id]));
  });
}
