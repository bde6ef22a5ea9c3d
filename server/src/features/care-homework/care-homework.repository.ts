import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db';
import type { CareHomeworkKind } from '../../db/care-tables';

/** Kysely queries for homework from the care team. No rules here: see the service. */

export interface HomeworkRow {
  id: string;
  programId: string;
  coupleId: string;
  assignedBy: string | null;
  assignedByName: string | null;
  kind: CareHomeworkKind;
  target: string | null;
  instructionsCiphertext: string | null;
  dueDate: string;
  assignedAt: Date;
  withdrawnAt: Date | null;
}

export interface AssigneeRow {
  homeworkId: string;
  personId: string;
  displayName: string;
  markedDoneAt: Date | null;
  /** When the person first did the linked thing after the homework was assigned, if they did. */
  linkedDoneAt: Date | null;
}

export async function insertHomework(
  tx: Tx,
  row: {
    id: string;
    programId: string;
    coupleId: string;
    assignedBy: string;
    kind: CareHomeworkKind;
    target: string | null;
    instructionsCiphertext: string | null;
    dueDate: string;
    assignedAt: Date;
  },
  assigneeIds: string[],
): Promise<void> {
  await tx.insertInto('careHomework').values(row).execute();
  await tx
    .insertInto('careHomeworkAssignees')
    .values(assigneeIds.map((personId) => ({ homeworkId: row.id, coupleId: row.coupleId, personId })))
    .execute();
}

function homework(db: DbOrTx) {
  return db
    .selectFrom('careHomework as h')
    .leftJoin('users as c', 'c.id', 'h.assignedBy')
    .select([
      'h.id',
      'h.programId',
      'h.coupleId',
      'h.assignedBy',
      'c.displayName as assignedByName',
      'h.kind',
      'h.target',
      'h.instructionsCiphertext',
      'h.dueDate',
      'h.assignedAt',
      'h.withdrawnAt',
    ]);
}

/** A couple's homework in a program, assigned to any of the given people (those in care), newest due date last. */
export async function findHomeworkOfCouple(db: DbOrTx, programId: string, coupleId: string, personIds: string[]): Promise<HomeworkRow[]> {
  return homework(db)
    .where('h.programId', '=', programId)
    .where('h.coupleId', '=', coupleId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('careHomeworkAssignees as a')
          .select('a.personId')
          .whereRef('a.homeworkId', '=', 'h.id')
          .where('a.personId', 'in', personIds),
      ),
    )
    .orderBy('h.dueDate')
    .orderBy('h.assignedAt')
    .execute();
}

/** The homework assigned to one person and not withdrawn (their own assignee rows only). */
export async function findHomeworkOfPerson(db: DbOrTx, personId: string): Promise<HomeworkRow[]> {
  return homework(db)
    .innerJoin('careHomeworkAssignees as a', 'a.homeworkId', 'h.id')
    .where('a.personId', '=', personId)
    .where('h.withdrawnAt', 'is', null)
    .orderBy('h.dueDate')
    .orderBy('h.assignedAt')
    .execute();
}

export async function findHomework(db: DbOrTx, programId: string, homeworkId: string): Promise<HomeworkRow | undefined> {
  return homework(db).where('h.programId', '=', programId).where('h.id', '=', homeworkId).executeTakeFirst();
}

/**
 * The assignees of these homework items with their completion. "Linked" completion is the first
 * time, after the homework was assigned, that the person did the linked thing: a coping-tool run,
 * the skill's practice prompt, a speaker–listener exercise of their couple that ended, the
 * questionnaire, or a signature of the couple's recovery plan. Only that instant is read, never
 * what was in it.
 */
export async function findAssignees(db: DbOrTx, homeworkIds: string[], personIds: string[] | null = null): Promise<AssigneeRow[]> {
  if (homeworkIds.length === 0) {
    return [];
  }
  const { rows } = await sql<AssigneeRow>`
    select a.homework_id, a.person_id, u.display_name, a.marked_done_at,
      case h.kind
        when 'skill-practice' then (
          select min(r.started_at) from coping_runs r
          where r.owner_id = a.person_id and r.tool = h.target and r.started_at >= h.assigned_at)
        when 'communication-exercise' then case
          when h.target = 'speaker-listener' then (
            select min(x.ended_at) from speaker_listener_sessions x
            where x.couple_id = h.couple_id and x.status = 'ended' and x.started_at >= h.assigned_at)
          else (
            select min(p.practiced_at) from skill_practices p
            where p.owner_id = a.person_id and p.skill_id = h.target and p.practiced_at >= h.assigned_at)
          end
        when 'assessment' then (
          select min(r.submitted_at) from assessment_responses r
          where r.owner_id = a.person_id and r.instrument_id = h.target and r.submitted_at >= h.assigned_at)
        when 'plan-review' then (
          select min(s.signed_at) from plan_versions v
          join plan_signatures s on s.plan_version_id = v.id and s.partner_id = a.person_id
          where v.couple_id = h.couple_id and s.signed_at >= h.assigned_at)
      end as linked_done_at
    from care_homework_assignees a
    join care_homework h on h.id = a.homework_id
    join users u on u.id = a.person_id
    where a.homework_id in (${sql.join(homeworkIds)})
      ${personIds === null ? sql`` : sql`and a.person_id in (${sql.join(personIds)})`}
    order by u.display_name`.execute(db);
  return rows;
}

export async function withdrawHomework(tx: Tx, homeworkId: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('careHomework')
    .set({ withdrawnAt: at })
    .where('id', '=', homeworkId)
    .where('withdrawnAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks (or, with null, unmarks) one person's own homework as done; false when it is not theirs or was withdrawn. */
export async function setMarkedDone(db: DbOrTx, personId: string, homeworkId: string, at: Date | null): Promise<boolean> {
  const result = await db
    .updateTable('careHomeworkAssignees')
    .set({ markedDoneAt: at })
    .where('personId', '=', personId)
    .where('homeworkId', '=', homeworkId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('careHomework as h')
          .select('h.id')
          .whereRef('h.id', '=', 'careHomeworkAssignees.homeworkId')
          .where('h.withdrawnAt', 'is', null),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findTimeZone(db: DbOrTx, personId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.timeZone;
}
