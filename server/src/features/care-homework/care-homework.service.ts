import { randomUUID } from 'node:crypto';
import {
  type AssignHomeworkInput,
  type CareHomework,
  type CareHomeworkList,
  type MyHomework,
  type MyHomeworkList,
} from '@twofold/core/care/homework.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import type { Cipher } from '../../platform/crypto';
import { DomainError } from '../../platform/errors';
import { clock, todayIn } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import { assertOwnerWrite, requireProgramRole } from '../../access/access';
import { readCoupleCareRecords, requireCoupleInCare, type CoupleInCare } from '../../access/care-sessions';
import * as repo from './care-homework.repository';

/**
 * Homework from the care team (issue 8). A clinician of the program assigns it to one or both
 * partners in care; each partner sees only their own assignments (never the other partner's,
 * never the other's completion) and marks them done, or they complete by doing the linked thing
 * after it was assigned. The clinician sees each assignee's "done" and when, nothing more.
 */

const instructionsContext = (id: string) => encryptionContext('care_homework', id, 'instructions');
const notFound = () => new DomainError('not-found', 'Nothing to show here.');
const invalid = (pointer: string, message: string) => new DomainError('validation-failed', message, [{ pointer, message }]);

function completion(row: repo.AssigneeRow): { doneAt: string | null; how: 'marked' | 'linked' | null } {
  const marked = row.markedDoneAt;
  const linked = row.linkedDoneAt;
  if (marked === null && linked === null) {
    return { doneAt: null, how: null };
  }
  if (linked === null || (marked !== null && marked.getTime() <= linked.getTime())) {
    return { doneAt: marked!.toISOString(), how: 'marked' };
  }
  return { doneAt: linked.toISOString(), how: 'linked' };
}

function decryptInstructions(cipher: Cipher, row: repo.HomeworkRow): string {
  return row.instructionsCiphertext === null ? '' : cipher.decrypt(row.instructionsCiphertext, instructionsContext(row.id));
}

function toCareView(cipher: Cipher, row: repo.HomeworkRow, assignees: repo.AssigneeRow[]): CareHomework {
  return {
    id: row.id,
    programId: row.programId,
    coupleId: row.coupleId,
    kind: row.kind,
    target: row.target,
    dueDate: row.dueDate,
    instructions: decryptInstructions(cipher, row),
    assignedAt: row.assignedAt.toISOString(),
    withdrawn: row.withdrawnAt !== null,
    assignedBy: row.assignedBy !== null && row.assignedByName !== null ? { id: row.assignedBy, displayName: row.assignedByName } : null,
    assignees: assignees
      .filter((assignee) => assignee.homeworkId === row.id)
      .map((assignee) => ({ personId: assignee.personId, displayName: assignee.displayName, ...completion(assignee) })),
    can: { withdraw: row.withdrawnAt === null },
  };
}

/**
 * A clinician of the program assigns homework to one or both partners in care of a couple.
 * Throws `not-found` for a couple not in care, `validation-failed` for an assignee not in care or
 * a questionnaire this deployment does not offer.
 */
export async function assignHomework(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  input: AssignHomeworkInput,
  offeredInstruments: readonly string[],
): Promise<CareHomework> {
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    const couple = await requireCoupleInCare(tx, actor, programId, coupleId);
    const inCare = new Set(couple.partners.map((partner) => partner.id));
    input.assignees.forEach((personId, index) => {
      if (!inCare.has(personId)) {
        throw invalid(`/assignees/${index}`, 'Choose a partner of this couple who accepted the program.');
      }
    });
    if (input.kind === 'assessment' && !offeredInstruments.includes(input.target ?? '')) {
      throw invalid('/target', 'This questionnaire is not offered here.');
    }
    await repo.insertHomework(
      tx,
      {
        id,
        programId,
        coupleId,
        assignedBy: actor.userId,
        kind: input.kind,
        target: input.target,
        instructionsCiphertext: input.instructions === '' ? null : cipher.encrypt(input.instructions, instructionsContext(id)),
        dueDate: input.dueDate,
        assignedAt: new Date(clock.now().epochMilliseconds),
      },
      input.assignees,
    );
  });
  const row = await repo.findHomework(db, programId, id);
  return toCareView(cipher, row!, await repo.findAssignees(db, [id]));
}

/** A couple's homework with each assignee's completion, for a clinician of the program; audited for each partner in care. */
export async function listCoupleHomework(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
): Promise<CareHomeworkList> {
  return readCoupleCareRecords(db, actor, programId, coupleId, 'care-homework', async (tx, couple) => ({
    homework: await findCoupleHomework(tx, cipher, couple),
  }));
}

/**
 * A couple's homework in a program for an already-authorized caller (the couple overview, the
 * progress report): items assigned to partners in care, with only those partners' completion.
 * Does no access check and writes no audit entry: call it inside `readCoupleCareRecords`
 * (access/care-sessions.ts) or after an equivalent check.
 */
export async function findCoupleHomework(db: DbOrTx, cipher: Cipher, couple: CoupleInCare): Promise<CareHomework[]> {
  const personIds = couple.partners.map((partner) => partner.id);
  const rows = await repo.findHomeworkOfCouple(db, couple.programId, couple.coupleId, personIds);
  const assignees = await repo.findAssignees(
    db,
    rows.map((row) => row.id),
    personIds,
  );
  return rows.map((row) => toCareView(cipher, row, assignees));
}

/** Withdraws homework (it leaves the partners' lists; the care team still sees it, marked withdrawn). */
export async function withdrawHomework(db: Db, cipher: Cipher, actor: Actor, programId: string, homeworkId: string): Promise<CareHomework> {
  await db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const row = await repo.findHomework(tx, programId, homeworkId);
    if (!row) {
      throw notFound();
    }
    const couple = await requireCoupleInCare(tx, actor, programId, row.coupleId);
    const assignees = await repo.findAssignees(
      tx,
      [homeworkId],
      couple.partners.map((partner) => partner.id),
    );
    if (assignees.length === 0) {
      throw notFound();
    }
    if (!(await repo.withdrawHomework(tx, homeworkId, new Date(clock.now().epochMilliseconds)))) {
      throw new DomainError('conflict', 'This homework was already withdrawn.');
    }
  });
  const row = await repo.findHomework(db, programId, homeworkId);
  return toCareView(cipher, row!, await repo.findAssignees(db, [homeworkId]));
}

function toMyView(cipher: Cipher, row: repo.HomeworkRow, mine: repo.AssigneeRow | undefined, today: string): MyHomework {
  const done = mine ? completion(mine) : { doneAt: null, how: null };
  return {
    id: row.id,
    programId: row.programId,
    coupleId: row.coupleId,
    kind: row.kind,
    target: row.target,
    dueDate: row.dueDate,
    instructions: decryptInstructions(cipher, row),
    assignedAt: row.assignedAt.toISOString(),
    withdrawn: row.withdrawnAt !== null,
    ...done,
    overdue: done.doneAt === null && row.dueDate < today,
  };
}

/** My homework from the care team (only mine, not withdrawn): open first by due date, then done. */
export async function listMyHomework(db: Db, cipher: Cipher, actor: Actor): Promise<MyHomeworkList> {
  const timeZone = actor.timeZone ?? (await repo.findTimeZone(db, actor.userId));
  const today = todayIn(timeZone, clock.now());
  const rows = await repo.findHomeworkOfPerson(db, actor.userId);
  const mine = await repo.findAssignees(
    db,
    rows.map((row) => row.id),
    [actor.userId],
  );
  const views = rows.map((row) =>
    toMyView(
      cipher,
      row,
      mine.find((assignee) => assignee.homeworkId === row.id),
      today,
    ),
  );
  return { homework: [...views.filter((view) => view.doneAt === null), ...views.filter((view) => view.doneAt !== null)] };
}

/** Marks my homework done (or, with `done` false, not done). Throws `not-found` for anyone else's or a withdrawn one. */
export async function markMyHomework(db: Db, cipher: Cipher, actor: Actor, homeworkId: string, done: boolean): Promise<MyHomework> {
  assertOwnerWrite(actor, actor.userId);
  const at = done ? new Date(clock.now().epochMilliseconds) : null;
  if (!(await repo.setMarkedDone(db, actor.userId, homeworkId, at))) {
    throw notFound();
  }
  const found = (await listMyHomework(db, cipher, actor)).homework.find((item) => item.id === homeworkId);
  if (!found) {
    throw notFound();
  }
  return found;
}
