import { randomUUID } from 'node:crypto';
import { connectionQuestionFor } from '@twofold/core/communication/connection-questions';
import type { ConnectionToday } from '@twofold/core/communication/connection.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock, todayIn } from '../../platform/local-date';
import { publishCoupleEvent } from '../../platform/events';
import { encryptionContext } from '../../db/encrypted-columns';
import { type JointAccess, requireJointAccess } from '../../access/together';
import { findTimeZone } from '../intake/intake.service';

/**
 * The daily connection question. The day is the actor's own calendar day; the question follows
 * from the couple and that day (core/communication/connection-questions), so both phones show the
 * same one. Each partner answers once a day; the partner's answer is shown only to someone who
 * has answered themselves, so neither answer is shaped by the other. Partners in different time
 * zones may be on different days for a few hours; each day's answers are matched by that day.
 */

const answerContext = (id: string) => encryptionContext('connection_answers', id, 'answer');

async function todayOf(db: DbOrTx, actor: Actor): Promise<string> {
  return todayIn(actor.timeZone ?? (await findTimeZone(db, actor.userId)), clock.now());
}

async function viewOf(db: DbOrTx, cipher: Cipher, actor: Actor, access: JointAccess, date: string): Promise<ConnectionToday> {
  const question = connectionQuestionFor(access.coupleId, date);
  const answers = await db
    .selectFrom('connectionAnswers')
    .select(['id', 'userId', 'answerCiphertext', 'answeredAt'])
    .where('coupleId', '=', access.coupleId)
    .where('localDate', '=', date)
    .where('userId', 'in', [actor.userId, access.partnerId])
    .where('answeredAt', '>=', access.since)
    .execute();
  const show = (row: (typeof answers)[number] | undefined) =>
    row ? { text: cipher.decrypt(row.answerCiphertext, answerContext(row.id)), answeredAt: row.answeredAt.toISOString() } : null;
  const mine = answers.find((row) => row.userId === actor.userId);
  const theirs = answers.find((row) => row.userId === access.partnerId);
  return {
    date,
    questionId: question.id,
    question: { ...question.text },
    myAnswer: show(mine),
    partner: { hasAnswered: theirs !== undefined, answer: mine ? show(theirs) : null },
  };
}

/** Today's question, my answer, and my partner's answer once I have answered. Joint. */
export async function findConnectionToday(db: Db, cipher: Cipher, actor: Actor): Promise<ConnectionToday> {
  const access = await requireJointAccess(db, actor);
  return viewOf(db, cipher, actor, access, await todayOf(db, actor));
}

/** Answers today's question, once. 409 when already answered today. Joint. */
export async function answerConnectionQuestion(db: Db, cipher: Cipher, actor: Actor, answer: string): Promise<ConnectionToday> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const date = await todayOf(tx, actor);
    const question = connectionQuestionFor(access.coupleId, date);
    const id = randomUUID();
    const inserted = await tx
      .insertInto('connectionAnswers')
      .values({
        id,
        coupleId: access.coupleId,
        userId: actor.userId,
        localDate: date,
        questionId: question.id,
        answerCiphertext: cipher.encrypt(answer, answerContext(id)),
      })
      .onConflict((conflict) => conflict.columns(['coupleId', 'userId', 'localDate']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw new DomainError('conflict', 'You have already answered today’s question.');
    }
    await publishCoupleEvent(tx, access.coupleId, { type: 'connection.answered', actorId: actor.userId, data: { date } });
    return viewOf(tx, cipher, actor, access, date);
  });
}
