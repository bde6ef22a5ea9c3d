import { sql } from 'kysely';
import type { z } from 'zod';
import { type InstrumentDefinition, type InstrumentId, instruments, familyOf } from '@twofold/core/assessments/instruments';
import {
  type AssessmentScore,
  type ScoringOptions,
  applicableAnswers,
  checkAnswers,
  scoreAssessment,
} from '@twofold/core/assessments/scoring';
import { attachmentPattern } from '@twofold/core/assessments/attachment';
import { assessmentsToFhirBundle } from '@twofold/core/assessments/fhir';
import type {
  Assessment,
  assessmentInputSchema,
  attachmentViewSchema,
  safetyFlowSchema,
  safetyScreenStatusSchema,
  scheduleListSchema,
  sharedAssessmentSchema,
  SharedFamily,
} from '@twofold/core/assessments/assessment.schemas';
import type { CrisisResource } from '@twofold/core/crisis/crisis-resources';
import type { DataKind } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { DomainError, escapePointer } from '../../platform/errors';
import { addDays, clock, todayIn } from '../../platform/local-date';
import { appendAuditEntry } from '../../platform/audit';
import { findMembership, readAs, requireMembership, requireProgramRole } from '../../access/access';
import { jointFeaturesOpen } from '../../access/joint-features';
import { publishCoupleEvent } from '../../platform/events';
import { findTimeZone } from '../intake/intake.service';

/** What a deployment offers: its questionnaires, its PC-PTSD-5 cut-point, its crisis lines. */
export interface AssessmentSettings {
  offered: readonly InstrumentId[];
  ptsdCutoff: 3 | 4;
  crisis: readonly CrisisResource[];
}

/** Each family of questionnaires a person may share is one kind of data. The safety screen is none. */
export const kindOfFamily: Record<SharedFamily, DataKind> = {
  'mood-anxiety': 'assessments-mood-anxiety',
  'substance-use': 'assessments-substance-use',
  attachment: 'assessments-attachment',
  relationship: 'assessments-relationship',
};

export function offeredInstruments(settings: AssessmentSettings): InstrumentDefinition[] {
  return settings.offered.map((id) => instruments[id]);
}

function requireOffered(settings: AssessmentSettings, id: InstrumentId): InstrumentDefinition {
  if (!settings.offered.includes(id)) {
    throw new DomainError('validation-failed', 'This questionnaire is not offered here.', [
      { pointer: '/instrumentId', message: 'This questionnaire is not offered by this Twofold.' },
    ]);
  }
  return instruments[id];
}

type Row = {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  answers: Record<string, number>;
  score: unknown;
  localDate: string;
  submittedAt: Date;
};
type Scored = Extract<AssessmentScore, { status: 'scored' }>;

function safetyFlowOf(instrumentId: string, score: Scored): 'self-harm' | 'ipv' | null {
  if (score.critical.some((hit) => hit.flow === 'self-harm')) {
    return 'self-harm';
  }
  return instrumentId === 'hark' && score.positive === true ? 'ipv' : null;
}

function toShared(row: Row): z.infer<typeof sharedAssessmentSchema> {
  const score = row.score as Scored;
  return {
    id: row.id,
    instrumentId: row.instrumentId as InstrumentId,
    instrumentVersion: row.instrumentVersion,
    date: row.localDate,
    submittedAt: row.submittedAt.toISOString(),
    total: score.total,
    subscales: score.subscales,
    band: score.band,
    positive: score.positive,
    rule: score.rule,
  };
}

function toOwn(row: Row): Assessment {
  const score = row.score as Scored;
  return {
    ...toShared(row),
    scorerVersion: score.scorerVersion,
    answers: row.answers,
    safetyFlow: safetyFlowOf(row.instrumentId, score),
  };
}

const columns = ['id', 'instrumentId', 'instrumentVersion', 'answers', 'score', 'localDate', 'submittedAt'] as const;

const answerProblems = {
  'unknown-item': 'This questionnaire has no such question.',
  'invalid-value': 'This is not one of the answers to this question.',
  missing: 'Please answer this question.',
} as const;

/**
 * Saves one filled-in questionnaire, scored exactly, or nothing at all: incomplete or invalid
 * answers and a replayed submission are refused. A critical answer starts the safety flow at once:
 * crisis lines for the person and an alert to their care team (never to the partner).
 */
export async function submitAssessment(
  db: Db,
  settings: AssessmentSettings,
  actor: Actor,
  input: z.output<typeof assessmentInputSchema>,
): Promise<{ assessment: Assessment; safety: z.infer<typeof safetyFlowSchema> | null }> {
  const definition = requireOffered(settings, input.instrumentId);
  if (input.auditCThreshold !== undefined && definition.id !== 'audit-c') {
    throw new DomainError('validation-failed', 'Only the AUDIT-C asks which threshold applies.', [
      { pointer: '/auditCThreshold', message: 'Only the AUDIT-C asks this.' },
    ]);
  }
  const issues = checkAnswers(definition, input.answers);
  if (issues.length > 0) {
    throw new DomainError(
      'validation-failed',
      'Some answers need another look.',
      issues.map((issue) => ({ pointer: `/answers/${escapePointer(issue.itemId)}`, message: answerProblems[issue.problem] })),
    );
  }
  const options: ScoringOptions =
    definition.id === 'pc-ptsd-5'
      ? { ptsdCutoff: settings.ptsdCutoff }
      : definition.id === 'audit-c'
        ? { auditCThreshold: input.auditCThreshold ?? 'not-stated' }
        : {};
  const score = scoreAssessment(definition, input.answers, options);
  if (score.status !== 'scored') {
    throw new DomainError(
      'validation-failed',
      'Some answers need another look.',
      score.missing.map((itemId) => ({ pointer: `/answers/${escapePointer(itemId)}`, message: answerProblems.missing })),
    );
  }
  const today = todayIn(actor.timeZone ?? (await findTimeZone(db, actor.userId)), clock.now());

  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('assessmentResponses')
      .values({
        ownerId: actor.userId,
        submissionId: input.submissionId,
        instrumentId: definition.id,
        instrumentVersion: definition.version,
        // Only answers that apply (PC-PTSD-5 items after a No at the gate are not kept).
        answers: JSON.stringify(applicableAnswers(definition, input.answers)),
        scoringOptions: JSON.stringify(options),
        score: JSON.stringify(score),
        localDate: today,
      })
      .onConflict((conflict) => conflict.columns(['ownerId', 'submissionId']).doNothing())
      .returning(columns)
      .executeTakeFirst();
    if (!row) {
      throw new DomainError('conflict', 'This questionnaire was already saved.');
    }
    if (definition.id === 'hark') {
      const screen = {
        responseId: row.id,
        positive: score.positive === true,
        screenedAt: sql<Date>`now()`,
        reopenedAt: null,
        reopenedByRole: null,
      };
      await announcingOpening(tx, actor.userId, () =>
        tx
          .insertInto('safetyScreens')
          .values({ ownerId: actor.userId, ...screen })
          .onConflict((conflict) => conflict.column('ownerId').doUpdateSet(screen))
          .execute(),
      );
    }
    const assessment = toOwn(row);
    if (assessment.safetyFlow === null) {
      return { assessment, safety: null };
    }
    const alerted = await alertCareTeam(tx, actor.userId, row.id, assessment.safetyFlow, score);
    return {
      assessment,
      safety: {
        flow: assessment.safetyFlow,
        higherRisk: score.critical.some((hit) => hit.higherRisk),
        careTeamAlerted: alerted,
        resources: resourcesFor(settings, assessment.safetyFlow),
      },
    };
  });
}

/** Every program the person is in now gets an alert; the partner never does. */
async function alertCareTeam(
  tx: DbOrTx,
  personId: string,
  assessmentId: string,
  flow: 'self-harm' | 'ipv',
  score: Scored,
): Promise<boolean> {
  const programs = await tx
    .selectFrom('programEnrollments')
    .select('programId')
    .where('userId', '=', personId)
    .where('acceptedAt', 'is not', null)
    .where('endedAt', 'is', null)
    .execute();
  for (const { programId } of programs) {
    await tx
      .insertInto('careAlerts')
      .values({
        programId,
        personId,
        assessmentId,
        kind: flow === 'self-harm' ? 'self-harm' : 'safety-screen',
        higherRisk: score.critical.some((hit) => hit.higherRisk),
      })
      .execute();
  }
  return programs.length > 0;
}

/** The lines that fit the flow first, then the rest of the deployment's lines. */
function resourcesFor(settings: AssessmentSettings, flow: 'self-harm' | 'ipv' | null): CrisisResource[] {
  const first: CrisisResource['kind'][] =
    flow === 'self-harm' ? ['suicide', 'emergency', 'text'] : flow === 'ipv' ? ['ipv', 'emergency'] : [];
  const rank = (line: CrisisResource) => (first.includes(line.kind) ? first.indexOf(line.kind) : first.length);
  return [...settings.crisis].sort((a, b) => rank(a) - rank(b));
}

export async function findMyAssessments(db: Db, actor: Actor, instrumentId?: InstrumentId): Promise<Assessment[]> {
  let query = db.selectFrom('assessmentResponses').select(columns).where('ownerId', '=', actor.userId);
  if (instrumentId !== undefined) {
    query = query.where('instrumentId', '=', instrumentId);
  }
  const rows = await query.orderBy('submittedAt', 'desc').execute();
  return rows.map(toOwn);
}

/** Another person's results of one family, when they share it with the viewer: scores, never answers. */
export async function findSharedAssessments(db: Db, actor: Actor, ownerId: string, family: SharedFamily) {
  const ids = instrumentsOfFamily(family);
  return readAs(db, actor, ownerId, kindOfFamily[family], async (tx) => {
    const rows = await tx
      .selectFrom('assessmentResponses')
      .select(columns)
      .where('ownerId', '=', ownerId)
      .where('instrumentId', 'in', ids)
      .orderBy('submittedAt', 'desc')
      .execute();
    return rows.map(toShared);
  });
}

function instrumentsOfFamily(family: SharedFamily): InstrumentId[] {
  return (Object.keys(instruments) as InstrumentId[]).filter((id) => familyOf(id) === family);
}

export async function exportFhir(db: Db, actor: Actor) {
  const [rows, user] = await Promise.all([
    db.selectFrom('assessmentResponses').select(columns).where('ownerId', '=', actor.userId).orderBy('submittedAt').execute(),
    db.selectFrom('users').select('displayName').where('id', '=', actor.userId).executeTakeFirstOrThrow(),
  ]);
  const bundle = assessmentsToFhirBundle(
    { id: actor.userId, display: user.displayName },
    rows.map((row) => ({
      id: row.id,
      instrumentId: row.instrumentId as InstrumentId,
      instrumentVersion: row.instrumentVersion,
      answers: row.answers,
      score: row.score as AssessmentScore,
      submittedAt: row.submittedAt.toISOString(),
    })),
  );
  return { ...bundle };
}

// Schedules ----------------------------------------------------------------------------------

export async function findSchedules(db: Db, settings: AssessmentSettings, actor: Actor): Promise<z.infer<typeof scheduleListSchema>> {
  const [timeZone, schedules, last] = await Promise.all([
    actor.timeZone ?? findTimeZone(db, actor.userId),
    db.selectFrom('assessmentSchedules').selectAll().where('ownerId', '=', actor.userId).orderBy('instrumentId').execute(),
    db
      .selectFrom('assessmentResponses')
      .select(['instrumentId', (eb) => eb.fn.max('localDate').as('lastDate')])
      .where('ownerId', '=', actor.userId)
      .groupBy('instrumentId')
      .execute(),
  ]);
  const today = todayIn(timeZone, clock.now());
  const lastDates = new Map(last.map((row) => [row.instrumentId, row.lastDate as string]));
  return {
    today,
    // A questionnaire the deployment switched off is not due: the app does without it.
    schedules: schedules
      .filter((schedule) => settings.offered.includes(schedule.instrumentId as InstrumentId))
      .map((schedule) => {
        const lastDate = lastDates.get(schedule.instrumentId) ?? null;
        const dueDate = lastDate === null ? today : addDays(lastDate, schedule.everyDays);
        return {
          instrumentId: schedule.instrumentId as InstrumentId,
          everyDays: schedule.everyDays,
          setBy: schedule.setByRole,
          lastDate,
          dueDate,
          isDue: dueDate <= today,
        };
      }),
  };
}

async function saveSchedule(db: DbOrTx, ownerId: string, instrumentId: InstrumentId, everyDays: number, setByRole: 'self' | 'clinician') {
  const values = { everyDays, setByRole, updatedAt: sql<Date>`now()` };
  await db
    .insertInto('assessmentSchedules')
    .values({ ownerId, instrumentId, ...values })
    .onConflict((conflict) => conflict.columns(['ownerId', 'instrumentId']).doUpdateSet(values))
    .execute();
}

export async function setMySchedule(db: Db, settings: AssessmentSettings, actor: Actor, instrumentId: InstrumentId, everyDays: number) {
  requireOffered(settings, instrumentId);
  await saveSchedule(db, actor.userId, instrumentId, everyDays, 'self');
  return findSchedules(db, settings, actor);
}

export async function removeMySchedule(db: Db, actor: Actor, instrumentId: InstrumentId): Promise<void> {
  const result = await db
    .deleteFrom('assessmentSchedules')
    .where('ownerId', '=', actor.userId)
    .where('instrumentId', '=', instrumentId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
}

/**
 * A clinician acts for a person of their program only while that person's enrollment is current;
 * otherwise the person does not exist for them (404). The action goes into the person's audit trail.
 */
async function actAsClinicianFor<T>(
  db: Db,
  actor: Actor,
  programId: string,
  personId: string,
  kind: string,
  act: (tx: DbOrTx) => Promise<T>,
) {
  return db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const enrolled = await tx
      .selectFrom('programEnrollments')
      .select('userId')
      .where('programId', '=', programId)
      .where('userId', '=', personId)
      .where('acceptedAt', 'is not', null)
      .where('endedAt', 'is', null)
      .executeTakeFirst();
    if (!enrolled) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const result = await act(tx);
    await appendAuditEntry(tx, {
      actorId: actor.userId,
      subjectId: personId,
      kind,
      action: 'write',
      purpose: 'treatment',
      relation: 'clinician',
      programId,
    });
    return result;
  });
}

export async function setScheduleAsClinician(
  db: Db,
  settings: AssessmentSettings,
  actor: Actor,
  params: { programId: string; personId: string; instrumentId: InstrumentId },
  everyDays: number,
): Promise<void> {
  requireOffered(settings, params.instrumentId);
  await actAsClinicianFor(db, actor, params.programId, params.personId, 'assessment-schedules', (tx) =>
    saveSchedule(tx, params.personId, params.instrumentId, everyDays, 'clinician'),
  );
}

// The private safety screen ----------------------------------------------------------------

export async function findSafetyScreen(
  db: Db,
  settings: AssessmentSettings,
  actor: Actor,
): Promise<z.infer<typeof safetyScreenStatusSchema>> {
  const screen = await db.selectFrom('safetyScreens').selectAll().where('ownerId', '=', actor.userId).executeTakeFirst();
  const status = !screen ? 'missing' : !screen.positive ? 'clear' : screen.reopenedAt ? 'reopened' : 'positive';
  return {
    status,
    screenedAt: screen?.screenedAt.toISOString() ?? null,
    resources: resourcesFor(settings, status === 'positive' || status === 'reopened' ? 'ipv' : null),
  };
}

async function reopen(tx: DbOrTx, personId: string, role: 'self' | 'clinician'): Promise<void> {
  await announcingOpening(tx, personId, async () => {
    const result = await tx
      .updateTable('safetyScreens')
      .set({ reopenedAt: sql<Date>`now()`, reopenedByRole: role })
      .where('ownerId', '=', personId)
      .where('positive', '=', true)
      .where('reopenedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new DomainError('conflict', 'Joint features are not closed by a safety screen.');
    }
  });
}

/**
 * Runs a change to a person's safety screen and, when it opens the couple's joint features, tells
 * both open screens at once (`couple.joint-features`, no data), so the waiting page opens by itself.
 * Nothing else is announced: an answer that leaves them closed, or closes them, sends nothing, so an
 * event never tells the partner that the other answered, nor how; polling shows no more.
 */
async function announcingOpening(tx: DbOrTx, personId: string, change: () => Promise<unknown>): Promise<void> {
  const membership = await findMembership(tx, personId);
  const wasOpen = membership ? await jointFeaturesOpen(tx, membership.coupleId) : true;
  await change();
  if (membership && !wasOpen && (await jointFeaturesOpen(tx, membership.coupleId))) {
    await publishCoupleEvent(tx, membership.coupleId, { type: 'couple.joint-features', actorId: personId });
  }
}

export async function reopenMyJointFeatures(db: Db, settings: AssessmentSettings, actor: Actor) {
  await db.transaction().execute((tx) => reopen(tx, actor.userId, 'self'));
  return findSafetyScreen(db, settings, actor);
}

export async function reopenJointFeaturesAsClinician(db: Db, actor: Actor, programId: string, personId: string): Promise<void> {
  await actAsClinicianFor(db, actor, programId, personId, 'safety-screen', (tx) => reopen(tx, personId, 'clinician'));
}

export async function findJointFeatures(db: Db, actor: Actor): Promise<{ status: 'open' | 'not-available-yet' }> {
  const membership = await requireMembership(db, actor);
  return { status: (await jointFeaturesOpen(db, membership.coupleId)) ? 'open' : 'not-available-yet' };
}

// Attachment (ECR-S) -------------------------------------------------------------------------

const scoresOf = ({ anxiety, avoidance }: { anxiety: number; avoidance: number }) => ({ anxiety, avoidance });

async function latestEcr(db: DbOrTx, ownerId: string) {
  const row = await db
    .selectFrom('assessmentResponses')
    .select(['score', 'localDate'])
    .where('ownerId', '=', ownerId)
    .where('instrumentId', '=', 'ecr-s')
    .orderBy('submittedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  const subscales = (row?.score as Scored | undefined)?.subscales;
  return row && subscales ? { anxiety: subscales.anxiety ?? 0, avoidance: subscales.avoidance ?? 0, date: row.localDate } : undefined;
}

/**
 * My ECR-S and, when my partner shares theirs with me, theirs; the pattern where the two meet only
 * when both of us share with each other, so nobody learns about a pattern the other did not choose to show.
 */
export async function findAttachmentView(db: Db, actor: Actor): Promise<z.infer<typeof attachmentViewSchema>> {
  const membership = await findMembership(db, actor.userId);
  const mine = (await latestEcr(db, actor.userId)) ?? null;
  const partnerRow = membership
    ? await db
        .selectFrom('coupleMembers')
        .select('userId')
        .where('coupleId', '=', membership.coupleId)
        .where('userId', '!=', actor.userId)
        .where('leftAt', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!partnerRow) {
    return { mine, partner: null, pattern: null };
  }
  const partner = await readAs(db, actor, partnerRow.userId, 'assessments-attachment', (tx) => latestEcr(tx, partnerRow.userId)).catch(
    (error: unknown) => {
      if (error instanceof DomainError && error.code === 'not-found') {
        return null;
      }
      throw error;
    },
  );
  const mySetting = await db
    .selectFrom('sharingSettings')
    .select('audience')
    .where('ownerId', '=', actor.userId)
    .where('kind', '=', 'assessments-attachment')
    .executeTakeFirst();
  const iShare = mySetting?.audience === 'partner' || mySetting?.audience === 'both';
  const pattern = mine && partner && iShare ? attachmentPattern(scoresOf(mine), scoresOf(partner)).id : null;
  return { mine, partner, pattern };
}

// Care-team alerts ---------------------------------------------------------------------------

/** The program's safety alerts about people enrolled now, newest first; each read is audited per person. */
export async function findCareAlerts(db: Db, actor: Actor, programId: string) {
  return db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const rows = await tx
      .selectFrom('careAlerts as a')
      .innerJoin('users as u', 'u.id', 'a.personId')
      .innerJoin('programEnrollments as e', (join) =>
        join
          .onRef('e.programId', '=', 'a.programId')
          .onRef('e.userId', '=', 'a.personId')
          .on('e.acceptedAt', 'is not', null)
          .on('e.endedAt', 'is', null),
      )
      .select(['a.id', 'a.personId', 'u.displayName as personName', 'a.kind', 'a.higherRisk', 'a.createdAt', 'a.acknowledgedAt'])
      .where('a.programId', '=', programId)
      .orderBy('a.createdAt', 'desc')
      .limit(200)
      .execute();
    for (const personId of new Set(rows.map((row) => row.personId))) {
      await appendAuditEntry(tx, {
        actorId: actor.userId,
        subjectId: personId,
        kind: 'safety-alerts',
        action: 'read',
        purpose: 'treatment',
        relation: 'clinician',
        programId,
      });
    }
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    }));
  });
}

export async function acknowledgeCareAlert(db: Db, actor: Actor, programId: string, alertId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const alert = await tx
      .selectFrom('careAlerts as a')
      .innerJoin('programEnrollments as e', (join) =>
        join
          .onRef('e.programId', '=', 'a.programId')
          .onRef('e.userId', '=', 'a.personId')
          .on('e.acceptedAt', 'is not', null)
          .on('e.endedAt', 'is', null),
      )
      .select('a.id')
      .where('a.id', '=', alertId)
      .where('a.programId', '=', programId)
      .executeTakeFirst();
    if (!alert) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    await tx
      .updateTable('careAlerts')
      .set({ acknowledgedAt: sql<Date>`now()`, acknowledgedBy: actor.userId })
      .where('id', '=', alertId)
      .where('acknowledgedAt', 'is', null)
      .execute();
  });
}
